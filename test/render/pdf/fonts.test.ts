import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSync, type Font } from 'fontkit';
import { loadBrand } from '../../../scripts/lib/load-brand.ts';

/** The whole Latin script, as the brief promises: Polish, Turkish, Vietnamese, Yoruba names and more. */
const LATIN: [string, number, number][] = [
  ['Latin-1 Supplement letters', 0xc0, 0xff],
  ['Latin Extended-A', 0x100, 0x17f],
  ['Latin Extended-B', 0x180, 0x24f],
  ['Latin Extended Additional', 0x1e00, 0x1eff],
  ['Combining Diacritical Marks', 0x300, 0x36f],
];

for (const name of ['south-asia-times', 'default']) {
  describe(`brand ${name}: PDF fonts`, () => {
    it('every face of the body and heading fonts draws the whole Latin script', async () => {
      const brand = await loadBrand(name);
      const faces = [...brand.fonts.body.faces, ...brand.fonts.heading.faces];
      assert.ok(faces.length >= 4, 'regular, bold, italic and bold italic');
      for (const face of faces) {
        const font = openSync(face.file) as Font;
        for (const [range, first, last] of LATIN) {
          const missing: string[] = [];
          for (let cp = first; cp <= last; cp++)
            if (cp !== 0xd7 && cp !== 0xf7 && !font.hasGlyphForCodePoint(cp))
              missing.push(`U+${cp.toString(16).toUpperCase()}`);
          assert.deepEqual(missing, [], `${face.file}: ${range} lacks ${missing.slice(0, 10).join(' ')}`);
        }
      }
    });

    it('uses TrueType/OpenType files, never .woff2 (react-pdf breaks accented glyphs in them)', async () => {
      const brand = await loadBrand(name);
      for (const face of [...brand.fonts.body.faces, ...brand.fonts.heading.faces])
        assert.match(face.file, /\.(ttf|otf)$/);
    });
  });
}
