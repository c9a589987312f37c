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
 * Characters of the report that `fonts` (the brand's, or the subsets the PDF
 * is drawn with) cannot draw. react-pdf would print another glyph in their
 * place without a word, so `build:pdf` fails on them unless given
 * `--allow-missing-glyphs`, and `npm run check` reports them (issue 11, 15).
 * Each field is reported once, its characters grouped by script.
 */
export interface MissingGlyphs {
  path: PropertyKey[];
  /** Distinct characters, in the order they first appear, grouped by script. */
  scripts: { script: string; chars: string[] }[];
}

export function missingGlyphs(input: ReportInput, fonts: Brand['fonts']): MissingGlyphs[] {
  const canDraw = drawableBy(fonts);
  const found: MissingGlyphs[] = [];
  walk(input, [], (path, text) => {
    const byScript = new Map<string, Set<string>>();
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      // Controls are refused at load; joiners, bidi and variation marks shape text, they are not drawn.
      if (cp < 0x20 || isInvisible(cp) || canDraw(cp)) continue;
      const script = scriptOf(char);
      let chars = byScript.get(script);
      if (!chars) byScript.set(script, (chars = new Set()));
      chars.add(char);
    }
    if (byScript.size)
      found.push({ path, scripts: [...byScript].map(([script, chars]) => ({ script, chars: [...chars] })) });
  });
  return found;
}

/** Soft hyphen, zero-width and bidi controls, variation selectors, BOM: they shape or mark text, no glyph is
 * drawn for them. */
const isInvisible = (cp: number) =>
  cp === 0xad ||
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2060 && cp <= 0x2069) ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  cp === 0xfeff;

/** Scripts by the name people know them by, with a free font that has each (Noto covers them all). */
const SCRIPTS: [name: string, pattern: RegExp, font: string][] = [
  ['Arabic', /\p{Script=Arabic}/u, 'Noto Naskh Arabic (or Noto Nastaliq Urdu for Urdu)'],
  ['Hebrew', /\p{Script=Hebrew}/u, 'Noto Sans Hebrew'],
  ['Devanagari', /\p{Script=Devanagari}/u, 'Noto Sans Devanagari'],
  ['Bengali', /\p{Script=Bengali}/u, 'Noto Sans Bengali'],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u, 'Noto Sans Gurmukhi'],
  ['Gujarati', /\p{Script=Gujarati}/u, 'Noto Sans Gujarati'],
  ['Tamil', /\p{Script=Tamil}/u, 'Noto Sans Tamil'],
  ['Telugu', /\p{Script=Telugu}/u, 'Noto Sans Telugu'],
  ['Kannada', /\p{Script=Kannada}/u, 'Noto Sans Kannada'],
  ['Malayalam', /\p{Script=Malayalam}/u, 'Noto Sans Malayalam'],
  ['Sinhala', /\p{Script=Sinhala}/u, 'Noto Sans Sinhala'],
  ['Thai', /\p{Script=Thai}/u, 'Noto Sans Thai'],
  ['Lao', /\p{Script=Lao}/u, 'Noto Sans Lao'],
  ['Khmer', /\p{Script=Khmer}/u, 'Noto Sans Khmer'],
  ['Myanmar', /\p{Script=Myanmar}/u, 'Noto Sans Myanmar'],
  ['Tibetan', /\p{Script=Tibetan}/u, 'Noto Serif Tibetan'],
  ['Georgian', /\p{Script=Georgian}/u, 'Noto Sans Georgian'],
  ['Armenian', /\p{Script=Armenian}/u, 'Noto Sans Armenian'],
  ['Ethiopic', /\p{Script=Ethiopic}/u, 'Noto Sans Ethiopic'],
  ['Syriac', /\p{Script=Syriac}/u, 'Noto Sans Syriac'],
  ['Thaana', /\p{Script=Thaana}/u, 'Noto Sans Thaana'],
  ['Chinese (Han)', /\p{Script=Han}/u, 'Noto Sans CJK SC (or TC, JP, KR)'],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'Noto Sans CJK JP'],
  ['Korean (Hangul)', /\p{Script=Hangul}/u, 'Noto Sans CJK KR'],
  ['Cyrillic', /\p{Script=Cyrillic}/u, 'Noto Sans (it has Cyrillic)'],
  ['Greek', /\p{Script=Greek}/u, 'Noto Sans (it has Greek)'],
  ['Latin', /\p{Script=Latin}/u, 'Noto Sans'],
  ['emoji', /\p{Extended_Pictographic}/u, 'Noto Emoji'],
];

function scriptOf(char: string): string {
  return SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'symbols';
}

function fontFor(script: string): string {
  return SCRIPTS.find(([name]) => name === script)?.[2] ?? 'Noto Sans Symbols 2';
}

/**
 * `speakers[0].name: 9 characters of the Arabic script (ڈ ا ک …) have no font
 * in brand default: add a font with Arabic script, e.g. Noto Naskh Arabic`.
 */
export function describeMissing(missing: MissingGlyphs, brand: Brand): string {
  const parts = missing.scripts.map(({ script, chars }) => {
    const shown = chars.length > 6 ? `${chars.slice(0, 6).join(' ')} …` : chars.join(' ');
    const count =
      chars.length === 1
        ? `1 character of the ${script} script`
        : `${chars.length} characters of the ${script} script`;
    return {
      text: `${count} (${shown})`,
      advice:
        `${script === 'symbols' ? 'a font with these symbols' : `a font with ${script} script`}, ` +
        `e.g. ${fontFor(script)}`,
    };
  });
  const have = parts.length === 1 && missing.scripts[0]!.chars.length === 1 ? 'has' : 'have';
  return (
    `${pathToString(missing.path)}: ${parts.map((p) => p.text).join(' and ')} ` +
    `${have} no font in brand ${brand.name}: add ${parts.map((p) => p.advice).join('; and ')} ` +
    `to templates/brands/${brand.name}/_brand.yml`
  );
}

/** Whether the regular face of either family has a glyph for a code point (answers cached). */
export function drawableBy(fonts: Brand['fonts']): (codePoint: number) => boolean {
  let opened: FontkitFont[] | undefined;
  const drawable = new Map<number, boolean>();
  return (cp) => {
    let known = drawable.get(cp);
    if (known === undefined) {
      opened ??= [...new Set([fonts.body, fonts.heading].map((family) => regularFace(family).file))].map(
        open,
      );
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
export function textCodePoints(
  value: unknown,
  into = new Set<number>(),
  seen = new Set<object>(),
): Set<number> {
  if (typeof value === 'string') {
    for (const char of value) into.add(char.codePointAt(0)!);
  } else if (
    value &&
    typeof value === 'object' &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof ArrayBuffer) &&
    !seen.has(value)
  ) {
    seen.add(value);
    for (const item of value instanceof Map ? value.values() : Object.values(value))
      textCodePoints(item, into, seen);
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
      // Paths, addresses and the brand's name are not printed as text.
      if (
        key === 'photo' ||
        key === 'image' ||
        key === 'brand' ||
        key === '$schema' ||
        key === 'slug' ||
        key === 'url' ||
        key === 'language'
      )
        continue;
      walk(v, [...path, key], visit);
    }
  }
}
