import { spawn } from 'node:child_process';
import path from 'node:path';
import { toolRoot } from '../io/project.ts';
import { median, runCold } from './measure.ts';
import { typstCompiler, writeTypstBrief } from './typst.ts';
import { editableReport, type EditableReport } from './scale.ts';
import { freshSnapshot, makeSnapshot } from '../snapshot/make.mjs';

/** One way of starting a build of the sample, timed from process start to exit. */
export interface LauncherResult {
  how: string;
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  /** Over Typst's time in the same run; undefined without Typst. */
  ratio?: number;
  /** The target for this ratio, when there is one. */
  target?: string;
}

export interface ServerMemory {
  builds: number;
  residentMb: number;
  peakMb: number;
  heapMb: number;
}

interface Settings {
  sample: string;
  work: string;
  runs: number;
  /** Warm builds through the server whose memory is reported. */
  warmBuilds: number;
  env: NodeJS.ProcessEnv;
  progress(line: string): void;
}

/**
 * `build` of the sample started the ways a user or CI starts it: `npm run`,
 * the bin, either of them handed to a warm server, and Typst compiling a
 * comparable brief; then the server's memory after many warm builds.
 */
export async function measureLaunchers(
  settings: Settings,
): Promise<{ launchers: LauncherResult[]; serverMemory?: ServerMemory; typst: boolean }> {
  const args = [settings.sample, '--out', path.join(settings.work, 'launchers')];
  const own = { ...settings.env, BRIEFPRESS_SERVER: 'off' };
  const served = { ...settings.env, BRIEFPRESS_SERVER: 'on' };
  const time = async (
    how: string,
    commandLine: string,
    env: NodeJS.ProcessEnv,
    commandArgs = args,
    target?: string,
    edited?: EditableReport,
  ): Promise<LauncherResult> => {
    await edited?.edit(0);
    await runCold(commandLine, commandArgs, toolRoot, env); // untimed: caches filled
    const samples = [];
    for (let i = 0; i < settings.runs; i++) {
      await edited?.edit(i + 1);
      samples.push(await runCold(commandLine, commandArgs, toolRoot, env));
    }
    const result = {
      how,
      wallMs: median(samples.map((s) => s.wallMs)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
      peakMb: Math.max(...samples.map((s) => s.peakMb)),
      target,
    };
    settings.progress(`${how}: ${result.wallMs.toFixed(0)} ms`);
    return result;
  };
  const npmRun = 'npm run -s build --';
  const bin = `${JSON.stringify(path.join(toolRoot, 'node_modules/.bin/briefpress'))} build`;
  // The cold figures start from a fresh start-up snapshot, as after npm ci; the row without it is the same
  // build loading its modules, as before the snapshot (and as whenever the snapshot is stale).
  if (!freshSnapshot(toolRoot)) {
    settings.progress('making the start-up snapshot');
    await makeSnapshot(toolRoot);
  }
  const launchers = [
    await time('npm run build, cold', npmRun, own),
    await time('briefpress build (the bin), cold', bin, own, args, '≤ 4.5×'),
    await time('briefpress build, cold, no snapshot', bin, { ...own, BRIEFPRESS_SNAPSHOT: 'off' }),
  ];

  let serverMemory: ServerMemory | undefined;
  const server = await startServer(served, settings.progress).catch((error: Error) =>
    settings.progress(`no warm server figures: ${error.message.split('\n')[0]}`),
  );
  if (server) {
    try {
      // Through the server, the report is edited before each build: a warm build of an unchanged report would
      // find its text already shaped in the server's fonts (and its images and cards prepared), not rebuild it.
      const edited = await editableReport(settings.sample, 1, path.join(settings.work, 'edited'));
      const editedArgs = [edited.file, '--out', path.join(settings.work, 'launchers-edited')];
      launchers.push(await time('npm run build, warm server', npmRun, served, editedArgs, '≤ 3×', edited));
      launchers.push(await time('briefpress build, warm server', bin, served, editedArgs, '≤ 2×', edited));
      // One build whose share cards are all drawn (the title, on every card, made new for this run), as after a
      // title change or in a fresh checkout: it is the server's peak, and it must not depend on the card cache.
      await edited.retitle(`(bench ${process.pid}-${Date.now().toString(36)})`);
      await runCold(bin, editedArgs, toolRoot, served);
      for (let i = 0; i < settings.warmBuilds; i++) {
        await edited.edit(100 + i);
        await runCold(bin, editedArgs, toolRoot, served);
        if ((i + 1) % 50 === 0)
          settings.progress(`warm builds through the server: ${i + 1} of ${settings.warmBuilds}`);
      }
      // The server collects garbage once idle (or after a few builds in a row): its memory is read after that.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const last = [...server.log.matchAll(/(\d+) MB resident \(peak (\d+) MB\), (\d+) MB heap/g)].at(-1);
      const builds = server.log.match(/^\S+ served /gm)?.length ?? 0;
      if (last)
        serverMemory = {
          builds,
          residentMb: Number(last[1]),
          peakMb: Number(last[2]),
          heapMb: Number(last[3]),
        };
    } finally {
      await server.stop();
    }
  }

  const compiler = typstCompiler();
  if (compiler) {
    const script = await writeTypstBrief(settings.sample, settings.work, compiler);
    const typst = await time(
      'Typst, a comparable brief (PDF only), cold',
      `${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`,
      own,
      [path.join(settings.work, 'brief-typst.pdf')],
    );
    launchers.push(typst);
    for (const row of launchers) row.ratio = row.wallMs / typst.wallMs;
  }
  return { launchers, serverMemory, typst: !!compiler };
}

/** `npm run serve` for the benchmark: resolves once it is ready. */
async function startServer(
  env: NodeJS.ProcessEnv,
  progress: (line: string) => void,
): Promise<{ log: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(toolRoot, 'scripts/run.mjs'), 'serve'], {
    cwd: toolRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { log: '' };
  child.stdout.on('data', (d) => (state.log += d));
  child.stderr.on('data', (d) => (state.log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (/^Build server ready/m.test(state.log)) {
        clearInterval(poll);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`npm run serve stopped: ${state.log}`));
      }
    }, 50);
  });
  progress('build server started');
  return {
    get log() {
      return state.log;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
