import { plain, type Inline } from '../../model/inline.ts';
import { sentenceEnds, sliceInline, trimInline, withText } from '../condense.ts';
import { textHeight, wrapLines, type Measure, type TextParagraph, type TextStyle } from '../measure-text.ts';

/**
 * Fitting measured text into boxes: blocks of paragraphs with their height,
 * text shortened to a number of lines, items too tall for an empty slide split
 * at a sentence end, and lists packed onto as few slides as they fit.
 */

/** Paragraphs as they will be drawn in one text box, and the height they take. */
export interface TextBlock {
  paragraphs: TextParagraph[];
  /** Lines of each paragraph (`fit` metrics), so a layout can draw some paragraphs in a box of their own. */
  lines: number[];
  /** Height with the brand font's clone or Liberation Sans, whichever is wider (`fit`). */
  heightPt: number;
  /** Height with DejaVu Sans (`roomy`): what a placeholder leaves room for. */
  roomPt: number;
}

/** Measures paragraphs set `widthPt` wide (the text box's width; the layouts write no insets). */
export function block(paragraphs: TextParagraph[], widthPt: number): TextBlock {
  const lines = paragraphs.map((p) => wrapLines(p.runs, p.style, widthPt - (p.indentPt ?? 0)).length);
  return {
    paragraphs,
    lines,
    heightPt: textHeight(paragraphs, widthPt),
    roomPt: textHeight(paragraphs, widthPt, 'roomy'),
  };
}

/** Words of a text, for the words-per-slide budget. */
export function wordCount(runs: Inline): number {
  return plain(runs)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The height some paragraphs of a measured block take by themselves. */
export function partHeight(measured: TextBlock, paragraphs: TextParagraph[]): number {
  return paragraphs.reduce(
    (sum, p) =>
      sum + (p.spaceBeforePt ?? 0) + measured.lines[measured.paragraphs.indexOf(p)]! * p.style.lineSpacingPt,
    0,
  );
}

/** A paragraph of plain text or runs in a style. */
export function para(
  text: string | Inline,
  style: TextStyle,
  spaceBeforePt?: number,
  indentPt?: number,
): TextParagraph {
  return { runs: typeof text === 'string' ? [{ text }] : text, style, spaceBeforePt, indentPt };
}

/** Word starts (offsets) in a text, for cutting between words. */
function wordCuts(text: string): number[] {
  return [...text.matchAll(/\s+/g)].map((m) => m.index);
}

/**
 * The text cut at a word boundary and ended with "…" so that it wraps to at
 * most `maxLines` lines in `widthPt`; `shortened` says whether anything was cut.
 * Measured `roomy`, so it keeps to those lines in DejaVu Sans too.
 */
export function shorten(
  runs: Inline,
  style: TextStyle,
  widthPt: number,
  maxLines: number,
  measure: Measure = 'roomy',
): { runs: Inline; shortened: boolean } {
  if (wrapLines(runs, style, widthPt, measure).length <= maxLines) return { runs, shortened: false };
  const fits = (end: number) =>
    wrapLines(withText(trimInline(sliceInline(runs, 0, end)), '…', 'end'), style, widthPt, measure).length <=
    maxLines;
  const cuts = wordCuts(plain(runs));
  let lo = 0;
  let hi = cuts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(cuts[mid]!)) [best, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  const atWord = best >= 0 ? cuts[best]! : 0;
  // Between letters, as far as fits (binary search: a longer cut never fits where a shorter one does not).
  let [low, high] = [0, plain(runs).length];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  // At a word when one fits and that shows at least half as much as a cut between letters; otherwise
  // between letters: "Prof. Donaudampfschifffahrtsgesell…", not "Prof.…" (as the share cards cut).
  const end = best >= 0 && atWord * 2 >= low ? atWord : low;
  return { runs: withText(trimInline(sliceInline(runs, 0, end)), '…', 'end'), shortened: true };
}

/**
 * Splits an item too tall for an empty slide into pieces that each fit
 * `maxHeightPt`: at the last sentence end that fits, or else at the last word
 * that fits (the piece then ends with "…"). Later pieces begin with "…".
 */
export function splitToFit(runs: Inline, heightOf: (runs: Inline) => number, maxHeightPt: number): Inline[] {
  const pieces: Inline[] = [];
  let rest = runs;
  while (heightOf(rest) > maxHeightPt) {
    const text = plain(rest);
    const fitsAt = (end: number, mark: boolean) =>
      heightOf(
        mark ? withText(trimInline(sliceInline(rest, 0, end)), ' …', 'end') : sliceInline(rest, 0, end),
      ) <= maxHeightPt;
    let end = [...sentenceEnds(text)].reverse().find((e) => fitsAt(e, false));
    let mark = false;
    if (end === undefined) {
      mark = true;
      end = [...wordCuts(text)].reverse().find((e) => e > 0 && fitsAt(e, true));
      if (end === undefined) {
        end = 1;
        while (end < text.length && fitsAt(end + 1, true)) end++;
      }
    }
    const head = trimInline(sliceInline(rest, 0, end));
    pieces.push(mark ? withText(head, ' …', 'end') : head);
    rest = withText(trimInline(sliceInline(rest, end)), '… ', 'start');
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Packs items of known heights, in order, onto pages of `capacityPt`, with
 * `gapPt` between neighbours, and (when given) at most `maxWords` words a
 * page; each page holds at least one item. Pages are then evened out: a list
 * that needs three pages gets three of similar length, not two full ones and
 * a last item alone.
 */
export function paginate<T>(
  items: T[],
  heightOf: (item: T) => number,
  capacityPt: number,
  gapPt: number,
  words?: { of: (item: T) => number; max: number | ((page: number) => number) },
): T[][] {
  const limit = (page: number) =>
    words ? (typeof words.max === 'number' ? words.max : words.max(page)) : Infinity;
  const greedy = (capacity: number, budget: number) => {
    const maxWords = (page: number) => Math.min(budget, limit(page));
    const pages: T[][] = [];
    let page: T[] = [];
    let used = 0;
    let usedWords = 0;
    for (const item of items) {
      const height = heightOf(item);
      const count = words ? words.of(item) : 0;
      const needed = page.length ? used + gapPt + height : height;
      if (page.length && (needed > capacity || usedWords + count > maxWords(pages.length))) {
        pages.push(page);
        page = [item];
        used = height;
        usedWords = count;
      } else {
        page.push(item);
        used = needed;
        usedWords += count;
      }
    }
    if (page.length) pages.push(page);
    return pages;
  };
  const pages = greedy(capacityPt, Infinity);
  if (pages.length < 2 || !words) return pages;
  // Even out: the smallest word budget that still needs no more pages.
  const total = items.reduce((sum, item) => sum + words.of(item), 0);
  const most = Math.max(...pages.map((_, i) => limit(i)));
  for (let budget = Math.ceil(total / pages.length); budget < most; budget++) {
    const even = greedy(capacityPt, budget);
    if (even.length <= pages.length) return even;
  }
  return pages;
}
