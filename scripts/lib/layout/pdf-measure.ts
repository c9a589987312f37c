import { openSync, type Font as FontkitFont } from 'fontkit';
import type { FontFamily } from '../model/types.ts';

/**
 * Rough measures of brief text before react-pdf lays it out, with the brand
 * font's own advance widths (no kerning or shaping, a few per cent off): to
 * size what must fit a fixed place, a number column or the cover. What they
 * get wrong the PDF guard still catches (render/pdf/guard.ts). Each face is
 * opened with fontkit once a process, and only where a report needs it.
 */

const opened = new Map<string, FontkitFont>();

function faceOf(family: FontFamily, weight: number): FontkitFont {
  const upright = family.faces.filter((f) => f.style === 'normal');
  const faces = upright.length ? upright : family.faces;
  const face = faces.reduce((best, f) =>
    Math.abs(f.weight - weight) < Math.abs(best.weight - weight) ? f : best,
  );
  let font = opened.get(face.file);
  if (!font) opened.set(face.file, (font = openSync(face.file) as FontkitFont));
  return font;
}

/**
 * The width in points of the widest number of `digits` figures (each its
 * widest figure, 0 to 9) in a face of `weight`: the room a list's number
 * column needs ("1000" where "01" was planned for).
 */
export function figuresWidth(family: FontFamily, weight: number, sizePt: number, digits: number): number {
  const font = faceOf(family, weight);
  let widest = 0;
  for (const figure of '0123456789')
    widest = Math.max(widest, font.glyphForCodePoint(figure.codePointAt(0)!).advanceWidth);
  return ((widest * digits) / font.unitsPerEm) * sizePt;
}

/**
 * Lines a text takes `widthPt` wide, broken at spaces as react-pdf breaks
 * them, a word wider than the line between letters (the textkit patch,
 * scripts/patches); `letterSpacingPt` after each character.
 */
export function lineCount(
  text: string,
  family: FontFamily,
  weight: number,
  sizePt: number,
  widthPt: number,
  letterSpacingPt = 0,
): number {
  const font = faceOf(family, weight);
  const scale = sizePt / font.unitsPerEm;
  const width = (word: string) =>
    [...word].reduce(
      (sum, c) => sum + font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth * scale + letterSpacingPt,
      0,
    );
  const space = width(' ');
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = width(word);
    if (used > 0 && used + space + w <= widthPt) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    if (w <= widthPt) {
      used = w;
      continue;
    }
    // Broken between letters: whole lines of it, the rest starting the next.
    used = 0;
    for (const c of word) {
      const cw = width(c);
      if (used > 0 && used + cw > widthPt) {
        lines++;
        used = 0;
      }
      used += cw;
    }
  }
  return lines;
}
