import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One run of a command, process start to exit. */
export interface ColdRun {
  wallMs: number;
  /** User + system CPU time: less sensitive than wall time to other load on the machine. */
  cpuMs: number;
  /** Largest resident set of the process tree, in MB. */
  peakMb: number;
  /** The time the build itself printed (loading, rendering, writing the report), without module loading. */
  buildMs: number;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `npm run`'s command line for a script (as package.json has it) with
 * `args`, the way npm would but without npm's own start-up, under GNU time
 * when present for peak memory; else each node process reports its own maxRSS.
 */
export async function runCold(
  commandLine: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<ColdRun> {
  const stats = path.join(
    tmpdir(),
    `briefpress-bench-${process.pid}-${Math.random().toString(36).slice(2)}.txt`,
  );
  const shell = ['sh', '-c', `${commandLine} "$@"`, 'sh', ...args];
  const withTime = existsSync(GNU_TIME);
  const argv = withTime ? [GNU_TIME, '-f', '%e %U %S %M', '-o', stats, ...shell] : shell;
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    PATH: `${path.join(cwd, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}`,
  };
  if (!withTime)
    childEnv.NODE_OPTIONS =
      `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(path.join(import.meta.dirname, 'report-rss.cjs'))}`.trim();
  if (!withTime) childEnv.BRIEFPRESS_RSS_FILE = stats;

  const started = performance.now();
  const { code, stdout, stderr } = await run(argv, cwd, childEnv);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${commandLine} ${args.join(' ')} exited ${code}:\n${stderr}`);
  const text = await readFile(stats, 'utf8').catch(() => '');
  await rm(stats, { force: true });
  let cpuMs = Number.NaN;
  let peakMb: number;
  if (withTime) {
    const [, user, system, maxKb] = text.trim().split('\n').at(-1)!.split(' ').map(Number) as number[];
    cpuMs = (user! + system!) * 1000;
    peakMb = maxKb! / 1024;
  } else {
    peakMb = Math.max(...text.trim().split('\n').map(Number)) / 1024;
  }
  // Build lines end with the seconds since the report started: "out/x.pdf  7 pages, 84 kB, 1.45 s".
  const times = [...stdout.matchAll(/, (\d+\.\d+) s$/gm)].map((m) => Number(m[1]) * 1000);
  return { wallMs, cpuMs, peakMb, buildMs: times.length ? Math.max(...times) : Number.NaN, stdout };
}

function run(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
