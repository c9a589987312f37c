import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSync, type Font } from 'fontkit';
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { loadBrand } from '../../scripts/lib/load-brand.ts';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { COVERAGE, pdfFonts, subsetOf, useFontSubsetCache } from '../../scripts/lib/layout/font-subsets.ts';
import { drawableBy, textCodePoints } from '../../scripts/lib/render/pdf/glyphs.ts';
import { registerBrandFonts } from '../../scripts/lib/render/pdf/fonts.ts';
import { prepareBriefImages } from '../../scripts/lib/render/pdf/images.ts';
import { Brief } from '../../templates/pdf/Brief.tsx';
import type { Brand } from '../../scripts/lib/model/types.ts';
import { root } from '../support/run-script.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'briefpress-subsets-'));
useFontSubsetCache(path.join(scratch, 'cache'));
const covered = COVERAGE.flatMap(([first, last]) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i),
);
const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;

test(
  'each subset draws every covered character its whole font draws, with the ' +
    'same advance, and has far fewer glyphs',
  async () => {
    const brand = await loadBrand('south-asia-times');
    for (const face of [...brand.fonts.body.faces, ...brand.fonts.heading.faces]) {
      const whole = openSync(face.file) as Font;
      const subset = openSync(await subsetOf(face.file)) as Font;
      const lost = covered.filter((cp) => whole.hasGlyphForCodePoint(cp) && !subset.hasGlyphForCodePoint(cp));
      assert.deepEqual(
        lost,
        [],
        `${path.basename(face.file)} lost ${lost
          .slice(0, 8)
          .map((cp) => `U+${cp.toString(16)}`)
          .join(' ')}`,
      );
      const widths = (font: Font) =>
        covered
          .filter((cp) => whole.hasGlyphForCodePoint(cp))
          .map((cp) => font.glyphForCodePoint(cp).advanceWidth);
      assert.deepEqual(widths(subset), widths(whole), path.basename(face.file));
      assert.ok(
        subset.numGlyphs < whole.numGlyphs * 0.6,
        `${path.basename(face.file)}: ${subset.numGlyphs} of ${whole.numGlyphs} glyphs`,
      );
      assert.ok(!subset.hasGlyphForCodePoint(0x416), 'Cyrillic is cut');
    }
  },
);

test('a subset keeps every layout feature and shapes Latin text to the same glyphs and positions', async () => {
  const brand = await loadBrand('south-asia-times');
  const text = 'ffi office Ắ ṣẹ́ Łódź x̃ “quoted” — 1½ ǅ ɓɗ';
  for (const face of brand.fonts.body.faces) {
    const whole = openSync(face.file) as Font;
    const subset = openSync(await subsetOf(face.file)) as Font;
    assert.deepEqual(
      subset.availableFeatures.sort(),
      whole.availableFeatures.sort(),
      path.basename(face.file),
    );
    const shaped = (font: Font) => {
      const run = font.layout(text);
      return {
        codePoints: run.glyphs.map((g) => g.codePoints),
        positions: run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]),
      };
    };
    assert.deepEqual(shaped(subset), shaped(whole), path.basename(face.file));
  }
});

test('a changed font file gets a subset of its own, never the kept one of the old bytes', async () => {
  const file = path.join(scratch, 'Body.ttf');
  copyFileSync(path.join(root, 'templates/fonts/noto/NotoSans-Regular.ttf'), file);
  const first = await subsetOf(file);
  assert.equal(await subsetOf(file), first, 'the same bytes reuse their subset');
  copyFileSync(path.join(root, 'templates/fonts/noto/NotoSerif-Regular.ttf'), file);
  const second = await subsetOf(file);
  assert.notEqual(second, first);
  assert.equal((openSync(second) as Font).familyName, 'Noto Serif');
});

test('a report with a character only the whole fonts draw (Cyrillic) is drawn with the whole fonts', async () => {
  const brand = await loadBrand('south-asia-times');
  const wholeHas = drawableBy(brand.fonts);
  const latin = await pdfFonts(brand, textCodePoints({ name: 'Łukasz Nguyễn Gülşen' }), wholeHas);
  assert.match(latin.body.faces[0]!.file, new RegExp(`^${path.join(scratch, 'cache')}`));
  assert.notEqual(latin.body.family, brand.fonts.body.family, 'subsets are registered under their own name');
  assert.equal(await pdfFonts(brand, textCodePoints({ name: 'Пётр Łukasz' }), wholeHas), brand.fonts);
  // A character no font has changes nothing: the subsets draw it as badly as the whole fonts would.
  assert.notEqual(await pdfFonts(brand, textCodePoints({ name: '漢' }), wholeHas), brand.fonts);
});

test('the sample brief drawn with the subsets renders the same pixels as with the whole fonts', async (t) => {
  if (!has('pdftoppm')) return t.skip('pdftoppm not installed');
  const loaded = await loadReport(path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml'));
  const images = await prepareBriefImages(loaded.report);
  const pages = async (name: string, fonts: Brand['fonts']) => {
    const brand = { ...loaded.report.brand, fonts };
    registerBrandFonts(brand);
    const pdf = path.join(scratch, `${name}.pdf`);
    writeFileSync(
      pdf,
      await renderToBuffer(
        createElement(Brief, { report: { ...loaded.report, brand }, images, creationDate: new Date(0) }),
      ),
    );
    const run = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(scratch, name)]);
    assert.equal(run.status, 0, String(run.stderr));
    return readdirSync(scratch)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(path.join(scratch, f)));
  };
  const subsets = await pdfFonts(
    loaded.report.brand,
    textCodePoints(loaded.report),
    drawableBy(loaded.report.brand.fonts),
  );
  assert.notEqual(subsets, loaded.report.brand.fonts, 'the sample is all Latin');
  const whole = await pages('whole', loaded.report.brand.fonts);
  const cut = await pages('subset', subsets);
  assert.equal(cut.length, whole.length);
  assert.ok(whole.length >= 6);
  cut.forEach((png, i) => assert.ok(png.equals(whole[i]!), `page ${i + 1} differs`));
});
