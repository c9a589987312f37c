import { plain, type Inline } from '../model/inline.ts';
import type { Person, Report } from '../model/types.ts';

/**
 * What every output must show: the report's texts by the field they come from,
 * in reading order. The guards of the PDF, the deck and the web edition read
 * their written output back and compare it with this list (issue 11), so a
 * layout that loses, repeats or reorders a text fails the build instead of
 * shipping a damaged file.
 */
export interface ExpectedText {
  /** The field, as problems name it: `speakers[1].points[0]`, `framework (paragraph 2)`. */
  where: string;
  text: string;
}

export function expectedTexts(report: Report): ExpectedText[] {
  const out: ExpectedText[] = [];
  const add = (where: string, runs: Inline | string | undefined) => {
    const text = typeof runs === 'string' ? runs : runs && plain(runs);
    if (text && text.trim()) out.push({ where, text });
  };
  const paragraphs = (key: string, list: Inline[] | undefined) =>
    list?.forEach((runs, i) => add(list.length > 1 ? `${key} (paragraph ${i + 1})` : key, runs));
  // The cover's: a word too wide for it is cut there, the rest of the title silently gone (issue 11).
  add('event.title', report.event.title);
  add('event.subtitle', report.event.subtitle);
  add('event.venue', report.event.venue);
  paragraphs('framework', report.framework);
  const person = (key: string, p: Person) => {
    add(`${key}.name`, p.nameText);
    add(`${key}.role`, p.role);
    // Line by line: the deck's notes join them with commas.
    p.affiliation.forEach((line, j) =>
      add(p.affiliation.length > 1 ? `${key}.affiliation (line ${j + 1})` : `${key}.affiliation`, line),
    );
  };
  report.moderators.forEach((m, i) => person(`moderators[${i}]`, m));
  report.moderation.forEach((runs, i) => add(`moderation[${i}]`, runs));
  report.speakers.forEach((s, i) => {
    person(`speakers[${i}]`, s);
    s.points.forEach((runs, j) => add(`speakers[${i}].points[${j}]`, runs));
  });
  report.highlights.forEach((h, i) => add(`highlights[${i}].caption`, h.caption));
  report.recommendations.forEach((r, i) => {
    add(r.headline ? `recommendations[${i}].headline` : `recommendations[${i}]`, r.headline);
    r.text.forEach((runs, j) =>
      add(
        r.headline
          ? `recommendations[${i}].text${r.text.length > 1 ? ` (paragraph ${j + 1})` : ''}`
          : `recommendations[${i}]${r.text.length > 1 ? ` (paragraph ${j + 1})` : ''}`,
        runs,
      ),
    );
  });
  paragraphs('summary', report.summary);
  paragraphs('conclusion', report.conclusion);
  if (report.thanks) {
    add('thanks.name', report.thanks.nameText);
    add('thanks.role', report.thanks.role);
    paragraphs('thanks.text', report.thanks.text);
  }
  return out;
}

/** Letters of right-to-left scripts: extraction tools give them in visual or logical order, so order checks
 * skip them. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;
/** Invisible characters a reader never sees, and marks a layout may drop. */
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/**
 * Text as compared: compatibility-normalised (a ligature "ﬁ" is "fi", an
 * Arabic presentation form its letter), without whitespace, invisible
 * characters or right-to-left letters, and without the `dropped` characters
 * (those no brand font can draw, when the build was told to go on anyway).
 */
export function comparable(text: string, dropped: ReadonlySet<string> = new Set()): string {
  let out = text.normalize('NFKC').replace(INVISIBLE, '').replace(RTL, '');
  if (dropped.size) out = [...out].filter((c) => !dropped.has(c)).join('');
  return out;
}

export interface TextFinding {
  where: string;
  text: string;
  problem: 'missing' | 'out of order' | 'repeated';
}

/**
 * Finds each expected text in `found` (the output's text in reading order,
 * already `comparable`), each after the one before; a text found only earlier
 * is out of order, one found right again after itself is repeated.
 * `dropped` characters split a text into pieces that must each be there.
 */
export function compareTexts(
  expected: ExpectedText[],
  found: string,
  dropped: ReadonlySet<string> = new Set(),
): { findings: TextFinding[]; spans: { where: string; start: number; end: number }[] } {
  const findings: TextFinding[] = [];
  const spans: { where: string; start: number; end: number }[] = [];
  let cursor = 0;
  for (const item of expected) {
    const pieces = dropped.size ? splitAt(item.text, dropped) : [comparable(item.text)];
    let at = cursor;
    let start = -1;
    let ok = true;
    for (const piece of pieces.filter(Boolean)) {
      const i = found.indexOf(piece, at);
      if (i < 0) {
        ok = false;
        break;
      }
      if (start < 0) start = i;
      at = i + piece.length;
    }
    if (!ok) {
      const anywhere = pieces.filter(Boolean).every((p) => found.includes(p));
      findings.push({ where: item.where, text: item.text, problem: anywhere ? 'out of order' : 'missing' });
      continue;
    }
    if (start < 0) continue; // nothing comparable (only right-to-left letters, or only undrawable ones)
    spans.push({ where: item.where, start, end: at });
    cursor = at;
  }
  // Right after itself, a long text again: a fragment printed twice.
  spans.forEach((span, i) => {
    const text = found.slice(span.start, span.end);
    const next = spans[i + 1]?.start ?? found.length;
    if (text.length >= 12 && found.slice(span.end, next).includes(text)) {
      findings.push({
        where: span.where,
        text: expected.find((e) => e.where === span.where)!.text,
        problem: 'repeated',
      });
    }
  });
  return { findings, spans };
}

function splitAt(text: string, dropped: ReadonlySet<string>): string[] {
  const pieces: string[] = [''];
  for (const char of text.normalize('NFKC')) {
    if (dropped.has(char)) pieces.push('');
    else pieces[pieces.length - 1] += char;
  }
  return pieces.map((p) => comparable(p));
}

/** "«The militant landscape in Pakistan has…»": the start of a text, for messages. */
export function quote(text: string, length = 48): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `«${clean.length > length ? `${clean.slice(0, length - 1).trimEnd()}…` : clean}»`;
}

/** One line for a finding: `speakers[1].points[0] «…» is missing from the PDF`. */
export function describeFinding(finding: TextFinding, output: string): string {
  const what = {
    missing: `is missing from the ${output}`,
    'out of order': `is in the ${output}, but out of order`,
    repeated: `is in the ${output} twice`,
  }[finding.problem];
  return `${finding.where} ${quote(finding.text)} ${what}`;
}

/** The closing advice of every guard failure: the report is fine, the layout is not. */
export const LAYOUT_FAULT =
  "This is a fault in briefpress's layout, not in your report, so nothing " +
  'was written. Please report it with the report file; meanwhile, shortening ' +
  'the text named may get you a build.';
