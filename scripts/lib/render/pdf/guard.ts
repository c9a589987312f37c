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

/** The cover's texts of any length, in the order the cover prints them. */
const COVER_TEXTS = ['kind', 'title', 'subtitle', 'venue'] as const;

/**
 * The cover is one page (issue 11): a title, subtitle or kind too long for it
 * ran onto a second page, the cover's band and the body pushed after it. The
 * body's pages all print the running header and footer (artifacts), so the
 * pages before the first of those are the cover's. Returns the problem, located
 * at the cover text that ran over (else the title), or undefined.
 */
export function coverProblem(
  report: Report,
  pages: PageText[],
  locate: (where: readonly PropertyKey[]) => string,
): string | undefined {
  const coverPages = pages.findIndex((p) => p.lines.some((l) => l.artifact));
  if (coverPages <= 1) return undefined;
  const { event } = report;
  const texts = {
    kind: event.kind,
    title: event.titleText,
    subtitle: event.subtitleText,
    venue: event.venue,
  };
  const present = COVER_TEXTS.filter((key) => texts[key]);
  // The first line past the first page, and the cover text it belongs to.
  const first = comparable(pages[1]!.lines[0]?.text ?? '');
  const over = present.find((key) => first.length >= 3 && comparable(texts[key]!).includes(first)) ?? 'title';
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const long = present
    .filter((key) => key === over || words(texts[key]!) > 12)
    .map((key) => `event.${key} (${words(texts[key]!)} words)`);
  return (
    `the cover would take ${coverPages} pages instead of one, so the PDF brief was not written:\n` +
    `  ${locate(['event', over])}: event.${over} runs onto a second page from ` +
    `${quote(pages[1]!.lines[0]?.text ?? '', 32)}\n` +
    `Shorten ${long.join(' or ')}: the cover sets its texts large, on one page; a long text belongs in the ` +
    `framework.`
  );
}
