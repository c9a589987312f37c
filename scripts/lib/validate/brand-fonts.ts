import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile, UnreadableFileError } from '../load/read-file.ts';
import { parseParagraphs } from '../load/markdown.ts';
import type { Brand, FontFamily } from '../model/types.ts';
import type { ReportInput } from './report-schema.ts';
import { NOT_TEXT_KEYS, walkText } from './text-fields.ts';

/** Inside `root` and not `root` itself; `..name` is a file name, `../name` is not. */
function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * What is wrong with one font file a brand names, or undefined when react-pdf
 * can use it: the path stays inside the project (the brand must travel with
 * its fonts, so a build never depends on /usr/share/fonts or on what happens
 * to lie three folders up), it is a regular file, and fontkit (react-pdf's
 * font parser) reads it as one TrueType or OpenType font with a character map.
 * `written` is the path as in _brand.yml, `brandDir` the folder it is relative to.
 */
export async function fontFileProblem(
  written: string,
  brandDir: string,
  projectRoot: string,
): Promise<string | undefined> {
  const copy = 'Copy the font into the project (e.g. templates/fonts/) and name it relative to _brand.yml.';
  if (path.isAbsolute(written) || /^[a-z]:[\\/]/i.test(written))
    return (
      `must be a path relative to the brand folder, not an absolute path: the ` +
      `brand would not build on another machine. ${copy}`
    );
  const file = path.resolve(brandDir, written);
  if (!isInside(file, projectRoot))
    return `leads outside the project folder, which briefpress will not read. ${copy}`;
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return (
      `font file not found: ${written}. Check the spelling (paths are relative ` +
      `to _brand.yml and case-sensitive).`
    );
  }
  if (!isInside(real, await realpath(projectRoot)))
    return `is a link to a file outside the project folder, which briefpress will not read. ${copy}`;
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(real, 'font file');
  } catch (error) {
    if (error instanceof UnreadableFileError) return error.reason;
    throw error;
  }
  return parseProblem(bytes);
}

/** Parses the font as react-pdf will; what fontkit cannot read or draw from, in words. */
async function parseProblem(bytes: Buffer): Promise<string | undefined> {
  const { create } = await import('fontkit');
  const resave = 'Save the real font file (.ttf or .otf, or .woff) from its publisher here.';
  const magic = bytes.subarray(0, 4).toString('latin1');
  if (magic === 'wOF2')
    return '.woff2 fonts draw accented letters wrong in the PDF renderer; use the .ttf or .woff of the same font.';
  let font;
  try {
    font = create(bytes);
  } catch (error) {
    return `is not a font file fontkit can read (${firstLine(error)}). ${resave}`;
  }
  if ('fonts' in font)
    return 'is a font collection (.ttc), which holds several fonts; name one .ttf per face instead.';
  try {
    // Forces the tables react-pdf needs first: the header, the glyph count and the character map.
    if (!font.unitsPerEm || !font.numGlyphs || !font.characterSet.length)
      return `has no glyphs or no character map, so nothing could be drawn with it. ${resave}`;
  } catch (error) {
    return `is damaged: fontkit cannot read its tables (${firstLine(error)}). ${resave}`;
  }
  return undefined;
}

/** Text fields set in the brand's heading family (templates/pdf: cover title and subtitle, people's names);
 * all others use the body family. */
const HEADING_FIELDS = /^(event\.(title|subtitle)|(speakers|moderators)\[\d+\]\.name|thanks\.name)$/;
/** Keys that hold no Markdown text. */
const NOT_TEXT: ReadonlySet<string> = new Set([...NOT_TEXT_KEYS, 'headings']);

export interface MissingFace {
  /** Where the style is first used, as a document path. */
  where: PropertyKey[];
  message: string;
}

/**
 * Each bold, italic or bold italic the report's Markdown asks of a font family
 * that has no such face. react-pdf stops with "Could not resolve font" for a
 * missing style and silently draws the nearest weight for a missing weight:
 * both are said here, at the first field that uses it.
 */
export function missingFaces(input: ReportInput, brand: Brand): MissingFace[] {
  const found: MissingFace[] = [];
  const reported = new Set<string>();
  walkText(input, NOT_TEXT, (where, text) => {
    const family = HEADING_FIELDS.test(pathText(where)) ? brand.fonts.heading : brand.fonts.body;
    for (const paragraph of parseParagraphs(text)) {
      for (const run of paragraph) {
        const weight = run.bold ? 700 : 400;
        const style = run.italic ? 'italic' : 'normal';
        if (weight === 400 && style === 'normal') continue;
        const key = `${family.family}|${weight}|${style}`;
        if (reported.has(key) || family.faces.some((f) => f.weight === weight && f.style === style)) continue;
        reported.add(key);
        found.push({ where, message: missingMessage(family, weight, style, brand) });
      }
    }
  });
  return found;
}

function missingMessage(
  family: FontFamily,
  weight: 400 | 700,
  style: 'normal' | 'italic',
  brand: Brand,
): string {
  const asked =
    weight === 700 && style === 'italic' ? '***bold italic***' : weight === 700 ? '**bold**' : '*italic*';
  const face = `${weight === 700 ? 'bold ' : ''}${style === 'italic' ? 'italic' : 'upright'}`.replace(
    'bold upright',
    'bold',
  );
  const effect = family.faces.some((f) => f.style === style)
    ? `the PDF would draw it in another weight`
    : `the PDF cannot be made`;
  return (
    `uses ${asked}, but the font family "${family.family}" of brand "${brand.name}" ` +
    `has no ${face} face, so ${effect}. Add the ${face} file to typography.fonts ` +
    `in templates/brands/${brand.name}/_brand.yml (e.g. { path: …, weight: ${weight}, ` +
    `style: ${style} }), or remove the ${asked.replace(/\*/g, '').trim()} mark-up.`
  );
}

function pathText(where: PropertyKey[]): string {
  return where.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${String(k)}` : String(k))).join('');
}

/** The first line of what was thrown, for a one-line message. */
function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
