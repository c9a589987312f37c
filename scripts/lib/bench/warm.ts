import { rebuild } from '../watch/rebuild.ts';
import type { OutputKind } from '../render/output.ts';
import type { EditableReport } from './scale.ts';

export interface WarmTimes {
  /** The first build in the process: modules loaded, but fonts, images and the layout engine not yet warm. */
  firstMs: number;
  /** Each later build, as `npm run dev` does one after a save. */
  laterMs: number[];
  /** CPU time (user + system, all threads) of each later build: less sensitive to other load. */
  laterCpuMs: number[];
}

/**
 * Builds `report` `1 + runs` times in this process, through the same path as
 * watch mode, editing it before each build (untimed), as a writer saves.
 */
export async function timeWarm(
  report: EditableReport,
  kinds: OutputKind[],
  outDir: string,
  runs: number,
): Promise<WarmTimes> {
  const settings = { kinds, outDir, creationDate: new Date(0), warn: () => undefined };
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await report.edit(i);
    const started = performance.now();
    const usage = process.cpuUsage();
    const result = await rebuild(report.file, settings);
    times.push(performance.now() - started);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
    if (result.failures.length) throw new Error(result.failures.join('\n'));
  }
  return { firstMs: times[0]!, laterMs: times.slice(1), laterCpuMs: cpu.slice(1) };
}
