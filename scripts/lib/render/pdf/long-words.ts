import { openSync, type Font as FontkitFont } from 'fontkit';
import { page, type } from '../../../../templates/pdf/theme.ts';
import { placed } from '../../../../templates/pdf/images.ts';
import { parseParagraphs } from '../../model/inline.ts';
import type { Brand, FontFamily } from '../../model/types.ts';
import type { ReportInput } from '../../validate/report-schema.ts';
import { NOT_TEXT_KEYS, walkText } from '../../validate/text-fields.ts';

/** Keys that hold no running text. */
const NOT_TEXT: ReadonlySet<string> = new Set([...NOT_TEXT_KEYS, 'headings', 'timezone']);
/** Shorter words always fit: measuring only longer ones keeps this cheap. */
const MIN_LETTERS = 16;

export interface LongWord {
  where: PropertyKey[];
  message: string;
}

const opened = new Map<string, FontkitFont>();

/**
 * Words (runs without a space) wider than the narrowest column their field
 * is set in, measured with the brand's font at the size the brief uses: the
 * cover title across the page, captions in a highlight's width, any other text
 * in half the page (the two-column moderators' and speakers' lists). Each is a
 * warning: the PDF breaks such a word between letters (fonts.ts), which a
 * reader may not expect in a name or an address.
 */
export function longWords(input: ReportInput, brand: Brand): LongWord[] {
  const found: LongWord[] = [];
  const content = page.width - 2 * page.marginX;
  walkText(input, NOT_TEXT, (where, text) => {
    const field = where.filter((k) => typeof k === 'string').join('.');
    const [family, size, column] =
      field === 'event.title'
        ? [brand.fonts.heading, type.coverTitle, content]
        : field === 'event.subtitle'
          ? [brand.fonts.heading, type.coverSubtitle, content]
          : field === 'highlights.caption'
            ? [brand.fonts.body, type.small, placed.highlight.widthPt]
            : [brand.fonts.body, type.body, content / 2 - 10];
    // As printed: a link's address is not, its label is.
    const printed = parseParagraphs(text)
      .map((runs) => runs.map((r) => r.text).join(''))
      .join(' ');
    for (const word of new Set(printed.split(/\s+/))) {
      if ([...word].length < MIN_LETTERS) continue;
      // Far narrower than its column by the glyphs' own advances: no need to shape it.
      if (roughWidthOf(word, family, size) <= ROUGH_SHARE * column) continue;
      const width = widthOf(word, family, size);
      if (width <= column) continue;
      const shown = word.length > 40 ? `${word.slice(0, 37)}…` : word;
      found.push({
        where,
        message:
          `the word "${shown}" (${[...word].length} characters) is ${Math.round(width)} ` +
          `pt wide at ${size} pt, wider than its column (${Math.round(column)} pt): ` +
          `the PDF breaks it between two letters where a line ends, without a hyphen. ` +
          `To choose where it breaks, add spaces or hyphens, or shorten it.`,
      });
    }
  });
  return found;
}

function widthOf(word: string, family: FontFamily, size: number): number {
  const font = regularOf(family);
  return (font.layout(word).advanceWidth / font.unitsPerEm) * size;
}

/**
 * A word's width by its characters' glyphs' own advances, without kerning,
 * ligatures or contextual forms: it needs only the font's cmap and metrics,
 * not its layout tables (GSUB, GPOS), whose decoding was some 60 ms of every
 * cold build (the sample has words of 16 letters). Shaping moves a word's
 * width by a few per cent, so a word under ROUGH_SHARE of its column this way
 * fits, and only the others are shaped.
 */
function roughWidthOf(word: string, family: FontFamily, size: number): number {
  const font = regularOf(family);
  let units = 0;
  for (const char of word) units += font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth;
  return (units / font.unitsPerEm) * size;
}

const ROUGH_SHARE = 0.6;

function regularOf(family: FontFamily): FontkitFont {
  const face = family.faces.find((f) => f.weight === 400 && f.style === 'normal') ?? family.faces[0]!;
  let font = opened.get(face.file);
  if (!font) opened.set(face.file, (font = openSync(face.file) as FontkitFont));
  return font;
}
