/**
 * The combining-mark patches of scripts/patches (see its README), each measured:
 * where react-pdf draws a mark must be where the font's own layout (GPOS, read
 * here with fontkit, not through react-pdf) puts it, to a hundredth of a point.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createElement as h } from 'react';
import { Document, Font, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import * as fontkit from 'fontkit';
import { contentStreams } from '../../support/pdf.ts';
import { root } from '../../support/run-script.ts';

const FONT = path.join(root, 'templates/fonts/noto/NotoSans-Regular.ttf');
const SIZE = 100;
const PAGE_HEIGHT = 200;

/** Every glyph run's text matrix origin (`1 0 0 1 x y Tm`) in the order the page draws them. */
async function origins(text: string): Promise<{ x: number; y: number }[]> {
  Font.register({ family: 'Patch Test', src: FONT });
  const page = h(
    Page,
    { size: [400, PAGE_HEIGHT] },
    h(Text, { style: { fontFamily: 'Patch Test', fontSize: SIZE } }, text),
  );
  const pdf = await renderToBuffer(h(Document, null, page));
  return contentStreams(pdf).flatMap((stream) =>
    [...stream.matchAll(/1 0 0 1 ([-\d.]+) ([-\d.]+) Tm/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
    })),
  );
}

describe('combining marks sit where the font puts them', () => {
  // Yoruba "Ọ̀": Ọ (U+1ECC) and a combining grave (U+0300) that GPOS raises over the capital.
  const word = 'Ọ̀';
  const font = fontkit.openSync(FONT) as fontkit.Font;
  const { positions } = font.layout(word);
  const scale = SIZE / font.unitsPerEm;
  const [base, mark] = positions as [fontkit.GlyphPosition, fontkit.GlyphPosition];
  const expected = { dx: (base.xAdvance + mark.xOffset) * scale, dy: mark.yOffset * scale };

  it('the font does move this mark both ways (else the test below proves nothing)', () => {
    assert.ok(Math.abs(mark.yOffset) > 100 && mark.xOffset !== 0, JSON.stringify(mark));
  });

  it(
    "raised by the font's offset (textkit patch) and moved by it at the text " +
      'size, not in font units (render patch)',
    async () => {
      const drawn = await origins(word);
      assert.equal(drawn.length, 2, `one origin for the letter, one for its mark: ${JSON.stringify(drawn)}`);
      const [letter, accent] = drawn as [{ x: number; y: number }, { x: number; y: number }];
      // Without the textkit patch the mark sits on the letter's baseline (dy 0); without the render patch
      // the offsets are added in font units (dx 51.1, dy 178 instead of 75.4 and 17.8).
      assert.ok(
        Math.abs(accent.x - letter.x - expected.dx) < 0.01,
        `mark ${accent.x - letter.x} pt right of the letter, font says ${expected.dx}`,
      );
      assert.ok(
        Math.abs(accent.y - letter.y - expected.dy) < 0.01,
        `mark ${accent.y - letter.y} pt above the letter, font says ${expected.dy}`,
      );
    },
  );
});
