/**
 * briefpress turns one YAML report into a PDF brief, a slide deck, an e-mail
 * and a web edition. The stages, in order (scripts/ARCHITECTURE.md; a stage
 * imports only earlier ones, checked by test/project/architecture.test.ts):
 *
 *   io        the kernel: atomic writes, the disk image cache, project paths
 *   load      read the file (size, UTF-8, hygiene) and parse YAML keeping positions
 *   validate  schemas, assets, fonts; every problem as file:line:column with what to do
 *   model     the renderer-neutral Report and Brand (Markdown parsed, dates, colour roles)
 *   layout    what rendering needs measured or prepared: images, fonts, slide plans
 *   render    one folder per output: PDF | PPTX | e-mail | web, each with its templates/
 *   write     a report's outputs put into OUT together
 *
 * This file is the front of the pipeline: a report file in, a Report model out.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readTextFile } from './load/read-text.ts';
import { checkTextHygiene, normalizeText } from './load/text-hygiene.ts';
import { checkLimits } from './validate/limits.ts';
import { parseYaml, positionOf } from './load/yaml-source.ts';
import { loadBrand } from './load-brand.ts';
import { projectRootOf, shownPath, toolRoot } from './io/project.ts';
import { checkAgainst } from './validate/check.ts';
import { reportSchema, type ReportInput } from './validate/report-schema.ts';
import { resolveImage } from './validate/assets.ts';
import { linkProblems } from './model/link-check.ts';
import { missingFaces } from './validate/brand-fonts.ts';
import { longWords } from './render/pdf/long-words.ts';
import { buildReport, type ResolvedImages } from './model/build-report.ts';
import { InputError, pathToString, type Problem } from './problems.ts';
import { didYouMean } from './validate/did-you-mean.ts';
import type { Report } from './model/types.ts';

export interface LoadedReport {
  report: Report;
  /** The validated input, for checks that name fields (e.g. missing glyphs). */
  input: ReportInput;
  /** What does not stop the build but the user should know, as file:line:column: message. */
  warnings: string[];
  /** `file:line:column` of a field of the report, for problems found after loading (e.g. missing glyphs). */
  locate(where: readonly PropertyKey[]): string;
  /** Where the output name comes from (report.slug, else event.title), for a collision with another report's. */
  slugAt: { file: string; line: number; column: number; where: string };
}

/** Reads, validates and models one report file; throws InputError listing all its problems. */
export async function loadReport(file: string): Promise<LoadedReport> {
  const shown = shownPath(file);
  const text = await readTextFile(file, shown);
  const src = parseYaml(text, shown);
  // Once, here: every stage after this sees NFC text (é as one letter, however it was typed).
  src.value = normalizeText(src.value);
  const problems: Problem[] = [];
  let input: ReportInput | undefined;
  try {
    input = checkAgainst(reportSchema, src);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  if (input) problems.push(...linkProblems(input, src, text));
  const report = (input ?? src.value) as Record<string, unknown> | null;
  const fail = (where: PropertyKey[], message: string) => {
    const pos = positionOf(src, where);
    problems.push({ file: shown, line: pos.line, column: pos.column, where: pathToString(where), message });
  };
  // Above the documented limits a build would run for minutes: refused now, at the field.
  if (input) for (const { where, message } of checkLimits(input)) fail(where, message);

  // Images and the brand are checked even when the schema found problems, so one run shows them all.
  const images: ResolvedImages = new Map();
  const baseDir = path.dirname(path.resolve(file));
  const root = projectRootOf(file);
  const reported = new Set(problems.map((p) => p.where));
  await Promise.all(
    imagePathsIn(report).map(async ([where, written]) => {
      if (reported.has(pathToString(where))) return;
      const ref = await resolveImage(written, baseDir, root);
      if (typeof ref === 'string') fail(where, ref);
      else images.set(where.join('.'), ref);
    }),
  );

  const brandName = typeof report?.brand === 'string' ? report.brand : 'default';
  const brandsDir = path.join(toolRoot, 'templates/brands');
  let brand;
  if (reported.has('brand')) {
    // The schema already said what is wrong with the name.
  } else if (!existsSync(path.join(brandsDir, brandName, '_brand.yml'))) {
    const known = readdirSync(brandsDir).filter((d) => existsSync(path.join(brandsDir, d, '_brand.yml')));
    const guess = didYouMean(brandName, known);
    fail(
      ['brand'],
      `no brand \`${brandName}\` in templates/brands/.${guess ? ` Did you mean \`${guess}\`?` : ''} ` +
        `Brands here: ${known.join(', ')}.`,
    );
  } else {
    try {
      brand = await loadBrand(brandName, brandsDir);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  const written = (report?.report as Record<string, unknown> | undefined)?.language;
  const hygiene = checkTextHygiene(src, typeof written === 'string' ? written : (brand?.language ?? 'en'));
  problems.push(...hygiene.problems);
  if (brand && input) for (const missing of missingFaces(input, brand)) fail(missing.where, missing.message);
  if (problems.length || !brand || !input)
    throw new InputError(problems.sort((a, b) => a.line - b.line || a.column - b.column));
  const warnings: string[] = [...hygiene.warnings];
  const warn = (where: PropertyKey[], message: string) => {
    const pos = positionOf(src, where);
    warnings.push(`${shown}:${pos.line}:${pos.column}: ${pathToString(where)}: ${message}`);
  };
  for (const long of longWords(input, brand)) warn(long.where, long.message);
  const slugPath = input.report?.slug ? ['report', 'slug'] : ['event', 'title'];
  const slugPos = positionOf(src, slugPath);
  const slugAt = { file: shown, line: slugPos.line, column: slugPos.column, where: slugPath.join('.') };
  const locate = (where: readonly PropertyKey[]) => {
    const pos = positionOf(src, where);
    return `${shown}:${pos.line}:${pos.column}`;
  };
  return { report: buildReport(input, brand, images, shown, warn), input, warnings, slugAt, locate };
}

/** Every image path a report names, with where it is named; read from the raw value so it works before
 * validation passes. */
function imagePathsIn(report: Record<string, unknown> | null): [PropertyKey[], string][] {
  const found: [PropertyKey[], string][] = [];
  const scan = (list: string, key: string) => {
    const items = report?.[list];
    if (!Array.isArray(items)) return;
    items.forEach((item: unknown, i) => {
      const written = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      if (typeof written === 'string' && written.trim()) found.push([[list, i, key], written.trim()]);
    });
  };
  scan('moderators', 'photo');
  scan('speakers', 'photo');
  scan('highlights', 'image');
  return found;
}
