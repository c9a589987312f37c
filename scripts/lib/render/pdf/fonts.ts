import { Font } from '@react-pdf/renderer';
import type { Brand } from '../../model/types.ts';

const registered = new Set<string>();

/**
 * Registers the brand's font files with react-pdf once per process (watch mode
 * rebuilds reuse them). Files are .ttf: react-pdf's fontkit re-inflates .woff
 * tables on every use, and .woff2 breaks accented glyphs.
 */
export function registerBrandFonts(brand: Brand): void {
  for (const family of [brand.fonts.body, brand.fonts.heading]) {
    const key = `${family.family}\0${family.faces.map((f) => f.file).join('\0')}`;
    if (registered.has(key)) continue;
    Font.register({
      family: family.family,
      fonts: family.faces.map((face) => ({ src: face.file, fontWeight: face.weight, fontStyle: face.style })),
    });
    registered.add(key);
  }
}

// Made when first needed: an Intl object cannot be in the start-up snapshot (V8 aborts building it).
let graphemes: Intl.Segmenter | undefined;
/** Shorter words always fit a column of the brief (long-words.ts measures from the same length). */
const BREAKABLE_LETTERS = 16;

/**
 * Words are never hyphenated: react-pdf's built-in English hyphenation breaks
 * names and acronyms, and split words make the text harder to search and quote.
 * A word of 16 letters or more (a URL, a German compound, a one-word title)
 * may instead break between any two letters, never inside one (a letter with
 * its combining marks), without a hyphen, as the deck breaks it. The textkit
 * patch (scripts/patches) takes such `{ string, hyphen: null }` parts, as
 * textkit 7.1 does, and uses them only for a word wider than its line, on a
 * line of its own: a word that fits is laid out as before.
 */
export function wordParts(word: string): (string | { string: string; hyphen: null })[] {
  if (word.length < BREAKABLE_LETTERS) return [word];
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  const letters = Array.from(graphemes.segment(word), (g) => g.segment);
  if (letters.length < BREAKABLE_LETTERS) return [word];
  return letters.map((string, i) => (i < letters.length - 1 ? { string, hyphen: null } : string));
}

// @react-pdf/font's type says string[]; the patched textkit also takes { string, hyphen: null } parts.
Font.registerHyphenationCallback(wordParts as unknown as (word: string) => string[]);
