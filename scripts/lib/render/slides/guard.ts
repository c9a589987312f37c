import type { Report } from '../../model/types.ts';
import { comparable, describeFinding, expectedTexts, LAYOUT_FAULT } from '../text-guard.ts';
import { OutputError } from '../output.ts';
import { readZip } from './zip.ts';

/**
 * The deck guard (issue 11 item 2): the written PPTX, unzipped again, must
 * show every paragraph, point, recommendation and name of the report on a
 * slide or in a slide's notes. It reads the package's XML, not the slide
 * plan, so it holds whatever plans the slides.
 */
export function guardDeck(report: Report, bytes: Uint8Array): void {
  const parts = readZip(bytes);
  const texts = (prefix: string) =>
    [...parts.keys()]
      .filter((name) => name.startsWith(prefix) && name.endsWith('.xml'))
      .sort((a, b) => number(a) - number(b))
      .map((name) => comparable(textOf(Buffer.from(parts.get(name)!).toString('utf8'))));
  const slides = texts('ppt/slides/slide');
  const notes = texts('ppt/notesSlides/notesSlide');
  const all = [slides.join(''), notes.join(''), ...slides, ...notes];
  const problems = expectedTexts(report)
    .filter((item) => {
      const wanted = comparable(item.text);
      return wanted !== '' && !all.some((text) => text.includes(wanted));
    })
    .map((item) =>
      describeFinding({ ...item, problem: 'missing' }, 'deck (on its slides and in their notes)'),
    );
  if (problems.length === 0) return;
  const shown = problems.slice(0, 8);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  throw new OutputError(
    `the slide deck failed its check, so it was not written:\n  ${shown.join('\n  ')}\n${LAYOUT_FAULT}`,
  );
}

const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

/** The text runs of a DrawingML part, each paragraph ending in a space. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>|<\/a:p>|<a:br\/>/g)]
    .map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : ' '))
    .join('');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[\da-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e in named) return named[e]!;
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
    );
  });
}
