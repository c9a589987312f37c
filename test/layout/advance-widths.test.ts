import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { advanceWidths } from '../../scripts/lib/layout/advance-widths.ts';
import { DEJAVU_FACES, dejavuWidths, measureDejaVu } from '../../scripts/lib/layout/dejavu-widths.ts';
import { root } from '../support/run-script.ts';

const dir = path.join(root, 'templates/fonts/office-metrics');
/** Each stand-in face as measure-text.ts names it: one TTF, or Gelasio's Latin and Latin Extended WOFF halves. */
const faces = readdirSync(dir)
  .filter((f) => /^(LiberationSans|Carlito)-\w+\.ttf$|^Gelasio-\w+\.latin\.woff$/.test(f))
  .map((f) =>
    (f.endsWith('.latin.woff') ? [f, f.replace('.latin.woff', '.latin-ext.woff')] : [f]).map((name) =>
      path.join(dir, name),
    ),
  );

/** Latin, Latin-1, Latin Extended A/B and Additional, general punctuation, and characters no stand-in has. */
const CHARACTERS = [
  ...Array.from({ length: 0x250 - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 }, (_, i) => 0x1e00 + i),
  ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i),
  0x20ac,
  0x2122,
  0x6f22,
  0x1f600,
];

test('the width table gives what fontkit measures, first file first, and nothing for what no file draws', () => {
  assert.equal(faces.length, 12);
  for (const files of faces) {
    const fonts = files.map((file) => fontkit.openSync(file) as fontkit.Font);
    const table = advanceWidths(files);
    for (const codePoint of CHARACTERS) {
      const owner = fonts.find((font) => font.hasGlyphForCodePoint(codePoint));
      const expected = owner ? owner.glyphForCodePoint(codePoint).advanceWidth / owner.unitsPerEm : undefined;
      assert.equal(table.get(codePoint), expected, `${path.basename(files[0]!)} U+${codePoint.toString(16)}`);
    }
    assert.ok(table.size > 200, `${path.basename(files[0]!)}: ${table.size} characters`);
  }
});

test('a font file replaced under the same name gets its own widths, not the kept table of the old one', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefpress-widths-')), 'Body.ttf');
  const regular = path.join(dir, 'LiberationSans-Regular.ttf');
  const other = path.join(dir, 'Carlito-Regular.ttf');
  const widthOfM = (font: string) => {
    const face = fontkit.openSync(font) as fontkit.Font;
    return face.glyphForCodePoint(0x4d).advanceWidth / face.unitsPerEm;
  };
  assert.notEqual(widthOfM(regular), widthOfM(other), 'the two faces differ where the test looks');
  copyFileSync(regular, file);
  utimesSync(file, 1_000_000, 1_000_000);
  assert.equal(advanceWidths([file]).get(0x4d), widthOfM(regular));
  copyFileSync(other, file);
  utimesSync(file, 2_000_000, 2_000_000);
  assert.equal(
    advanceWidths([file]).get(0x4d),
    widthOfM(other),
    'the kept table of the first file was reused',
  );
});

test("the shipped DejaVu width table is what the installed fonts measure (LibreOffice's fallback)", (t) => {
  const installed = '/usr/share/fonts/truetype/dejavu';
  const missing = Object.values(DEJAVU_FACES)
    .flat()
    .filter((file) => !existsSync(path.join(installed, file)));
  if (missing.length)
    return t.skip(`DejaVu fonts not in ${installed} (CI installs fonts-dejavu-core and fonts-dejavu-extra)`);
  const measured = measureDejaVu(installed);
  for (const weight of ['regular', 'bold'] as const) {
    const shipped = dejavuWidths(weight);
    const fresh = new Map(measured[weight].flatMap(([first, ...run]) => run.map((w, i) => [first! + i, w])));
    assert.equal(shipped.size, fresh.size, weight);
    for (const [code, units] of fresh)
      assert.equal(shipped.get(code), units / 2048, `${weight} U+${code.toString(16)}`);
  }
  // A run of narrow letters is far wider in DejaVu than the average ratio over Liberation Sans (1.18) says.
  const liberation = advanceWidths([path.join(dir, 'LiberationSans-Regular.ttf')]);
  const t_ = 't'.codePointAt(0)!;
  assert.ok(dejavuWidths('regular').get(t_)! / liberation.get(t_)! > 1.35);
});
