/**
 * briefpress turns one YAML report into a PDF brief, a slide deck and an e-mail.
 * The stages, each a folder here:
 *
 *   load      read the file (size, UTF-8) and parse YAML keeping positions
 *   validate  one schema; every problem as file:line:column with what to do
 *   model     the renderer-neutral Report (inline Markdown parsed, dates formatted)
 *   layout    what rendering needs measured or prepared: images, glyphs, slide plans
 *   render    PDF (react-pdf) | PPTX (pptxgenjs) | e-mail (nodemailer)
 *   write     atomic writes: a temporary file, then a rename
 *
 * This file is the front of the pipeline: a report file in, a Report model out.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readTextFile } from './load/read-text.ts';
import { parseYaml, positionOf } from './load/yaml-source.ts';
import { loadBrand } from './load/brand.ts';
import { projectRootOf, shownPath, toolRoot } from './load/project.ts';
import { checkAgainst } from './validate/check.ts';
import { reportSchema, type ReportInput } from './validate/report-schema.ts';
import { resolveImage } from './validate/assets.ts';
import { buildReport, type ResolvedImages } from './model/build-report.ts';
import { InputError, pathToString, type Problem } from './problems.ts';
import type { Report } from './model/types.ts';

export interface LoadedReport {
  report: Report;
  /** The validated input, for checks that name fields (e.g. missing glyphs). */
  input: ReportInput;
}

/** Reads, validates and models one report file; throws InputError listing all its problems. */
export async function loadReport(file: string): Promise<LoadedReport> {
  const shown = shownPath(file);
  const src = parseYaml(await readTextFile(file, shown), shown);
  const input = checkAgainst(reportSchema, src);
  const problems: Problem[] = [];

  const images: ResolvedImages = new Map();
  const baseDir = path.dirname(path.resolve(file));
  const root = projectRootOf(file);
  const wanted: [PropertyKey[], string | undefined][] = [
    ...(input.moderators ?? []).map((m, i): [PropertyKey[], string | undefined] => [['moderators', i, 'photo'], m.photo]),
    ...input.speakers.map((s, i): [PropertyKey[], string | undefined] => [['speakers', i, 'photo'], s.photo]),
    ...(input.highlights ?? []).map((h, i): [PropertyKey[], string | undefined] => [['highlights', i, 'image'], h.image]),
  ];
  await Promise.all(
    wanted.map(async ([where, written]) => {
      if (!written) return;
      const ref = await resolveImage(written, baseDir, root);
      if (typeof ref === 'string') {
        const pos = positionOf(src, where);
        problems.push({ file: shown, line: pos.line, column: pos.column, where: pathToString(where), message: ref });
      } else images.set(where.join('.'), ref);
    }),
  );

  const brandName = input.brand ?? 'default';
  const brandsDir = path.join(toolRoot, 'templates/brands');
  let brand;
  if (!existsSync(path.join(brandsDir, brandName, '_brand.yml'))) {
    const pos = positionOf(src, ['brand']);
    const known = readdirSync(brandsDir).filter((d) => existsSync(path.join(brandsDir, d, '_brand.yml')));
    problems.push({ file: shown, line: pos.line, column: pos.column, where: 'brand', message: `no brand \`${brandName}\` (no templates/brands/${brandName}/_brand.yml). Brands here: ${known.join(', ')}.` });
  } else {
    try {
      brand = await loadBrand(brandName, brandsDir);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length || !brand) throw new InputError(problems.sort((a, b) => a.line - b.line));
  return { report: buildReport(input, brand, images, shown), input };
}
