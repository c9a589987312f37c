import type { Inline, Paragraphs } from '../../scripts/lib/model/inline.ts';
import { escapeHtml, inlineHtml } from './inline.ts';
import { gutter, type, type EmailTheme } from './theme.ts';

/**
 * The building blocks of the HTML e-mail. Mail clients (Outlook's Word
 * engine above all) ignore most CSS, so layout is tables with presentation
 * roles, every style is inline, and sizes and colours are repeated as attributes.
 * Class names (`bp-…`) are only hooks for the dark-mode block of darkModeCss;
 * nothing depends on them in light mode.
 */

/** A layout table: no borders, no spacing, ignored by screen readers. */
export function table(content: string, attributes = 'width="100%"', style = ''): string {
  return (
    `<table role="presentation" ${attributes} cellpadding="0" cellspacing="0" ` +
    `border="0" style="border-collapse:collapse;${style}">${content}</table>`
  );
}

/** One full-width row of the message column, with the page gutter. */
export function row(content: string, options: { background?: string; padding?: string } = {}): string {
  const bg = options.background ? ` bgcolor="${options.background}"` : '';
  const bgStyle = options.background ? `background-color:${options.background};` : '';
  return `<tr><td${bg} style="${bgStyle}padding:${options.padding ?? `0 ${gutter}px`};">${content}</td></tr>`;
}

/**
 * A solid line of colour, for the accent rule under the header: the top
 * border of an empty cell. A `height` would be dropped by Yahoo and AOL
 * (caniemail), leaving a line as tall as the cell's text; a border is drawn everywhere.
 */
export function rule(colour: string, thickness: number): string {
  return (
    `<tr><td class="bp-rule" style="border-top:${thickness}px ` +
    `solid ${colour};font-size:0;line-height:0;mso-line-height-rule:exactly;` +
    `">&nbsp;</td></tr>`
  );
}

/** Body text paragraphs. */
export function paragraphs(text: Paragraphs, theme: EmailTheme, margin = 16): string {
  return text.map((p) => paragraph(p, theme, margin)).join('');
}

/** One paragraph of body text, with its inline bold, italic and links. */
export function paragraph(text: Inline, theme: EmailTheme, margin = 16): string {
  return (
    `<p class="bp-text" style="margin:0 0 ${margin}px ` +
    `0;font-family:${theme.body};font-size:${type.body}px;` +
    `line-height:${type.bodyLine}px;mso-line-height-rule:exactly;` +
    `color:${theme.colors.text};">${inlineHtml(text, theme.colors.heading)}</p>`
  );
}

/** A section heading: the brand's heading face and colour over a short accent rule. */
export function sectionHeading(title: string, theme: EmailTheme): string {
  return (
    `<h2 class="bp-heading" style="margin:0 0 6px ` +
    `0;font-family:${theme.heading};font-size:${type.h2}px;` +
    `line-height:28px;font-weight:${theme.headingWeight};` +
    `color:${theme.colors.heading};">${escapeHtml(title)}</h2>` +
    table(
      `<tr><td class="bp-rule" width="48" style="width:48px;border-top:3px solid ` +
        `${theme.colors.accent};font-size:0;line-height:0;mso-line-height-rule:exactly;">&nbsp;</td><td ` +
        `style="font-size:0;line-height:0;">&nbsp;</td></tr>`,
      'width="100%"',
      'margin:0 0 18px 0;',
    )
  );
}

/** One numbered recommendation: the number in the accent colour, the headline in bold above the text. */
export function numberedItem(
  number: number,
  headline: Inline | undefined,
  text: Paragraphs,
  theme: EmailTheme,
): string {
  const head = headline
    ? `<p class="bp-heading" style="margin:0 0 6px 0;` +
      `font-family:${theme.body};font-size:${type.body}px;` +
      `line-height:${type.bodyLine}px;font-weight:bold;` +
      `color:${theme.colors.heading};">${inlineHtml(headline, theme.colors.heading)}</p>`
    : '';
  const body = text.map((p, i) => paragraph(p, theme, i === text.length - 1 ? 0 : 10)).join('');
  return table(
    `<tr>` +
      (`<td class="bp-accent" width="40" valign="top" style="width:40px;padding:0 ` +
        (`0 18px 0;font-family:${theme.heading};font-size:${type.number}px;` +
          `line-height:${type.bodyLine}px;font-weight:bold;` +
          `color:${theme.colors.accent};">${number}.</td>`)) +
      `<td valign="top" style="padding:0 0 18px 0;">${head}${body}</td>` +
      `</tr>`,
  );
}

/** Small secondary text, e.g. the contact lines; `role` names its colour for dark mode (none on the brand's
 * bands, which stay as they are). */
export function small(
  html: string,
  theme: EmailTheme,
  colour = theme.colors.muted,
  role?: 'text' | 'muted',
): string {
  return (
    `<p${role ? ` class="bp-${role}"` : ''} style="margin:0;` +
    `font-family:${theme.body};font-size:${type.small}px;` +
    `line-height:${type.smallLine}px;mso-line-height-rule:exactly;` +
    `color:${colour};">${html}</p>`
  );
}

/**
 * The dark-mode block: where a client honours prefers-color-scheme (Apple
 * Mail, Outlook for Mac and iOS, Thunderbird…), the white column turns dark
 * and the text light, in colours derived from the brand. The title band and
 * footer are the brand's dark primary colour already and stay as they are;
 * the logo keeps a light backing (see the header). Clients without the media
 * query show the light design, which their own dark modes may recolour.
 */
export function darkModeCss(theme: EmailTheme): string {
  const d = theme.dark;
  return [
    ':root{color-scheme:light dark;supported-color-schemes:light dark;}',
    '@media (prefers-color-scheme: dark){',
    `.bp-page{background-color:${d.page}!important;}`,
    `.bp-card{background-color:${d.card}!important;}`,
    `.bp-panel{background-color:${d.panel}!important;}`,
    `.bp-text{color:${d.text}!important;}`,
    `.bp-heading,.bp-heading a,.bp-text a{color:${d.heading}!important;}`,
    `.bp-accent{color:${d.accent}!important;}`,
    `.bp-rule{border-color:${d.accent}!important;}`,
    `.bp-muted{color:${d.muted}!important;}`,
    '}',
  ].join('\n');
}
