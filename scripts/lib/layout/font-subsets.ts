import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toolRoot } from '../io/project.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { subsetInWorker } from './subset-in-worker.ts';
import type { Brand, FontFamily } from '../model/types.ts';

/**
 * The brand's PDF fonts cut down to the Latin script the brand promises
 * (test/render/pdf/fonts.test.ts checks every face has it) plus the punctuation and
 * symbols text uses, by subset-font (HarfBuzz's subsetter) with every layout
 * feature and the glyphs they reach kept. Noto Sans has 3,317 glyphs, 2,0xx of
 * them Latin; fontkit decodes cmap, GSUB and GPOS of the whole file in every
 * process, so the cut measured 12 % fewer instructions for a cold build:pdf of
 * the sample (valgrind, 7.1 → 6.2 G). The pages draw the same glyphs with the
 * same metrics (compared as images).
 *
 * A subset is named by the SHA-256 of the font's bytes, of the coverage and of
 * the subsetter's version, so a changed font is a new name and a subset is
 * never stale. `npm ci` makes the subsets of every brand (postinstall); a
 * missing one is made on first use, so the bytes of a PDF never depend on the
 * state of the cache.
 */

/** Bumped when COVERAGE or the subsetting options change, so old subsets are not reused. */
const FORMAT = 1;

/**
 * Inclusive code point ranges kept in every subset: the Latin script as the
 * font tests check it, the IPA letters African orthographies use (ɓ ɗ ɛ ɔ),
 * modifier letters (ʻ), punctuation, currency and letterlike signs. Phonetic
 * extensions and Latin Extended-C to -E (another 560 glyphs in Noto Sans,
 * 9 % more instructions for a build) are left out: a report that uses one of
 * them is drawn with the whole fonts (pdfFonts).
 */
export const COVERAGE: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x250, 0x2ff], // IPA Extensions, Spacing Modifier Letters
  [0x300, 0x36f], // Combining Diacritical Marks
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese, Yoruba)
  [0x2000, 0x20cf], // General Punctuation, super- and subscripts, currency signs
  [0x2100, 0x218f], // Letterlike Symbols, Number Forms
  [0xfb00, 0xfb06], // Latin ligatures
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

export function inCoverage(codePoint: number): boolean {
  return COVERAGE.some(([first, last]) => codePoint >= first && codePoint <= last);
}

let cacheDir = path.join(toolRoot, 'node_modules/.cache/briefpress/pdf-fonts');

/** Where subsets are kept (tests use a fresh folder). */
export function useFontSubsetCache(dir: string): void {
  cacheDir = dir;
  hashes.clear();
}

/** The SHA-256 of each font file, kept while its size, times and inode stay the same (a build hashes each once). */
const hashes = new Map<string, { stamp: string; sha: string }>();

function contentHash(file: string): string {
  const { size, mtimeMs, ctimeMs, ino } = statSync(file);
  const stamp = `${size} ${mtimeMs} ${ctimeMs} ${ino}`;
  const known = hashes.get(file);
  if (known?.stamp === stamp) return known.sha;
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  hashes.set(file, { stamp, sha });
  return sha;
}

let subsetter: string | undefined;

/** subset-font's and HarfBuzz's versions: another subsetter may cut other bytes. */
function subsetterVersion(): string {
  if (!subsetter) {
    const subsetFont = createRequire(path.join(toolRoot, 'package.json')).resolve('subset-font');
    const harfbuzz = createRequire(subsetFont).resolve('harfbuzzjs');
    subsetter = `subset-font@${versionAbove(subsetFont)} harfbuzzjs@${versionAbove(harfbuzz)}`;
  }
  return subsetter;
}

/** The version in the package.json nearest above a package's file (harfbuzzjs does not export its package.json). */
function versionAbove(file: string): string {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string })
        .version;
    } catch {
      // Not the package's folder yet.
    }
  }
  return 'unknown';
}

/** The cached subset of `file`: its path, made now when there is none. */
export async function subsetOf(file: string): Promise<string> {
  const key = createHash('sha256')
    .update(`${FORMAT} ${subsetterVersion()} ${contentHash(file)}`)
    .digest('hex')
    .slice(0, 40);
  const target = path.join(cacheDir, `${path.basename(file).replace(/\.[^.]+$/, '')}-${key}.ttf`);
  try {
    statSync(target);
    return target;
  } catch {
    // Not made yet.
  }
  const text = COVERAGE.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)),
  ).join('');
  const bytes = await subsetInWorker(await readFile(file), text, 'truetype');
  await writeFileAtomic(target, bytes);
  return target;
}

/** A family whose faces are the subsets, under its own name, so react-pdf never mixes them with the whole files. */
async function subsetFamily(family: FontFamily): Promise<FontFamily> {
  const faces = [];
  for (const face of family.faces) faces.push({ ...face, file: await subsetOf(face.file) });
  return { family: `${family.family} (Latin)`, faces };
}

/**
 * The fonts a PDF is drawn with: the brand's subsets, unless the report uses
 * a character outside COVERAGE that one of the whole fonts has (a Cyrillic
 * name, say): then the whole files, which draw it as before. `codePoints` are
 * those of the report's text; `wholeHas` asks the whole fonts.
 */
export async function pdfFonts(
  brand: Brand,
  codePoints: Iterable<number>,
  wholeHas: (codePoint: number) => boolean,
): Promise<Brand['fonts']> {
  for (const codePoint of codePoints) if (!inCoverage(codePoint) && wholeHas(codePoint)) return brand.fonts;
  const body = await subsetFamily(brand.fonts.body);
  const heading = brand.fonts.heading === brand.fonts.body ? body : await subsetFamily(brand.fonts.heading);
  return { ...brand.fonts, body, heading };
}

/** Makes the subsets of every face of `brand` that has none yet (npm ci does it for each brand). */
export async function prepareFontSubsets(brand: Brand): Promise<string[]> {
  const files = [
    ...new Set(
      [brand.fonts.body, brand.fonts.heading].flatMap((family) => family.faces.map((face) => face.file)),
    ),
  ];
  const made = [];
  for (const file of files) made.push(await subsetOf(file));
  return made;
}
