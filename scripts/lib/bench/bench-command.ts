import { parseCommandLine } from '../cli/args.ts';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { toolRoot } from '../io/project.ts';
import { kindNames, loadKinds } from '../render/kinds.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { median, runCold, type ColdRun } from './measure.ts';
import { editableReport, scaleReport } from './scale.ts';
import { pagesOf, slidesOf } from './sizes.ts';
import { timeWarm } from './warm.ts';
import { measureLaunchers } from './launchers.ts';
import { typstInstallHint } from './typst.ts';
import { measureBigImages, type BigImagesRun } from './big-images.ts';
import { formatTables, type BenchResult, type ColdResult } from './tables.ts';

const SAMPLE = path.join(toolRoot, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const COMMANDS = ['build:pdf', 'build:slides', 'build:web', 'build'];
/** Issue 11: a brief of ≈300 pages and a deck of ≈300 slides, made from the sample by scaleReport. */
const BIG_REPORTS = [
  ['brief', 100, 'build:pdf'],
  ['deck', 23, 'build:slides'],
] as const;

/**
 * `npm run bench`: cold commands on the sample (process start to exit), warm
 * rebuilds in one process, peak memory, output sizes, and how PDF time grows
 * on the sample made 1×, 4× and 16× longer. Medians of `--runs` runs.
 */
export async function runBench(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseCommandLine({
      args: argv,
      options: {
        runs: { type: 'string' },
        'warm-builds': { type: 'string' },
        quick: { type: 'boolean' },
        json: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `bench: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.\n`,
    );
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const runs = values.runs === undefined ? (values.quick ? 1 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write('bench: --runs must be a whole number of at least 1\n');
    return 2;
  }
  const warmBuilds =
    values['warm-builds'] === undefined ? (values.quick ? 10 : 200) : Number(values['warm-builds']);
  if (!Number.isInteger(warmBuilds) || warmBuilds < 0) {
    process.stderr.write('bench: --warm-builds must be a whole number\n');
    return 2;
  }
  const only = values.only?.split(',').map((p) => p.trim());
  const unknown = only?.filter((p) => !PARTS.includes(p));
  if (unknown?.length) {
    process.stderr.write(`bench: --only takes ${PARTS.join(', ')}; not ${unknown.join(', ')}\n`);
    return 2;
  }
  const want = (part: (typeof PARTS)[number]) => !only || only.includes(part);
  const factors = values.quick ? [1, 4] : [1, 4, 16, 50];
  const jsonFile = values.json ?? path.join('out', 'bench.json');
  const scripts = JSON.parse(await readFile(path.join(toolRoot, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  // Cold figures are of builds in their own process, whatever server the user may have running.
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1768900000', BRIEFPRESS_SERVER: 'off' };
  const work = await mkdtemp(path.join(tmpdir(), 'briefpress-bench-'));
  const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const result: BenchResult = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      node: process.version,
      loadAverageBefore: loadavg()[0]!,
      loadAverageAfter: 0,
    },
    runs,
    cold: [],
    warm: [],
    outputs: [],
    scaling: [],
  };
  let bigImages: BigImagesRun[] | undefined;
  try {
    const cold = async (command: string, file: string, out: string, times = runs): Promise<ColdResult> => {
      const line = scripts[command]!;
      // Untimed: fills the compile cache and the OS file cache.
      await runCold(line, [file, '--out', out], toolRoot, env);
      const samples: ColdRun[] = [];
      for (let i = 0; i < times; i++) samples.push(await runCold(line, [file, '--out', out], toolRoot, env));
      progress(`${command} ${path.basename(file)}: ${median(samples.map((s) => s.wallMs)).toFixed(0)} ms`);
      return {
        command: `${command} ${path.basename(file)}`,
        wallMs: median(samples.map((s) => s.wallMs)),
        cpuMs: median(samples.map((s) => s.cpuMs)),
        buildMs: median(samples.map((s) => s.buildMs)),
        peakMb: Math.max(...samples.map((s) => s.peakMb)),
        samplesMs: samples.map((s) => Math.round(s.wallMs)),
      };
    };

    for (const command of COMMANDS.filter((c) => scripts[c] && want('cold'))) {
      try {
        result.cold.push(await cold(command, SAMPLE, path.join(work, 'out')));
      } catch (error) {
        // A command another engineer has not finished yet must not stop the others' figures.
        progress(
          `${command} skipped, it failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
    }
    if (want('launchers'))
      try {
        Object.assign(
          result,
          await measureLaunchers({ sample: SAMPLE, work, runs, warmBuilds, env, progress }),
        );
        if (!result.typst) progress(`Typst is not installed; for the ratios: ${typstInstallHint}`);
      } catch (error) {
        progress(
          `launchers skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
    for (const name of (await readdir(path.join(work, 'out')).catch(() => [])).sort()) {
      if (!name.startsWith('.'))
        result.outputs.push({ file: name, bytes: (await stat(path.join(work, 'out', name))).size });
    }

    if (want('guard')) {
      result.guard = await timeGuard(path.join(work, 'out'), runs);
      progress(
        `the PDF guard on the sample: first ${result.guard.firstMs.toFixed(0)} ` +
          `ms, then ${result.guard.medianMs.toFixed(0)} ms`,
      );
    }

    const warmKinds = kindNames.filter((k) => k !== 'email');
    const kinds = await loadKinds(warmKinds);
    const edited = await editableReport(SAMPLE, 1, path.join(work, 'edited'));
    for (const [i, kind] of want('warm') ? kinds.entries() : []) {
      const times = await timeWarm(edited, [kind], path.join(work, 'warm'), runs);
      result.warm.push({
        output: warmKinds[i]!,
        firstMs: times.firstMs,
        medianMs: median(times.laterMs),
        cpuMs: median(times.laterCpuMs),
      });
    }

    for (const factor of want('scaling') ? factors : []) {
      const file = await scaleReport(SAMPLE, factor, path.join(work, 'reports'));
      const out = path.join(work, `out-${factor}x`);
      // The 50× report (some 300 pages and slides) is measured for memory above all: two runs, not --runs.
      const times = factor >= 50 ? Math.min(runs, 2) : runs;
      const pdf = await cold('build:pdf', file, out, times);
      const warm = await timeWarm(
        await editableReport(SAMPLE, factor, path.join(work, `edited-${factor}x`)),
        [kinds[warmKinds.indexOf('pdf')]!],
        path.join(work, `warm-${factor}x`),
        times,
      );
      const slides = scripts['build:slides'] ? await cold('build:slides', file, out, times) : undefined;
      result.scaling.push({
        factor,
        pages: await pagesOf(path.join(out, `bench-${factor}x.pdf`)),
        slides: slides ? await slidesOf(path.join(out, `bench-${factor}x.pptx`)) : undefined,
        pdfColdMs: pdf.wallMs,
        pdfWarmMs: median(warm.laterMs),
        pdfWarmCpuMs: median(warm.laterCpuMs),
        pdfPeakMb: pdf.peakMb,
        slidesColdMs: slides?.wallMs,
        slidesPeakMb: slides?.peakMb,
      });
    }
    if (!values.quick && want('big')) {
      // Issue 11's sizes: about 300 pages (the 100× report; more would pass the 1 MiB a report may be) and
      // about 300 slides (23×). For memory above all: two runs, not --runs.
      const times = Math.min(runs, 2);
      const out = path.join(work, 'out-big');
      result.bigReports = {};
      for (const [key, factor, command] of BIG_REPORTS) {
        if (!scripts[command]) continue;
        const file = await scaleReport(SAMPLE, factor, path.join(work, 'reports'));
        const run = await cold(command, file, out, times);
        const size =
          key === 'brief'
            ? await pagesOf(path.join(out, `bench-${factor}x.pdf`))
            : await slidesOf(path.join(out, `bench-${factor}x.pptx`));
        result.bigReports[key] = { factor, size, wallMs: run.wallMs, cpuMs: run.cpuMs, peakMb: run.peakMb };
      }
    }
    if (scripts.build && want('images')) {
      try {
        bigImages = await measureBigImages({
          runs: Math.min(runs, 3),
          work,
          env,
          scripts,
          sample: SAMPLE,
          progress,
        });
      } catch (error) {
        progress(
          `big images skipped, it failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
    }
    result.machine.loadAverageAfter = loadavg()[0]!;
    result.inProcessPeakMb = process.resourceUsage().maxRSS / 1024;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  process.stdout.write(formatTables(result));
  if (bigImages?.length) {
    process.stdout.write(
      `\nBig images (image cache off: every image decoded, every share card drawn; ` +
        `medians of ${bigImages[0]!.samplesMs.length})\n`,
    );
    for (const run of bigImages) {
      process.stdout.write(
        `  ${run.command.padEnd(10)} ${run.report.padEnd(25)} ${(run.wallMs / 1000).toFixed(1).padStart(5)} ` +
          `s  ${run.peakMb.toFixed(0).padStart(4)} MB peak` +
          (`  (runs: ${run.samplesMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} ` +
            `s; ${run.peaksMb.join(', ')} MB)\n`),
      );
    }
  }
  const tenths = (_k: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v);
  await writeFileAtomic(jsonFile, `${JSON.stringify({ ...result, bigImages }, tenths, 2)}\n`);
  process.stdout.write(`\n${jsonFile} written\n`);
  return 0;
}

/** The parts of the bench, in the order they run: --only names some of them. */
const PARTS = ['cold', 'launchers', 'guard', 'warm', 'scaling', 'big', 'images'];

const HELP = `Usage: npm run bench -- [--runs N] [--warm-builds N] [--quick] [--only PARTS] [--json FILE]

Measures, on this machine:
  cold    build:pdf, build:slides, build:web and build on the sample, process start to exit
          (a first untimed run fills the compile cache), CPU time and peak memory
  launch  build of the sample through npm run, through node_modules/.bin/briefpress,
          both again handed to a warm server (npm run serve), and Typst compiling
          a comparable brief when installed (${typstInstallHint}),
          as ratios to Typst; then the server's memory after --warm-builds builds
  warm    a rebuild inside one process, as npm run dev does after a save
          (here and through the server the report is edited before each build:
          one point changes, so the rebuild is real, not served from caches)
  sizes   the output files of the sample
  scaling build:pdf on the sample made 1×, 4×, 16× and 50× longer (speakers, points,
          recommendations): pages, time, and the cost of each added page
  big     build:pdf of the sample made 100× longer (264 pages) and build:slides of it
          23× longer (309 slides): issue 11's 300 pages and 300 slides, peak memory
  images  build and build:pdf of a report with ten 100-megapixel highlight photos,
          and build and build:web of the sample, image cache off (every share card
          drawn): time and peak memory
          (at most 3 runs; the photos are made once, ~40 s)

  --runs N     runs per measurement; the median is shown (default 5)
  --warm-builds N  builds through the warm server before its memory is read (default 200)
  --quick      one run each, 1× and 4× only, 10 warm builds: a smoke test, not a measurement
  --only PARTS only these parts, comma-separated: cold, launchers (which includes the build
               server's memory), guard, warm, scaling, big, images; e.g. --only launchers
  --json FILE  where to write the figures (default out/bench.json)
  -h, --help   show this help

Other load on the machine inflates wall times: the load average is recorded
beside the figures; compare CPU times when it is high.
`;

/**
 * What the PDF guard (render/pdf/guard.ts) costs a build: comparing the text
 * lines react-pdf drew for the sample's brief with the report, in this process
 * (the first time, then its median over `runs`). The lines themselves are
 * collected while the brief is drawn, at a cost inside the render.
 */
async function timeGuard(outDir: string, runs: number): Promise<{ firstMs: number; medianMs: number }> {
  const loaded = await (await import('../load-report.ts')).loadReport(SAMPLE);
  const { renderBrief } = await import('../render/pdf/index.ts');
  const { pages } = await renderBrief(loaded, { creationDate: new Date(0), outDir, warn: () => undefined });
  const started = performance.now();
  const { guardBrief } = await import('../render/pdf/guard.ts');
  guardBrief(loaded.report, pages);
  const firstMs = performance.now() - started;
  const later: number[] = [];
  for (let i = 0; i < Math.max(runs, 3); i++) {
    const t = performance.now();
    guardBrief(loaded.report, pages);
    later.push(performance.now() - t);
  }
  return { firstMs, medianMs: median(later) };
}
