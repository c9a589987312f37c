import type { Inline } from '../../scripts/lib/model/inline.ts';
import { isAllowedLink } from '../../scripts/lib/model/links.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The link targets an e-mail may carry (model/links.ts). Loading refuses any
 * other, so this only guards against a model built some other way: such a link
 * is shown as its label only.
 */
export function safeHref(href: string): string | undefined {
  return isAllowedLink(href) ? href : undefined;
}

/** Inline runs as HTML: escaped text, <strong>, <em> and links in the given colour. */
export function inlineHtml(runs: Inline, linkColour: string): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text).replace(/\n/g, '<br>');
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      const href = run.href && safeHref(run.href);
      if (href)
        html = `<a href="${escapeHtml(href)}" style="color:${linkColour};text-decoration:underline;">${html}</a>`;
      return html;
    })
    .join('');
}

/**
 * Inline runs as plain text. Bold and italic have no plain form worth the
 * noise; a link keeps its target after the label, as mail clients make it clickable.
 */
export function inlineText(runs: Inline): string {
  return runs
    .map((run) => {
      const href = run.href && safeHref(run.href);
      if (!href) return run.text;
      const target = href.replace(/^mailto:/i, '');
      return run.text.trim() === target ? run.text : `${run.text} <${href}>`;
    })
    .join('');
}
