import path from 'node:path';
import { toolRoot } from '../io/project.ts';
import { createRequire } from 'node:module';
import type { Inline } from '../model/inline.ts';
import { advanceWidths } from './advance-widths.ts';
import { dejavuWidths } from './dejavu-widths.ts';

/**
 * Measures slide text with the metrics of the font that will draw it, and wraps
 * it the way PowerPoint does (break at spaces; a word wider than the line is
 * broken between letters). Office fonts are not shipped with the tool, so each
 * is measured with a metric-compatible open font (same advance widths):
 * Liberation Sans for Arial, Carlito for Calibri, Gelasio for Georgia.
 *
 * A deck is also opened where the brand's font is missing. Text is therefore
 * fitted for the wider, glyph by glyph, of the clone and Liberation Sans (the
 * metrics of Arial and Helvetica, what Keynote and LibreOffice put in place of
 * Calibri): `fit` metrics. Where there is no Office font and no clone at all
 * (LibreOffice on a stock Linux desktop draws DejaVu Sans, some 15 % wider
 * than Liberation Sans, 20 % in bold), the slide plan leaves room measured with
 * `roomy` metrics: the wider, glyph by glyph, of the `fit` widths, Liberation
 * Sans widened by DejaVu's average ratio and a margin, and DejaVu's own widths
 * (a run of narrow letters such as "t", "i", "l" or "r" is up to 40 % wider in
 * DejaVu than in Liberation Sans, far past the average). LibreOffice also
 * breaks lines where Unicode allows (after "/", "-", "?"), not only at
 * spaces, so a long address takes more lines there than in PowerPoint:
 * `roomy` wrapping counts the lines both ways and keeps the larger count.
 */

/** The fonts a brand may choose for slides (see validate/brand-schema.ts). */
export type OfficeFont =
  'Arial' | 'Calibri' | 'Georgia' | 'Verdana' | 'Tahoma' | 'Trebuchet MS' | 'Times New Roman';

export interface TextStyle {
  font: OfficeFont;
  sizePt: number;
  /** Exact distance between baselines; written as `<a:lnSpc><a:spcPts>` so every renderer agrees. */
  lineSpacingPt: number;
  bold?: boolean;
  italic?: boolean;
  /** Extra space after each character (`spc`), for letter-spaced labels. */
  charSpacingPt?: number;
}

/** One paragraph of a text box. */
export interface TextParagraph {
  runs: Inline;
  style: TextStyle;
  /** Space above the paragraph (`spcBef`); counted for the first paragraph too, as LibreOffice does. */
  spaceBeforePt?: number;
  /** Left margin of the text (`marL`), e.g. after a bullet. */
  indentPt?: number;
}

/**
 * Share of a line's width that text may fill. Widths are exact for the metric
 * clones and PowerPoint does not kern unless asked (LibreOffice kerns, which
 * only narrows lines, by about 1%); 2% absorbs rounding and hinting so a line
 * that just fits here does not wrap in PowerPoint, Keynote or LibreOffice.
 */
export const WIDTH_SAFETY = 0.98;

type Face = 'Regular' | 'Bold' | 'Italic' | 'BoldItalic';
const dir = path.join(toolRoot, 'templates/fonts/office-metrics');
const files = {
  liberation: (face: Face) => [`LiberationSans-${face}.ttf`],
  carlito: (face: Face) => [`Carlito-${face}.ttf`],
  gelasio: (face: Face) => [`Gelasio-${face}.latin.woff`, `Gelasio-${face}.latin-ext.woff`],
};

/**
 * Which open font stands in for each Office font, and by how much its widths are
 * scaled. Arial, Calibri and Georgia have exact clones (scale 1). Verdana, Tahoma,
 * Trebuchet MS and Times New Roman have none here: they are measured as Liberation
 * Sans widened by an estimate chosen to over-state (Verdana is the widest common
 * sans; Times is narrower than Arial). No brand uses them yet; verify before one does.
 */
const STAND_INS: Record<OfficeFont, { files: (face: Face) => string[]; scale: number }> = {
  Arial: { files: files.liberation, scale: 1 },
  Calibri: { files: files.carlito, scale: 1 },
  Georgia: { files: files.gelasio, scale: 1 },
  Verdana: { files: files.liberation, scale: 1.22 },
  Tahoma: { files: files.liberation, scale: 1.08 },
  'Trebuchet MS': { files: files.liberation, scale: 1.08 },
  'Times New Roman': { files: files.liberation, scale: 1.0 },
};

/**
 * How text is measured: `clone`, the metric clone of the font (what PowerPoint
 * with Office fonts draws); `fit`, the wider of the clone and Liberation Sans
 * (what boxes are fitted for); `roomy`, wider still, for DejaVu Sans.
 */
export type Measure = 'clone' | 'fit' | 'roomy';

/**
 * DejaVu Sans over Liberation Sans, measured on the sample's text: 1.147
 * regular, 1.200 bold (and 1.107 over Gelasio bold); rounded up so the estimate
 * over-states.
 */
const DEJAVU_OVER_LIBERATION = { regular: 1.18, bold: 1.23 };

interface Metrics {
  /** Advance width of a code point in em; a character no file has counts as a full em. */
  advance(codePoint: number): number;
}
const loaded = new Map<string, Metrics>();

function metricsFor(font: OfficeFont, bold = false, italic = false, measure: Measure = 'clone'): Metrics {
  const face: Face = bold ? (italic ? 'BoldItalic' : 'Bold') : italic ? 'Italic' : 'Regular';
  const key = `${font}/${face}/${measure}`;
  let metrics = loaded.get(key);
  if (!metrics) {
    const standIn = STAND_INS[font];
    const clone = advanceWidths(standIn.files(face).map((file) => path.join(dir, file)));
    const liberation =
      measure === 'clone' ? clone : advanceWidths(files.liberation(face).map((file) => path.join(dir, file)));
    const ratio =
      measure === 'roomy' ? (bold ? DEJAVU_OVER_LIBERATION.bold : DEJAVU_OVER_LIBERATION.regular) : 0;
    // LibreOffice draws an italic DejaVu slanted from the upright face where no italic file is installed:
    // the table keeps the wider of the two.
    const dejavu = measure === 'roomy' ? dejavuWidths(bold ? 'bold' : 'regular') : undefined;
    metrics = {
      advance(codePoint) {
        const own = clone.get(codePoint);
        const width = own === undefined ? 1 : own * standIn.scale;
        if (measure === 'clone') return width;
        const fallback = liberation.get(codePoint) ?? 1;
        return Math.max(width, fallback, fallback * ratio, dejavu?.get(codePoint) ?? 0);
      },
    };
    loaded.set(key, metrics);
  }
  return metrics;
}

/** Width in points of a text set in one style, without wrapping. */
export function textWidth(
  text: string,
  style: Omit<TextStyle, 'lineSpacingPt'>,
  measure: Measure = 'clone',
): number {
  return glyphsOf([{ text }], style, measure).reduce((sum, g) => sum + g.width, 0);
}

interface Glyph {
  char: string;
  width: number;
}

/** The characters of a paragraph with their widths, each in the face of its run. */
function glyphsOf(runs: Inline, style: Omit<TextStyle, 'lineSpacingPt'>, measure: Measure): Glyph[] {
  const glyphs: Glyph[] = [];
  for (const run of runs) {
    const metrics = metricsFor(style.font, style.bold || run.bold, style.italic || run.italic, measure);
    // A Markdown hard break is drawn as a space on slides (see templates/slides/parts.ts, runsOf).
    for (const char of run.text.replace(/\s/g, ' '))
      glyphs.push({
        char,
        width: metrics.advance(char.codePointAt(0)!) * style.sizePt + (style.charSpacingPt ?? 0),
      });
  }
  return glyphs;
}

/**
 * Breaks a paragraph into lines no wider than `widthPt` (after the safety
 * margin), as PowerPoint does: at spaces, trailing spaces hanging past the edge;
 * a word longer than a line is broken between letters. Returns each line's text.
 * Measured with `fit` metrics unless told otherwise. With `roomy` metrics the
 * paragraph is also broken as LibreOffice breaks it (below), and whichever
 * way gives more lines is returned.
 */
export function wrapLines(
  runs: Inline,
  style: TextStyle,
  widthPt: number,
  measure: Measure = 'fit',
): string[] {
  const limit = widthPt * WIDTH_SAFETY;
  const glyphs = glyphsOf(runs, style, measure);
  const atSpaces = wrapGlyphs(glyphs, limit);
  // Without a character to break after, LibreOffice breaks where PowerPoint does.
  if (measure !== 'roomy' || !runs.some((run) => BREAKS_AFTER.test(run.text))) return atSpaces;
  const asLibreOffice = wrapGlyphs(glyphs, limit, unicodeBreaks);
  return asLibreOffice.length > atSpaces.length ? asLibreOffice : atSpaces;
}

/**
 * Greedy line breaking of measured glyphs at spaces; `pieces`, when given,
 * also breaks a word where it says. A word (or piece) wider than a whole line
 * starts a line of its own and is broken between letters.
 */
function wrapGlyphs(glyphs: Glyph[], limit: number, pieces?: (word: Glyph[]) => Glyph[][]): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0; // without trailing spaces
  let spaces = '';
  let spacesWidth = 0;
  let i = 0;
  while (i < glyphs.length) {
    if (glyphs[i]!.char === ' ') {
      spaces += ' ';
      spacesWidth += glyphs[i]!.width;
      i++;
      continue;
    }
    const word: Glyph[] = [];
    while (i < glyphs.length && glyphs[i]!.char !== ' ') word.push(glyphs[i++]!);
    for (const piece of pieces ? pieces(word) : [word]) {
      const pieceText = piece.map((g) => g.char).join('');
      const pieceWidth = piece.reduce((sum, g) => sum + g.width, 0);
      if (line && lineWidth + spacesWidth + pieceWidth <= limit) {
        line += spaces + pieceText;
        lineWidth += spacesWidth + pieceWidth;
      } else {
        if (line) lines.push(line);
        line = '';
        lineWidth = 0;
        for (const g of pieceWidth <= limit ? [{ char: pieceText, width: pieceWidth }] : piece) {
          if (line && lineWidth + g.width > limit) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += g.char;
          lineWidth += g.width;
        }
      }
      spaces = '';
      spacesWidth = 0;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Hyphens and dashes, solidus, question and exclamation marks, ellipsis, bar, soft hyphen, zero-width space. */
const BREAKS_AFTER = /[-\u00AD\u2010-\u2015\u2026\u200B/?!|]/u;

type LineBreakerClass = new (text: string) => { nextBreak(): { position: number } | null };
let LineBreaker: LineBreakerClass | undefined;

/**
 * A word cut where LibreOffice may break it: where the Unicode line breaking
 * algorithm (UAX #14, which LibreOffice follows through ICU) allows ("-",
 * "?", "/" before a letter), and after every "/" (LibreOffice 7.4 was seen
 * to break "reports/2026", which UAX #14 does not). A word of letters and
 * digits only is one piece, without asking. `linebreak` is the UAX #14
 * implementation pdfkit already breaks the PDF's lines with.
 */
function unicodeBreaks(word: Glyph[]): Glyph[][] {
  const text = word.map((g) => g.char).join('');
  // Only where a character after which a line may break stands inside the word ("water-security", "a/b",
  // "q?x"); letters with commas, full stops, quotes or brackets do not break inside (UAX #14 rules LB29, LB30).
  if (!BREAKS_AFTER.test(text.slice(0, -1))) return [word];
  LineBreaker ??= createRequire(import.meta.url)('linebreak') as LineBreakerClass;
  const breaker = new LineBreaker(text);
  const pieces: Glyph[][] = [];
  let start = 0; // in glyphs
  let offset = 0; // in UTF-16 units, at glyph `at`
  let at = 0;
  const cuts = new Set<number>();
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) cuts.add(found.position);
  for (const slash of text.matchAll(/\//g)) cuts.add(slash.index + 1);
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    while (at < word.length && offset < cut) offset += word[at++]!.char.length;
    if (at > start) pieces.push(word.slice(start, at));
    start = at;
  }
  if (start < word.length) pieces.push(word.slice(start));
  return pieces;
}

/** Height in points of paragraphs set in a text area `widthPt` wide (insets already taken off). */
export function textHeight(paragraphs: TextParagraph[], widthPt: number, measure: Measure = 'fit'): number {
  let height = 0;
  for (const p of paragraphs) {
    const lines = wrapLines(p.runs, p.style, widthPt - (p.indentPt ?? 0), measure).length;
    height += (p.spaceBeforePt ?? 0) + lines * p.style.lineSpacingPt;
  }
  return height;
}

/** The widest line of paragraphs that are not wrapped (labels, names), in points. */
export function widestLine(paragraphs: TextParagraph[], measure: Measure = 'fit'): number {
  return Math.max(
    0,
    ...paragraphs.map(
      (p) => glyphsOf(p.runs, p.style, measure).reduce((sum, g) => sum + g.width, 0) + (p.indentPt ?? 0),
    ),
  );
}
