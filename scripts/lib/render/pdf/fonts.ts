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

// Words are never hyphenated: react-pdf's built-in English hyphenation breaks
// names and acronyms, and split words make the text harder to search and quote.
Font.registerHyphenationCallback((word) => [word]);
