import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCommandLine } from '../cli/args.ts';
import { toolRoot } from '../io/project.ts';

/** The exit code of a server process that must be started again: what it was started from changed. */
const RESTART = 75;
const WORKER = 'BRIEFPRESS_SERVE_WORKER';

/**
 * `npm run serve`: keeps a warm build process for this project until Ctrl-C.
 * This process only supervises: the server itself is a child, started again
 * (fresh modules, fresh fonts) whenever the code, templates, brand fonts or
 * lock file it was started from change. Exit 0 on Ctrl-C, 1 when it cannot
 * serve, 2 for bad usage.
 */
export async function runServe(argv: string[]): Promise<number> {
  try {
    const { values } = parseCommandLine({ args: argv, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
  } catch (error) {
    process.stderr.write(
      `serve: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.\n`,
    );
    return 2;
  }
  return process.env[WORKER] === '1' ? serveUntilStopped() : supervise();
}

async function supervise(): Promise<number> {
  let stopping = false;
  let child: ReturnType<typeof spawn> | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    child?.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (;;) {
    // With the build commands' memory settings (MEMORY_FLAGS and MEMORY_ENV in scripts/run.mjs).
    const flags = ['--expose-gc', '--max-semi-space-size=8'];
    child = spawn(process.execPath, [...flags, path.join(toolRoot, 'scripts/run.mjs'), 'serve'], {
      stdio: 'inherit',
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', [WORKER]: '1' },
    });
    const code = await new Promise<number>((resolve) =>
      child!.once('exit', (c, signal) => resolve(c ?? (signal ? 0 : 1))),
    );
    if (stopping || code !== RESTART) return code;
  }
}

async function serveUntilStopped(): Promise<number> {
  const { startServer, ServerError } = await import('./server.ts');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  let restart!: (file: string) => void;
  const stale = new Promise<string>((resolve) => (restart = resolve));
  let server;
  try {
    server = await startServer({ toolRoot, log, onStale: (file) => restart(file) });
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    process.stderr.write(`serve: ${error.message}\n`);
    return 1;
  }
  const began = performance.now();
  // File events only make the restart come sooner; each build still compares the files first. The watcher is
  // ready (its first scan done) before "ready" is printed: a change made in between would otherwise never be seen
  // until the next build (measured on a loaded machine: a font replaced just after "ready" was missed).
  const { watch } = await import('chokidar');
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(
    ['scripts', 'templates', 'package.json', 'package-lock.json'].map((p) => path.join(toolRoot, p)),
    { ignoreInitial: true },
  );
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => server.checkFresh(), 200);
  });
  const watching = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  const warm = await warmUp(server.warmUp);
  await watching;
  log(
    `Build server ready for ${toolRoot}` +
      `${warm ? ` (warmed up in ${((performance.now() - began) / 1000).toFixed(1)} s)` : ''}.`,
  );
  log(
    'npm run build, build:pdf, build:slides and build:email (and node_modules/.bin/briefpress) ' +
      'now build here. Ctrl-C to stop.',
  );
  const outcome = await Promise.race([
    stale.then((file) => ({ restart: file })),
    new Promise<{ restart?: string }>((resolve) => {
      process.once('SIGINT', () => resolve({}));
      process.once('SIGTERM', () => resolve({}));
    }),
  ]);
  clearTimeout(timer);
  await watcher.close();
  await server.close();
  if (outcome.restart) {
    log(`${path.relative(toolRoot, outcome.restart)} changed: restarting the build server with it.`);
    return RESTART;
  }
  log('Stopped.');
  return 0;
}

/**
 * One build of the first report in content/ into a scratch folder: the first
 * render in a process is some 0.4 s slower than the next (fonts parsed, the
 * layout engine and V8 warmed up); that cost is paid here, not by the first client.
 */
async function warmUp(
  run: (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<number>,
): Promise<boolean> {
  const reports = (await readdir(path.join(toolRoot, 'content')).catch(() => []))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  if (!reports.length) return false;
  const scratch = await mkdtemp(path.join(tmpdir(), 'briefpress-warm-'));
  try {
    return (
      (await run('build', [path.join(toolRoot, 'content', reports[0]!), '--out', scratch], {
        ...process.env,
        SOURCE_DATE_EPOCH: '0',
      })) === 0
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const HELP = `Usage: npm run serve

Keeps a warm build process for this project until Ctrl-C. While it runs,
npm run build, build:pdf, build:slides and build:email (and the same commands
through node_modules/.bin/briefpress) hand their work to it over a Unix socket
in node_modules/.cache/briefpress-serve/ (only this user can reach it), one
build at a time, with the same files, messages and exit codes as building in
their own process, in a fraction of the time. When it is not running, the
commands build in their own process as usual.

It never builds with stale code: before each build it compares scripts/,
templates/ (layouts, brands, fonts), package.json and the lock file, by
content, with what it started from; after a change it restarts itself and
that one build is made in the command's own process.

npm run dev serves builds the same way while it watches.
Set BRIEFPRESS_SERVER=off to make a command build in its own process anyway.
`;
