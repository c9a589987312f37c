/**
 * The combining-mark patches of scripts/patches (see its README), each measured:
 * where react-pdf draws a mark must be where the font's own layout (GPOS, read
 * here with fontkit, not through react-pdf) puts it, to a hundredth of a point.
 * And the textkit patch that shares glyph positions between laid-out lines.
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

/** What react-pdf hands `onRender` after a render: its laid-out document (internal, but the only way to it). */
interface LaidOutNode {
  lines?: { runs: { positions?: object[]; stringIndices?: unknown; glyphIndices?: unknown }[] }[];
  children?: LaidOutNode[];
}

describe('laid-out lines share their glyph positions (memory of long briefs)', () => {
  it('one frozen object per distinct position, and no glyph index arrays kept', async () => {
    Font.register({ family: 'Patch Test', src: FONT });
    let layout: LaidOutNode | undefined;
    const text = 'A rose is a rose is a rose, and a brief is a brief. '.repeat(40);
    const page = h(
      Page,
      { size: 'A4' },
      h(Text, { style: { fontFamily: 'Patch Test', fontSize: 11 } }, text),
    );
    // OnRenderProps does not list the layout it is given.
    const onRender = (props: object) => {
      layout = (props as { _INTERNAL__LAYOUT__DATA_?: LaidOutNode })._INTERNAL__LAYOUT__DATA_;
    };
    await renderToBuffer(h(Document, { onRender }, page));
    const runs: NonNullable<LaidOutNode['lines']>[number]['runs'] = [];
    const walk = (node: LaidOutNode) => {
      node.lines?.forEach((line) => runs.push(...line.runs));
      node.children?.forEach(walk);
    };
    walk(layout!);
    const positions = runs.flatMap((run) => run.positions ?? []);
    // 18 distinct letters and signs; without the textkit patch every one of the ~2,000 glyphs has its own object.
    assert.ok(positions.length > 1500, `${positions.length} glyphs laid out`);
    const distinct = new Set(positions).size;
    assert.ok(distinct <= 30, `${distinct} distinct position objects for ${positions.length} glyphs`);
    assert.ok(
      positions.every((p) => Object.isFrozen(p)),
      'shared positions are frozen',
    );
    assert.ok(
      runs.every((run) => run.stringIndices === undefined && run.glyphIndices === undefined),
      'laid-out runs keep no string or glyph index arrays',
    );
  });
});
