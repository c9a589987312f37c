import { openSync, type Font as FontkitFont } from 'fontkit';
import type { ReportInput } from '../../validate/report-schema.ts';
import type { Brand, FontFace, FontFamily } from '../../model/types.ts';
import { pathToString } from '../../problems.ts';

const opened = new Map<string, FontkitFont>();

function open(file: string): FontkitFont {
  let font = opened.get(file);
  if (!font) {
    // fontkit returns a collection for .ttc files; brands list single fonts.
    font = openSync(file) as FontkitFont;
    opened.set(file, font);
  }
  return font;
}

/**
 * Finds characters in the report that `fonts` (the brand's, or their subsets)
 * cannot draw. react-pdf would silently print a wrong glyph for them, so each
 * becomes a warning that names the field and the character. Coverage is read
 * from each family's regular face only: the faces of a family cover the same
 * characters, and opening all of them cost some 30 ms a build. Each distinct
 * character is looked up once.
 */
export function missingGlyphs(input: ReportInput, brand: Brand, source: string, fonts: Brand['fonts'] = brand.fonts): string[] {
  const canDraw = drawableBy(fonts);
  const warnings: string[] = [];
  walk(input, [], (path, text) => {
    const missing = new Set<string>();
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp < 0x20 || char === '\n') continue;
      if (!canDraw(cp)) missing.add(char);
    }
    for (const char of missing) {
      const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      warnings.push(`${source}: ${pathToString(path)}: no font of brand "${brand.name}" can draw "${char}" (U+${hex}); the PDF would show a wrong character. Replace it, or add a font that has it to the brand.`);
    }
  });
  return warnings;
}

/** Whether the regular face of either family has a glyph for a code point (answers cached). */
export function drawableBy(fonts: Brand['fonts']): (codePoint: number) => boolean {
  let opened: FontkitFont[] | undefined;
  const drawable = new Map<number, boolean>();
  return (cp) => {
    let known = drawable.get(cp);
    if (known === undefined) {
      opened ??= [...new Set([fonts.body, fonts.heading].map((family) => regularFace(family).file))].map(open);
      drawable.set(cp, (known = opened.some((font) => font.hasGlyphForCodePoint(cp))));
    }
    return known;
  };
}

/**
 * Every code point of every string in `value` (the report's model: its text,
 * the dates Intl wrote in its language, the brand's names and contact), once.
 * Paths and other strings that are never printed come too: at worst they make
 * a PDF use the whole fonts where the subsets would have done.
 */
export function textCodePoints(value: unknown, into = new Set<number>(), seen = new Set<object>()): Set<number> {
  if (typeof value === 'string') {
    for (const char of value) into.add(char.codePointAt(0)!);
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && !seen.has(value)) {
    seen.add(value);
    for (const item of value instanceof Map ? value.values() : Object.values(value)) textCodePoints(item, into, seen);
  }
  return into;
}

/** The upright, normal-weight face of a family, or its first when it has none. */
function regularFace(family: FontFamily): FontFace {
  return family.faces.find((f) => f.weight === 400 && f.style !== 'italic') ?? family.faces[0]!;
}

function walk(value: unknown, path: PropertyKey[], visit: (path: PropertyKey[], text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // Paths and the brand name are not printed as text.
      if (key === 'photo' || key === 'image' || key === 'brand' || key === '$schema' || key === 'slug') continue;
      walk(v, [...path, key], visit);
    }
  }
}
