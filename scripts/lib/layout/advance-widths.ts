import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { toolRoot } from '../io/project.ts';

/** Bumped when the table below changes meaning, so old files are not reused. */
const FORMAT = 1;
const cacheDir = path.join(toolRoot, 'node_modules/.cache/briefpress/fonts');

/**
 * The advance width, in em, of every character the font files draw, the
 * first file that has a character giving its width: what slide text is
 * measured with. Opening the stand-in fonts with fontkit took some 100 ms a
 * deck (WOFF tables inflated in JS, metrics decoded glyph by glyph), and
 * loading fontkit itself as much again for `build:slides`; so the table is
 * kept on disk, named by the files' paths, sizes and times, and fontkit is
 * loaded only to make it (some 20 ms a face, once).
 */
export function advanceWidths(files: string[]): Map<number, number> {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        FORMAT,
        ...files.map((file) => [path.relative(toolRoot, file), statSync(file).size, statSync(file).mtimeMs]),
      ]),
    )
    .digest('hex');
  const cached = path.join(cacheDir, `${key}.json`);
  try {
    return new Map(JSON.parse(readFileSync(cached, 'utf8')) as [number, number][]);
  } catch {
    // Not made yet (or unreadable): make it below.
  }
  const widths = measureFiles(files);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify([...widths]));
    renameSync(temp, cached);
  } catch {
    // A cache that cannot be written (read-only install) only costs time.
  }
  return widths;
}

/** Reads the widths with fontkit, loaded here and synchronously: text measuring is synchronous. */
export function measureFiles(files: string[]): Map<number, number> {
  const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  const widths = new Map<number, number>();
  for (const file of files) {
    const font = fontkit.openSync(file) as Fontkit.Font;
    const advance = advanceOf(font);
    for (const codePoint of font.characterSet) {
      if (widths.has(codePoint) || !font.hasGlyphForCodePoint(codePoint)) continue;
      widths.set(codePoint, advance(font.glyphForCodePoint(codePoint)) / font.unitsPerEm);
    }
  }
  return widths;
}

/** The hmtx table, which fontkit exposes by its tag but does not type. */
interface Hmtx {
  metrics: { length: number; get(index: number): { advance: number } };
}

/**
 * A glyph's advance width in font units, as fontkit's `advanceWidth` gives it.
 * That getter also decodes the outline for vertical metrics (some 270 ms a
 * face over a whole font); for a static font the width is the glyph's hmtx
 * entry, glyphs past the table repeating its last one.
 */
function advanceOf(font: Fontkit.Font): (glyph: Fontkit.Glyph) => number {
  const { metrics } = (font as unknown as { hmtx: Hmtx }).hmtx;
  if (Object.keys(font.variationAxes).length) return (glyph) => glyph.advanceWidth;
  return (glyph) => metrics.get(Math.min(glyph.id, metrics.length - 1)).advance;
}
