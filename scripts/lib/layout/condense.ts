import { plain, type Inline, type Paragraphs } from '../model/inline.ts';

/**
 * Shortening text for slides, keeping its bold, italic and links: cutting runs
 * at character offsets, finding sentence ends, and the condensed form of a
 * section (its lead sentences) whose full text goes into the speaker notes.
 */

/** The runs between two character offsets of their plain text. */
export function sliceInline(runs: Inline, start: number, end = Infinity): Inline {
  const out: Inline = [];
  let offset = 0;
  for (const run of runs) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, run.text.length);
    if (to > from) out.push({ ...run, text: run.text.slice(from, to) });
    offset += run.text.length;
  }
  return out;
}

/** Runs with their leading and trailing spaces removed. */
export function trimInline(runs: Inline): Inline {
  const text = plain(runs);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return sliceInline(runs, start, end);
}

/** Appends (or prepends) plain text in the style of the neighbouring run. */
export function withText(runs: Inline, text: string, at: 'start' | 'end'): Inline {
  if (runs.length === 0) return [{ text }];
  if (at === 'end')
    return [...runs.slice(0, -1), { ...runs[runs.length - 1]!, text: runs[runs.length - 1]!.text + text }];
  return [{ ...runs[0]!, text: text + runs[0]!.text }, ...runs.slice(1)];
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS =
  /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Col|Lt|Capt|Maj|Sen|Rep|Hon|Amb|No|Nos|vs|etc|e\.g|i\.e|approx|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N)\.$/i;

/** Offsets where sentences end (after the punctuation and closing quotes), in order. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const pattern = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && ABBREVIATIONS.test(text.slice(Math.max(0, end - 12), end))) continue;
    // A single capital before the stop is an initial ("M. Ali"), not a sentence end.
    if (match[0] === '.' && /(?:^|\s)\p{Lu}\.$/u.test(text.slice(Math.max(0, end - 3), end))) continue;
    ends.push(end);
  }
  return ends;
}

/** A paragraph cut into its sentences. */
export function sentences(runs: Inline): Inline[] {
  const text = plain(runs);
  const cuts = [0, ...sentenceEnds(text), text.length];
  const out: Inline[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = trimInline(sliceInline(runs, cuts[i]!, cuts[i + 1]!));
    if (plain(piece)) out.push(piece);
  }
  return out;
}

/**
 * The condensed form of a section for a slide: the lead sentence of each
 * paragraph. A section of one or two paragraphs shows more of each (three
 * sentences of one, two of each of two), so a one-paragraph conclusion is more
 * than a line.
 */
export function condense(paragraphs: Paragraphs): Inline[] {
  const split = paragraphs.map(sentences).filter((s) => s.length > 0);
  const perParagraph = Math.ceil(3 / Math.max(split.length, 1));
  return split.flatMap((s) => s.slice(0, perParagraph));
}
