import { parseCommandLine } from './args.ts';
import { readFile } from 'node:fs/promises';
import { loadReport } from '../load-report.ts';
import { reportsIn } from '../load/content-dir.ts';
import { placeholdersIn, schemaChecker } from '../validate/hints.ts';
import { InputError } from '../problems.ts';
import { shownPath } from '../load/project.ts';
import { REPORT_SCHEMA_FILE } from '../validate/json-schema.ts';

/**
 * `npm run check`: validates every content/*.yaml (or the files named) exactly
 * as a build would, without rendering. Prints `ok FILE` or the problems, and
 * warnings that do not fail the check. Exit 0 all valid, 1 any invalid, 2 bad usage.
 */
export async function runCheck(argv: string[]): Promise<number> {
  let files: string[];
  try {
    const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    files = positionals;
  } catch (error) {
    process.stderr.write(`check: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.\n`);
    return 2;
  }
  if (files.length === 0) files = await reportsIn('content');
  if (files.length === 0) {
    process.stderr.write('check: no reports in content/. Start one with: npm run new -- "Event title"\n');
    return 1;
  }
  const schemas = schemaChecker();
  let failed = 0;
  for (const file of files) {
    try {
      const loaded = await loadReport(file);
      process.stdout.write(`ok  ${file}\n`);
      loaded.warnings.forEach((w) => process.stderr.write(`warning: ${w}\n`));
    } catch (error) {
      failed++;
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`${error.message}\n`);
    }
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    for (const warning of [schemas.forReport(file, text), ...placeholdersIn(file, text)]) {
      if (warning) process.stderr.write(`warning: ${warning}\n`);
    }
  }
  // The schema editors use, even when no report names it.
  const projectSchema = schemas.forFile(REPORT_SCHEMA_FILE, shownPath(REPORT_SCHEMA_FILE));
  if (projectSchema) process.stderr.write(`warning: ${projectSchema}\n`);
  if (failed) process.stderr.write(`check: ${failed} of ${files.length} report${files.length === 1 ? '' : 's'} ha${failed === 1 ? 's' : 've'} problems; fix them and run again.\n`);
  return failed ? 1 : 0;
}

const HELP = `Usage: npm run check -- [FILE…]

Validates each report as a build would (schema, dates, images, brand), without
rendering, and prints "ok FILE" or each problem as file:line:column.
Also warns, without failing, about placeholder TODOs left from \`npm run new\`
and a schema line that is missing or names an out-of-date report.schema.json.

  FILE…        report files to check (default: every content/*.yaml)
  -h, --help   show this help

Exit status: 0 all valid, 1 a report has problems, 2 bad usage.
`;
