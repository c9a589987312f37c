import type { Report } from '../../model/types.ts';
import { comparable, describeFinding, expectedTexts, LAYOUT_FAULT } from '../text-guard.ts';
import { OutputError } from '../output.ts';

/**
 * The web edition's guard (issue 11 item 2): the page as written must hold
 * every paragraph, point, recommendation and name of the report in its
 * visible text (the body, without scripts, styles or attributes). Order is the
 * page's own (a name is also in its contents list), so presence is checked.
 */
export function guardPage(report: Report, html: string): void {
  const body = html
    .slice(Math.max(0, html.search(/<body[\s>]/i)))
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '');
  const text = comparable(decodeEntities(body));
  const missing = expectedTexts(report).filter((item) => !text.includes(comparable(item.text)));
  if (missing.length === 0) return;
  const shown = missing
    .slice(0, 8)
    .map((item) => describeFinding({ ...item, problem: 'missing' }, 'web edition'));
  if (missing.length > shown.length) shown.push(`… and ${missing.length - shown.length} more`);
  throw new OutputError(
    `the web edition failed its check, so it was not written:\n  ${shown.join('\n  ')}\n${LAYOUT_FAULT}`,
  );
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return NAMED[e.toLowerCase()] ?? whole;
  });
}
