import type { Report } from '../../model/types.ts';
import {
  comparable,
  compareTexts,
  describeFinding,
  expectedTexts,
  LAYOUT_FAULT,
  quote,
} from '../text-guard.ts';
import { linesOffPage, overlappingLines, type PageText, type TextLine } from '../text-layout.ts';
import { OutputError } from '../output.ts';

/**
 * The PDF guard (issue 11 item 2): the brief just rendered, as react-pdf drew
 * it (`pages`: its text lines from render/text-layout.ts's `drawnText`, the
 * lines pdf.js reads from the file), must hold every paragraph, point,
 * recommendation and name of the report once and in order, with no two lines
 * of text printed over each other and none outside its page. Otherwise the
 * build fails with the fields concerned and writes nothing.
 *
 * `dropped`: characters no brand font can draw, when the build was allowed to
 * go on without them; react-pdf prints something else in their place.
 */
export function guardBrief(
  report: Report,
  pages: PageText[],
  dropped: ReadonlySet<string> = new Set(),
): void {
  const expected = expectedTexts(report);
  // The content text in reading order; artifacts (running header, footer, "continued") are not the report's.
  let found = '';
  const located: { line: TextLine; start: number; end: number }[] = [];
  for (const line of pages.flatMap((p) => p.lines)) {
    if (line.artifact) continue;
    const start = found.length;
    found += comparable(line.text, dropped);
    located.push({ line, start, end: found.length });
  }
  const { findings, spans } = compareTexts(expected, found, dropped);
  const fieldOf = (line: TextLine): string => {
    if (line.artifact) return 'the running header or footer';
    const at = located.find((l) => l.line === line);
    const span = at && spans.find((s) => s.start < at.end && at.start < s.end);
    return span?.where ?? 'a heading or label';
  };
  const problems = findings.map((f) => describeFinding(f, 'PDF'));
  // With characters allowed to be missing, their stand-in font's lines may collide; they belong to no text,
  // and were warned of.
  const attributed = (line: TextLine) => fieldOf(line) !== 'a heading or label';
  for (const { page, first, second } of overlappingLines(pages)) {
    if (dropped.size && !(attributed(first) && attributed(second))) continue;
    problems.push(
      `page ${page}: ${quote(first.text, 32)} (${fieldOf(first)}) and ${quote(second.text, 32)} ` +
        `(${fieldOf(second)}) are printed over each other`,
    );
  }
  // Content only: a running header cut at the page edge repeats what the page says (long unbroken words are
  // issue 15's).
  for (const line of linesOffPage(pages).filter((l) => !l.artifact))
    problems.push(`page ${line.page}: ${quote(line.text, 32)} (${fieldOf(line)}) is drawn outside the page`);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 8);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  throw new OutputError(
    `the PDF brief failed its check, so it was not written:\n  ${shown.join('\n  ')}\n${LAYOUT_FAULT}`,
  );
}
