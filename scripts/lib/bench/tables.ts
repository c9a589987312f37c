import type { LauncherResult, ServerMemory } from './launchers.ts';

export interface ColdResult {
  command: string;
  wallMs: number;
  cpuMs: number;
  /** What the command printed as its own build time: all but start-up and module loading. */
  buildMs: number;
  peakMb: number;
  samplesMs: number[];
}

export interface ScalingResult {
  factor: number;
  pages: number;
  slides?: number;
  pdfColdMs: number;
  pdfWarmMs: number;
  /** CPU time of a warm rebuild, all threads. */
  pdfWarmCpuMs?: number;
  pdfPeakMb: number;
  slidesColdMs?: number;
  slidesPeakMb?: number;
}

/** A cold build of a report scaled up from the sample: how big it came out, time and peak memory. */
export interface BigReport {
  factor: number;
  /** Pages of the brief or slides of the deck. */
  size: number;
  wallMs: number;
  cpuMs: number;
  peakMb: number;
}

export interface BenchResult {
  launchers?: LauncherResult[];
  serverMemory?: ServerMemory;
  typst?: boolean;
  machine: { cpus: number; cpu: string; node: string; loadAverageBefore: number; loadAverageAfter: number };
  runs: number;
  cold: ColdResult[];
  warm: { output: string; firstMs: number; medianMs: number; cpuMs?: number }[];
  outputs: { file: string; bytes: number }[];
  scaling: ScalingResult[];
  /** Cost of each page added between two sizes, cold and warm, and how much it grew. */
  perAddedPage?: { from: number; to: number; coldMs: number; warmMs: number; warmCpuMs: number }[];
  /** Warm cost per added page at the last step over that at the first (CPU time when measured): 1 means linear. */
  growth?: number;
  inProcessPeakMb?: number;
  /** Issue 11: a brief of about 300 pages and a deck of about 300 slides, cold, each in its own process. */
  bigReports?: { brief?: BigReport; deck?: BigReport };
  /** The PDF guard on the sample, in one process: the first check and the median after. */
  guard?: { firstMs: number; medianMs: number };
}

/** The benchmark as plain-text tables; also fills in `perAddedPage` and `growth`. */
export function formatTables(result: BenchResult): string {
  const steps = result.scaling.slice(1).map((to, i) => {
    const from = result.scaling[i]!;
    const pages = to.pages - from.pages;
    const warmCpuMs = ((to.pdfWarmCpuMs ?? Number.NaN) - (from.pdfWarmCpuMs ?? Number.NaN)) / pages;
    return {
      from: from.factor,
      to: to.factor,
      coldMs: (to.pdfColdMs - from.pdfColdMs) / pages,
      warmMs: (to.pdfWarmMs - from.pdfWarmMs) / pages,
      warmCpuMs,
    };
  });
  result.perAddedPage = steps;
  const cost = (step: (typeof steps)[number]) =>
    Number.isNaN(step.warmCpuMs) ? step.warmMs : step.warmCpuMs;
  if (steps.length > 1) result.growth = cost(steps.at(-1)!) / cost(steps[0]!);

  const { machine } = result;
  const out = [
    `${machine.cpus} × ${machine.cpu}, node ${machine.node}; load average ${machine.loadAverageBefore.toFixed(1)} ` +
      `before, ${machine.loadAverageAfter.toFixed(1)} after; median of ${result.runs} ` +
      `run${result.runs === 1 ? '' : 's'}`,
    '',
    table(
      ['cold, process start to exit', 'wall', 'CPU', 'of which build', 'peak memory'],
      result.cold.map((c) => [
        c.command,
        ms(c.wallMs),
        ms(c.cpuMs),
        ms(c.buildMs),
        `${c.peakMb.toFixed(0)} MB`,
      ]),
    ),
    ...(result.launchers?.length
      ? [
          table(
            ['build of the sample, started by', 'wall', 'CPU', 'peak memory', 'over Typst', 'target'],
            result.launchers.map((l) => [
              l.how,
              ms(l.wallMs),
              ms(l.cpuMs),
              `${l.peakMb.toFixed(0)} MB`,
              l.ratio === undefined ? '–' : `${l.ratio.toFixed(1)}×`,
              l.target ?? '',
            ]),
          ),
        ]
      : []),
    ...(result.serverMemory
      ? [
          `build server after ${result.serverMemory.builds} warm builds: ${result.serverMemory.residentMb} ` +
            `MB resident, peak ${result.serverMemory.peakMb} MB (target ≤ 300 MB), heap ` +
            `${result.serverMemory.heapMb} MB\n`,
        ]
      : []),
    table(
      ['warm rebuild in one process', 'first', 'then', 'then, CPU'],
      result.warm.map((w) => [w.output, ms(w.firstMs), ms(w.medianMs), ms(w.cpuMs ?? Number.NaN)]),
    ),
    table(
      ['output of the sample', 'size'],
      result.outputs.map((o) => [o.file, `${(o.bytes / 1000).toFixed(0)} kB`]),
    ),
    table(
      [
        'scaling',
        'pages',
        'slides',
        'PDF cold',
        'PDF warm',
        'warm CPU',
        'PDF peak',
        'deck cold',
        'deck peak',
      ],
      result.scaling.map((s) => [
        `${s.factor}×`,
        String(s.pages),
        s.slides === undefined ? '–' : String(s.slides),
        ms(s.pdfColdMs),
        ms(s.pdfWarmMs),
        ms(s.pdfWarmCpuMs ?? Number.NaN),
        `${s.pdfPeakMb.toFixed(0)} MB`,
        s.slidesColdMs === undefined ? '–' : ms(s.slidesColdMs),
        s.slidesPeakMb === undefined ? '–' : `${s.slidesPeakMb.toFixed(0)} MB`,
      ]),
    ),
    table(
      ['per added PDF page', 'cold', 'warm', 'warm CPU'],
      steps.map((s) => [`${s.from}× → ${s.to}×`, ms(s.coldMs), ms(s.warmMs), ms(s.warmCpuMs)]),
    ),
  ];
  if (result.growth !== undefined)
    out.push(`growth of the cost per added page (warm, last step over first): ${result.growth.toFixed(2)}×`);
  out.push('', targets(result));
  return `${out.join('\n')}\n`;
}

/** Issue 13's targets with this run's figures beside them. */
function targets(result: BenchResult): string {
  const ratio = (how: string) => result.launchers?.find((l) => l.how.startsWith(how))?.ratio;
  const times = (value?: number) =>
    value === undefined ? '– (Typst not installed)' : `${value.toFixed(1)}×`;
  const warmPdf = result.warm.find((w) => w.output === 'pdf');
  const sixteen = result.scaling.find((s) => s.factor === 16);
  const fifty = result.scaling.find((s) => s.factor === 50);
  const peak = Math.max(
    ...result.cold.map((c) => c.peakMb),
    ...(result.launchers ?? []).map((l) => l.peakMb),
  );
  return table(
    ['target', 'this run'],
    [
      ['npm run build, warm server ≤ 3× Typst', times(ratio('npm run build, warm'))],
      ['briefpress build, warm server ≤ 2× Typst', times(ratio('briefpress build, warm'))],
      ['briefpress build, cold ≤ 4.5× Typst', times(ratio('briefpress build (the bin), cold'))],
      ['warm PDF rebuild (dev) ≤ 150 ms', warmPdf ? ms(warmPdf.medianMs) : '–'],
      ['16× report cold ≤ 2 s', sixteen ? ms(sixteen.pdfColdMs) : '– (not measured)'],
      ['peak memory per command ≤ 300 MB', Number.isFinite(peak) ? `${peak.toFixed(0)} MB` : '–'],
      [
        '50× report: brief ≤ 300 MB',
        fifty
          ? `${fifty.pdfPeakMb.toFixed(0)} MB for ${fifty.pages} pages${verdict(fifty.pdfPeakMb)}`
          : '– (not measured: --quick)',
      ],
      [
        '50× report: deck ≤ 300 MB',
        fifty?.slidesPeakMb !== undefined
          ? `${fifty.slidesPeakMb.toFixed(0)} MB for ${fifty.slides} slides${verdict(fifty.slidesPeakMb)}`
          : '– (not measured: --quick)',
      ],
      [
        `≈300-page brief (${result.bigReports?.brief?.factor ?? 100}× report) ≤ 300 MB`,
        bigSize(result.bigReports?.brief, 'pages'),
      ],
      [
        `≈300-slide deck (${result.bigReports?.deck?.factor ?? 23}× report) ≤ 300 MB`,
        bigSize(result.bigReports?.deck, 'slides'),
      ],
      [
        'PDF guard per build (warm)',
        result.guard ? `${ms(result.guard.medianMs)} (first: ${ms(result.guard.firstMs)})` : '–',
      ],
      [
        'build server peak ≤ 300 MB',
        result.serverMemory
          ? `${result.serverMemory.peakMb} MB after ${result.serverMemory.builds} builds`
          : '–',
      ],
    ],
  );
}

function bigSize(run: BigReport | undefined, unit: string): string {
  return run
    ? `${run.peakMb.toFixed(0)} MB for ${run.size} ${unit} (${ms(run.wallMs)}, CPU ${ms(run.cpuMs)})` +
        verdict(run.peakMb)
    : '– (not measured: --quick)';
}

/** Issue 11's memory target for big reports: a peak of 300 MB. */
const MEMORY_TARGET_MB = 300;

/** Whether a peak meets the memory target, said beside the figure. */
function verdict(peakMb: number): string {
  return peakMb <= MEMORY_TARGET_MB
    ? ': met'
    : `: not met, ${(peakMb - MEMORY_TARGET_MB).toFixed(0)} MB over`;
}

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : `${Math.round(value)} ms`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n');
}
