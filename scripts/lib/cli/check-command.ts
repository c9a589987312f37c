import { parseCommandLine } from './args.ts';
import { readRegularFile } from '../load/read-file.ts';
import { loadReport } from '../load-report.ts';
import { reportsIn } from '../load/content-dir.ts';
import { placeholdersIn, schemaChecker } from '../validate/hints.ts';
import { InputError } from '../problems.ts';
import { slugClaims } from '../load/slug-collisions.ts';
import { describeMissing, missingGlyphs } from '../render/pdf/glyphs.ts';
import { shownPath } from '../io/project.ts';
import { REPORT_SCHEMA_FILE } from '../validate/json-schema.ts';
import type { Report } from '../model/types.ts';
import { WORDS_PER_SLIDE } from '../layout/slides/types.ts';
import { planDeck, slideWords } from '../render/slides/plan/index.ts';
import { deckTheme } from '../../../templates/slides/theme.ts';
import { planGrid } from '../../../templates/slides/grid.ts';

/**
 * The deck's slides that still carry more than about WORDS_PER_SLIDE words, as
 * hints: the slide plan is made as the deck would be (its own warnings are the
 * build's), and a slide over the budget (a single long point, a long
 * recommendation) says which short form would help.
 */
function wordyDeckSlides(report: Report): string[] {
  const plan = planDeck(report, planGrid, deckTheme(report.brand).text, () => {});
  return plan.slides.flatMap((slide, i) => {
    const words = slideWords(slide) + 1; // and its slide number
    if (words <= WORDS_PER_SLIDE) return [];
    const title = slide.title.runs.map((r) => r.text).join('');
    const remedy =
      slide.layout === 'recommendations'
        ? 'give its recommendations a `headline`'
        : slide.layout === 'speaker' || slide.section === 'framework'
          ? 'give its longest points a short form, `{text: …, slide: …}`'
          : 'shorten the text it shows';
    return [
      `${report.source}: slide ${i + 1} ("${title}") of the deck carries ${words} ` +
        `words, more than about ${WORDS_PER_SLIDE}; ${remedy} (the notes keep the full text).`,
    ];
  });
}

/**
 * `npm run check`: validates every content/*.yaml (or the files named) exactly
 * as a build would, without rendering. Prints `ok FILE` or the problems, and
 * warnings that do not fail the check. Exit 0 all valid, 1 any invalid, 2 bad usage.
 */
export async function runCheck(argv: string[]): Promise<number> {
  let files: string[];
  try {
    const { values, positionals } = parseCommandLine({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    files = positionals;
  } catch (error) {
    process.stderr.write(
      `check: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.\n`,
    );
    return 2;
  }
  if (files.length === 0) files = await reportsIn('content');
  if (files.length === 0) {
    process.stderr.write('check: no reports in content/. Start one with: npm run new -- "Event title"\n');
    return 1;
  }
  const schemas = schemaChecker();
  const slugs = slugClaims('out');
  let failed = 0;
  for (const file of files) {
    try {
      const loaded = await loadReport(file);
      slugs.claim(loaded);
      process.stdout.write(`ok  ${file}\n`);
      loaded.warnings.forEach((w) => process.stderr.write(`warning: ${w}\n`));
      // What build:pdf refuses unless --allow-missing-glyphs: said here too, before anyone builds.
      for (const missing of missingGlyphs(loaded.input, loaded.report.brand.fonts)) {
        process.stderr.write(
          `warning: ${loaded.locate(missing.path)}: ${describeMissing(missing, loaded.report.brand)}; ` +
            `build:pdf stops on this unless given --allow-missing-glyphs\n`,
        );
      }
      for (const hint of wordyDeckSlides(loaded.report)) process.stderr.write(`hint: ${hint}\n`);
    } catch (error) {
      failed++;
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`${error.message}\n`);
    }
    // Never a FIFO or device: loading said what is wrong with those.
    const text = await readRegularFile(file, 'YAML file', 1024 * 1024).then(
      (b) => b.toString('utf8'),
      () => undefined,
    );
    if (text === undefined) continue;
    for (const warning of [schemas.forReport(file, text), ...placeholdersIn(file, text)]) {
      if (warning) process.stderr.write(`warning: ${warning}\n`);
    }
  }
  // The schema editors use, even when no report names it.
  const projectSchema = schemas.forFile(REPORT_SCHEMA_FILE, shownPath(REPORT_SCHEMA_FILE));
  if (projectSchema) process.stderr.write(`warning: ${projectSchema}\n`);
  if (failed)
    process.stderr.write(
      `check: ${failed} of ${files.length} report${files.length === 1 ? '' : 's'} ` +
        `ha${failed === 1 ? 's' : 've'} problems; fix them and run again.\n`,
    );
  return failed ? 1 : 0;
}

const HELP = `Usage: npm run check -- [FILE…]

Validates each report as a build would (schema, dates, images, brand), without
rendering, and prints "ok FILE" or each problem as file:line:column.
Also warns, without failing, about characters no brand font can draw (which
build:pdf refuses unless --allow-missing-glyphs), placeholder TODOs left from \`npm run new\`
and a schema line that is missing or names an out-of-date report.schema.json,
and hints at deck slides that carry more than about 60 words (give long
points a short form, \`{text, slide}\`).

  FILE…        report files to check (default: every content/*.yaml)
  -h, --help   show this help

Exit status: 0 all valid, 1 a report has problems, 2 bad usage.
`;
