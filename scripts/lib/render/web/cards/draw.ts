import type { CardLayout, FittedText } from '../../../../../templates/web/cards/kit.tsx';
import type { Resvg } from '@resvg/resvg-js';
import type { CardFonts } from './faces.ts';
import { fitBox } from './fit.ts';
import { missingGlyphs, type MissingGlyphs } from './glyphs.ts';
import { freeYoung } from '../../../io/memory.ts';
import { svgLines, svgWords, type SvgWord } from './svg-text.ts';

/** A share card must stay well under what feeds accept without recompressing it: 300 kB. */
export const CARD_MAX_BYTES = 300_000;

/** No word nearer a card's edge than this: feeds round the corners and crop a few pixels. */
const SAFE_MARGIN = 24;

export interface DrawnCard {
  png: Buffer;
  /** What satori wrote, each word a <text> element: what the checks read back. */
  svg: string;
  /** Every text box, in the order drawn, as fitted. */
  text: FittedText[];
  /** True when the PNG was reduced to a palette to stay under CARD_MAX_BYTES. */
  quantised: boolean;
  /** Characters drawn as empty boxes because the brand's face lacks them, by field. */
  missing: MissingGlyphs[];
}

/**
 * Draws a card: fits every text box, lays the card out with satori (text as
 * <text> elements, so it can be read back), checks from that SVG that every
 * box's text is there whole, on no more lines than measured and inside the
 * card, then rasterises the same layout with its glyphs as outlines with
 * resvg. A card whose text came out otherwise is a layout bug: it throws
 * rather than publish a card with words missing.
 */
export async function drawCard<Data>(
  layout: CardLayout<Data>,
  data: Data,
  fonts: CardFonts,
): Promise<DrawnCard> {
  const boxes = layout.boxes(data);
  const names = Object.keys(boxes);
  const fitted = await Promise.all(names.map((name) => fitBox(boxes[name]!, fonts.satori)));
  const byName = Object.fromEntries(names.map((name, i) => [name, fitted[i]!]));
  const { default: satori } = await import('satori');
  const card = layout.render(data, byName);
  const options = { width: layout.width, height: layout.height, fonts: fonts.satori };
  const svg = await satori(card, { ...options, embedFont: false });
  const problems = cardTextProblems(svg, fitted, layout);
  if (problems.length) throw new Error(`share card text did not come out whole:\n  ${problems.join('\n  ')}`);
  // The same layout with the glyphs as outlines: drawn exactly where satori measured them, whatever resvg's
  // shaping would do.
  const outlined = await satori(card, { ...options, embedFont: true });
  const { Resvg } = await import('@resvg/resvg-js');
  let png = rasterise(Resvg, outlined);
  // resvg's objects, dead now and still young, give back the card's SVG and pixels (io/memory.ts).
  await freeYoung();
  let quantised = false;
  if (png.length > CARD_MAX_BYTES) {
    const { default: sharp } = await import('sharp');
    png = await sharp(png).png({ palette: true, quality: 90, effort: 8, compressionLevel: 9 }).toBuffer();
    quantised = true;
  }
  return { png, svg, text: fitted, quantised, missing: missingGlyphs(fitted, fonts.satori) };
}

/** The card's PNG; resvg's objects that drew it are dead when this returns. */
function rasterise(R: typeof Resvg, svg: string): Buffer {
  const options = { fitTo: { mode: 'original' as const }, font: { loadSystemFonts: false } };
  return Buffer.from(new R(svg, options).render().asPng());
}

/**
 * What is wrong with a card's text as satori laid it out: words missing or
 * out of order, a box wrapped onto more lines than it was measured at, or a
 * word outside the card. Empty when every box came out whole.
 */
export function cardTextProblems(
  svg: string,
  fitted: FittedText[],
  size: { width: number; height: number },
): string[] {
  const problems: string[] = [];
  const words = svgWords(svg);
  const squash = (text: string) => text.replace(/\s+/g, '');
  const drawn = squash(words.map((w) => w.text).join(''));
  const expected = squash(fitted.map((f) => f.text).join(''));
  if (drawn !== expected)
    problems.push(`drawn "${drawn.slice(0, 200)}", expected "${expected.slice(0, 200)}"`);
  // Each box's words, in order: split the drawn words at the boxes' lengths.
  let at = 0;
  for (const box of fitted) {
    const mine: SvgWord[] = [];
    let left = squash(box.text).length;
    while (at < words.length && (left > 0 || !squash(words[at]!.text))) {
      left -= squash(words[at]!.text).length;
      mine.push(words[at++]!);
      if (left <= 0) break;
    }
    const lines = svgLines(mine).length;
    if (lines > box.lines) problems.push(`${box.box.field}: ${lines} lines drawn, ${box.lines} measured`);
  }
  // Inside the card with a margin: a word at the very edge has been pushed there by text above it.
  for (const word of words) {
    if (!word.text.trim()) continue;
    const top = word.y - word.fontSize;
    const bottom = word.y + 0.3 * word.fontSize;
    if (
      word.x < SAFE_MARGIN ||
      word.x + word.width > size.width - SAFE_MARGIN ||
      top < SAFE_MARGIN ||
      bottom > size.height - SAFE_MARGIN
    ) {
      problems.push(
        `"${word.text}" at ${Math.round(word.x)},${Math.round(word.y)} is not inside ` +
          `the ${size.width}×${size.height} card's ${SAFE_MARGIN} px margin`,
      );
    }
  }
  return problems;
}
