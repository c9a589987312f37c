import { contactChannels } from '../../model/contact.ts';
import type { Report } from '../../model/types.ts';
import {
  comparable,
  compareTexts,
  describeFinding,
  expectedTexts,
  type ExpectedText,
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
  const furniture = furnitureOf(report, dropped);
  // A line outside every text found belongs to one reported missing, else to what the cover, the running
  // header and footer and the contact block print, else to any text that holds it.
  const lost = new Set(findings.map((f) => f.where));
  const compared = (list: ExpectedText[]) =>
    list.map((e) => ({ where: e.where, text: comparable(e.text, dropped) }));
  const holders = [
    ...compared(expected.filter((e) => lost.has(e.where))),
    ...furniture,
    ...compared(expected),
  ].filter((h) => h.text.length >= 3); // a text of only undrawable (dropped) letters holds nothing
  const fieldOf = (line: TextLine): string => {
    const text = comparable(line.text, dropped).replace(/…$/, '');
    if (line.artifact) {
      const source =
        text.length >= 3 && furniture.find((f) => f.text.includes(text) || text.includes(f.text));
      return source ? `${source.where}, in the running header or footer` : 'the running header or footer';
    }
    const at = located.find((l) => l.line === line);
    const span = at && spans.find((s) => s.start < at.end && at.start < s.end);
    if (span) return span.where;
    const holder =
      text.length >= 3 && holders.find((h) => h.text.includes(text) || text.includes(h.text.slice(0, 12)));
    return holder ? holder.where : 'a heading or label';
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
  // The running header and footer too, named by the field they print: a word too long for them runs off.
  for (const line of linesOffPage(pages))
    problems.push(`page ${line.page}: ${quote(line.text, 32)} (${fieldOf(line)}) is drawn outside the page`);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 8);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  throw new OutputError(
    `the PDF brief failed its check, so it was not written:\n  ${shown.join('\n  ')}\n${LAYOUT_FAULT}`,
  );
}

/**
 * Texts the brief prints that are not compared (they are page furniture, or
 * set in capitals), by the field they come from: to name the field of a line
 * of the running header or footer, the cover's label or the contact block.
 */
function furnitureOf(report: Report, dropped: ReadonlySet<string>): { where: string; text: string }[] {
  const upper = (text: string) => text.toLocaleUpperCase(report.language);
  return [
    { where: 'event.title', text: report.event.titleText },
    { where: 'report.label', text: report.label },
    { where: 'report.label', text: upper(report.label) },
    ...[report.brand.organisation.full, upper(report.brand.organisation.full)].map((text) => ({
      where: `the organisation's name (brand ${report.brand.name})`,
      text,
    })),
    { where: 'event.kind', text: report.event.kind },
    { where: 'event.kind', text: upper(report.event.kind) },
    ...report.speakers.map((s, i) => ({ where: `speakers[${i}].name`, text: s.nameText })),
    { where: 'report.authors', text: report.authors.join(', ') },
    ...contactChannels(report.contact, report.labels.contact).map((c) => ({
      where: `contact.${c.kind}`,
      text: c.text,
    })),
  ]
    .map((f) => ({ ...f, text: comparable(f.text, dropped) }))
    .filter((f) => f.text.length >= 3);
}
