import { create, type Font } from 'fontkit';
import type { FittedText } from '../../../../../templates/web/cards/kit.tsx';
import type { SatoriFont } from './faces.ts';

/** A box's characters its face cannot draw: satori would draw an empty box (tofu) for each. */
export interface MissingGlyphs {
  field: string;
  characters: string[];
}

const opened = new WeakMap<Buffer, Font>();

/**
 * The characters of each box that the brand face drawing it lacks. A card
 * has no fallback font (a browser would find one for the page), so a
 * character the brand cannot draw would be published as a blank box.
 */
export function missingGlyphs(text: FittedText[], fonts: SatoriFont[]): MissingGlyphs[] {
  const found: MissingGlyphs[] = [];
  for (const box of text) {
    const { face } = box.box;
    const data = (
      fonts.find((f) => f.name === face.family && f.weight === face.weight && f.style === face.style) ??
      fonts.find((f) => f.name === face.family)
    )?.data;
    if (!data) continue;
    let font = opened.get(data);
    if (!font) {
      font = create(data) as Font;
      opened.set(data, font);
    }
    const characters = [...new Set(box.text)].filter(
      (c) => c.trim() && !font.hasGlyphForCodePoint(c.codePointAt(0)!),
    );
    if (characters.length) found.push({ field: box.box.field, characters });
  }
  return found;
}
