import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadReport } from '../load-report.ts';
import { commitOutputs, type PendingOutput } from '../write/commit.ts';
import { buildDate, type BuildOption, type OutputKind } from '../render/output.ts';
import { parseBuildArgs } from './args.ts';
import { UsageError } from '../problems.ts';
import { progressLine } from './progress.ts';
import { formatBytes } from '../model/bytes.ts';
import { describeFailure } from './failure.ts';
import { slugClaims } from '../load/slug-collisions.ts';

/**
 * The shared body of `build:pdf`, `build:slides`, `build:email` and `build`:
 * every content/*.yaml (or the files named), each output written atomically,
 * one line per file. Exit 0 when all built, 1 when any report failed, 2 for bad usage.
 */
export async function runBuild(
  command: string,
  kinds: OutputKind[],
  argv = process.argv.slice(2),
): Promise<number> {
  let args;
  let creationDate;
  try {
    args = parseBuildArgs(argv, optionsOf(kinds));
    if (args.help) {
      process.stdout.write(helpText(command, kinds));
      return 0;
    }
    await checkOutDir(args.outDir);
    creationDate = buildDate();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(describeFailure(error, { command }).message);
    return 2;
  }
  const files = args.files.length ? args.files : await allReports();
  if (files.length === 0) {
    process.stderr.write(
      `${command}: no reports in content/. Start one with: npm run new -- "Event title"\n`,
    );
    return 1;
  }
  let failed = 0;
  const slugs = slugClaims(args.outDir);
  for (const file of files) {
    const started = performance.now();
    try {
      const loaded = await loadReport(file);
      slugs.claim(loaded);
      const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);
      loaded.warnings.forEach(warn);
      // In order: the e-mail attaches the PDF and deck rendered just before it, the web edition offers them.
      // Nothing is written until every output of the report is built; then all are put in place together.
      const built = new Map<string, Uint8Array>();
      const pending: (PendingOutput & { summary: string; seconds: string })[] = [];
      for (const kind of kinds) {
        const target = path.join(args.outDir, `${loaded.report.slug}${kind.extension}`);
        const progress = progressLine(target);
        let result;
        try {
          result = await kind.render(loaded, {
            creationDate,
            outDir: args.outDir,
            warn,
            options: args.options,
            built,
            progress: progress.update,
          });
        } finally {
          progress.end();
        }
        if (!result.files) built.set(kind.extension, result.bytes);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        pending.push({
          target: path.join(args.outDir, `${loaded.report.slug}${kind.extension}`),
          bytes: result.bytes,
          files: result.files,
          summary: result.summary,
          seconds,
        });
      }
      const sizes = await commitOutputs(pending);
      pending.forEach((p, i) =>
        process.stdout.write(`${p.target}  ${p.summary}, ${formatBytes(sizes[i]!)}, ${p.seconds} s\n`),
      );
    } catch (error) {
      failed++;
      process.stderr.write(describeFailure(error, { where: file }).message);
    }
  }
  if (failed)
    process.stderr.write(
      `${command}: ${failed} of ${files.length} report${files.length === 1 ? '' : 's'} ` +
        `failed; fix the problems above and run again.\n`,
    );
  return failed ? 1 : 0;
}

/** `--out` must name a folder, or a path where one can be made: checked before anything is built. */
async function checkOutDir(outDir: string): Promise<void> {
  let dir = path.resolve(outDir);
  for (;;) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory()) return;
    if (info) {
      const what =
        dir === path.resolve(outDir)
          ? `--out ${outDir} names a file, not a folder`
          : `--out ${outDir}: ${dir} is a file, so no folder can be made inside it`;
      throw new UsageError(`${what}. Name a folder (it is made when missing), e.g. --out out/`);
    }
    const up = path.dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

async function allReports(): Promise<string[]> {
  try {
    const names = await readdir('content');
    return names
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => path.join('content', n));
  } catch {
    return [];
  }
}

/** The options the outputs add, each once (`build` makes several outputs). */
function optionsOf(kinds: OutputKind[]): BuildOption[] {
  const byName = new Map(kinds.flatMap((k) => k.options ?? []).map((o) => [o.name, o]));
  return [...byName.values()];
}

function helpText(command: string, kinds: OutputKind[]): string {
  const what = kinds.map((k) => `${k.title} (OUT/<slug>${k.extension})`).join(', ');
  const extra = optionsOf(kinds);
  const spelled = (o: BuildOption) => (o.placeholder ? `--${o.name} ${o.placeholder}` : `--${o.name}`);
  const usage = extra.map((o) => ` [${spelled(o)}]`).join('');
  const lines = extra
    .map((o) => `  ${spelled(o)}${' '.repeat(Math.max(1, 11 - spelled(o).length))}${o.help}\n`)
    .join('');
  const notes = kinds.flatMap((k) => (k.note ? [`${k.note}\n\n`] : [])).join('');
  return (
    `Usage: npm run ${command} -- [FILE…] [--out DIR]${usage}

Builds the ${what} for each report.

  FILE…        report files to build (default: every content/*.yaml)
  --out DIR    where to write the outputs (default: out/)
${lines}  -h, --help   show this help

${notes}A report's outputs are put in place together once all are built: ` +
    `a failed report leaves every earlier file untouched.
SOURCE_DATE_EPOCH (seconds) fixes the document date, so two builds are ` +
    `byte-identical.
Exit status: 0 all built, 1 a report failed (the others still build), 2 bad usage.
`
  );
}
