import { chmodSync, existsSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '../../run.mjs';
import { SERVED_COMMANDS, isPrivateSocket, socketPaths, type BuildRequest } from './client.mjs';
import { exclusive } from './exclusive.ts';
import { fingerprint } from './fingerprint.ts';
import { describeFailure } from '../cli/failure.ts';
import { collected } from '../io/memory.ts';

export interface ServerOptions {
  /** The briefpress checkout whose scripts/*.ts the server runs. */
  toolRoot: string;
  /** One line per build served, and why one was declined. */
  log(line: string): void;
  /** Called once when the code, templates, fonts or lock file changed: every later build is declined. */
  onStale?(file: string): void;
}

export interface BuildServer {
  /** Runs `command` as a client would have it run, output discarded (warms the caches). */
  warmUp(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number>;
  /** Checks now whether anything it was started from changed (e.g. after a file event). */
  checkFresh(): void;
  close(): Promise<void>;
}

/** Thrown when the socket cannot be set up: another server runs, the path is too long, the folder is not ours. */
export class ServerError extends Error {}

/**
 * Serves build commands on this project's Unix socket, one at a time, each run
 * in this warm process exactly as `node scripts/run.mjs COMMAND` would run it:
 * the same script (imported afresh per build), argv, working folder and
 * environment, its output streamed to the client in order, its exit code.
 * Before each build the project is compared, by content, with what the process
 * started from; after any change it declines (the client builds in its own
 * process) so a build is never made with stale code, layouts or fonts.
 */
export async function startServer(options: ServerOptions): Promise<BuildServer> {
  const { dir, socket, fits } = socketPaths(options.toolRoot);
  if (!fits)
    throw new ServerError(
      `the socket path ${socket} is longer than a Unix socket allows (107 bytes); move the checkout to a shorter path`,
    );
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const folder = lstatSync(dir);
  if (!folder.isDirectory() || folder.uid !== process.getuid?.())
    throw new ServerError(`${dir} is not a folder of this user; remove it and start again`);
  chmodSync(dir, 0o700);
  if (existsSync(socket)) {
    if (await answers(socket))
      throw new ServerError(`a build server already runs for this project (${socket})`);
    rmSync(socket, { force: true }); // left by a server that was killed
  }
  const started = fingerprint(options.toolRoot);
  let staleFile: string | undefined;
  const freshness = (): string | undefined => {
    staleFile ??= started.changed();
    if (staleFile && options.onStale) {
      const notify = options.onStale;
      options.onStale = undefined;
      notify(staleFile);
    }
    return staleFile;
  };
  let builds = 0;
  const collector = idleCollector(options.log);
  const run = (request: BuildRequest, write: (stream: 'out' | 'err', text: string) => void) =>
    runInProcess(options.toolRoot, request, write, ++builds);

  const server = net.createServer((connection) => {
    let buffered = '';
    connection.setEncoding('utf8');
    connection.on('error', () => undefined); // a client that went away: its build still finishes
    connection.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      connection.removeAllListeners('data');
      let request: BuildRequest;
      try {
        request = JSON.parse(buffered.slice(0, newline)) as BuildRequest;
      } catch {
        connection.end(`${JSON.stringify({ fallback: 'unreadable request' })}\n`);
        return;
      }
      void exclusive(async () => {
        const send = (message: object) => {
          if (!connection.destroyed) connection.write(`${JSON.stringify(message)}\n`);
        };
        const decline = decision(request, freshness);
        if (decline) {
          options.log(`declined ${request.command}: ${decline}; the client builds it itself`);
          send({ fallback: decline });
          connection.end();
          return;
        }
        const begun = performance.now();
        let wrote = false;
        let code: number;
        try {
          code = await run(request, (stream, text) => {
            wrote = true;
            send({ [stream]: text });
          });
        } catch (error) {
          // The server itself failed (e.g. node_modules replaced under it): the client must not wait forever.
          const reason = error instanceof Error ? error.message : String(error);
          options.log(`failed to run ${request.command}: ${reason}`);
          send(wrote ? { err: `briefpress: the build server failed: ${reason}\n` } : { fallback: reason });
          if (!wrote) return void connection.end();
          code = 1;
        }
        send({ exit: code });
        connection.end();
        options.log(
          (
            `${clock()} served ${request.command} ${request.args.join(' ')} ` +
            `in ${((performance.now() - begun) / 1000).toFixed(2)} s, exit ${code}`
          ).replace(/ {2,}/g, ' '),
        );
        await collector.afterBuild();
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    // Created 0600 from the start (the folder is 0700 too): no other user can connect.
    const umask = process.umask(0o177);
    server.once('error', (error) => {
      process.umask(umask);
      reject(new ServerError(`cannot listen on ${socket}: ${error.message}`));
    });
    server.listen(socket, () => {
      process.umask(umask);
      resolve();
    });
  });
  chmodSync(socket, 0o600);
  if (!isPrivateSocket(dir, socket))
    throw new ServerError(`${socket} is reachable by other users; not serving`);

  return {
    warmUp: (command, args, env) =>
      exclusive(() =>
        run(
          {
            command,
            args,
            cwd: process.cwd(),
            env,
            node: process.version,
            stdoutTTY: false,
            stderrTTY: false,
          },
          () => undefined,
        ),
      ),
    checkFresh: () => void exclusive(async () => freshness()),
    // After the build in progress, if any: its client gets its whole output and exit code.
    close: () =>
      exclusive(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            rmSync(socket, { force: true });
          }),
      ),
  };
}

/** Why this server will not run `request`, or undefined when it will. */
function decision(request: BuildRequest, freshness: () => string | undefined): string | undefined {
  if (!SERVED_COMMANDS.includes(request.command)) return `it does not serve ${request.command}`;
  if (request.node !== process.version)
    return `the client runs node ${request.node}, the server ${process.version}`;
  const changed = freshness();
  if (changed) return `${changed} changed since the server started`;
  return undefined;
}

/**
 * Runs scripts/COMMAND.ts in this process as `node scripts/run.mjs COMMAND ARGS…`
 * would, its writes to stdout and stderr going to `write`; returns its exit code.
 * The script is imported afresh (a new module instance per build); what it
 * imports stays loaded and warm.
 */
async function runInProcess(
  toolRoot: string,
  request: BuildRequest,
  write: (stream: 'out' | 'err', text: string) => void,
  build: number,
): Promise<number> {
  const entry = path.join(toolRoot, 'scripts', `${request.command}.ts`);
  const compiled = await compile(entry);
  const saved = {
    argv: process.argv,
    cwd: process.cwd(),
    env: { ...process.env },
    exitCode: process.exitCode,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  const writer = (stream: 'out' | 'err') =>
    ((chunk: string | Uint8Array, encodingOrDone?: unknown, done?: unknown) => {
      write(stream, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
      if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
      return true;
    }) as typeof process.stdout.write;
  try {
    process.argv = [process.execPath, entry, ...request.args];
    replaceEnv(request.env);
    process.chdir(request.cwd);
    process.exitCode = undefined;
    process.stdout.write = writer('out');
    process.stderr.write = writer('err');
    await import(`${pathToFileURL(compiled).href}?build=${build}`);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // What scripts/run.mjs prints for an error thrown at the top level of the command, and its exit status.
    const failure = describeFailure(error, {
      command: request.command === 'write-schema' ? 'schema' : request.command.replace('-', ':'),
      env: request.env,
    });
    write('err', failure.message);
    return failure.status;
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.exitCode;
    process.chdir(saved.cwd);
    replaceEnv(saved.env);
    process.argv = saved.argv;
  }
}

/** Makes process.env exactly `env`, key by key (assigning TZ this way also resets node's time zone). */
function replaceEnv(env: Record<string, string | undefined>): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) Reflect.deleteProperty(process.env, key);
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && process.env[key] !== value) process.env[key] = value;
}

/**
 * Garbage collection between builds, when node runs with --expose-gc (npm run
 * serve starts its server so). Left to itself V8 lets the heap of a long-lived
 * process grow between collections: measured over 100 builds of the sample,
 * resident memory rose from 167 MB to a 361 MB peak; a full collection per
 * build keeps it flat. Flat, but high: V8 keeps the pages a build used (heap
 * 56 MB in use of 194 MB held, 312 MB resident after 20 builds of `build`), so
 * when resident memory passes REDUCE_AT after it, a memory-reducing one gives
 * them back (175 MB).
 *
 * Both take the one thread a build needs: 0.1–0.3 s for the first, 0.3–1 s for
 * the second, measured on a loaded 2-core machine after a `build` of the
 * sample. Run at once after each build they held up the next one whenever it
 * came sooner (a script building report after report, the bench's runs). So
 * they run once no build has come for IDLE_MS (a writer reading the result
 * of a save), or at once after COLLECT_AFTER builds in a row without one,
 * which bounds the heap between collections to that many builds' garbage.
 */
function idleCollector(log: (line: string) => void): { afterBuild(): Promise<void> } {
  let uncollected = 0;
  let timer: NodeJS.Timeout | undefined;
  const collect = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (uncollected === 0) return;
    const builds = uncollected;
    uncollected = 0;
    const started = performance.now();
    if (!(await collectGarbage())) return;
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const peak = process.resourceUsage().maxRSS / 1024;
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    // Outside the heap: buffers, WebAssembly memories (yoga, HarfBuzz) and what native code told V8 it holds.
    log(
      `${clock()} collected garbage after ${builds} build${builds === 1 ? '' : 's'} in ` +
        `${((performance.now() - started) / 1000).toFixed(2)} s; ${mb(rss)} MB resident (peak ${Math.round(peak)} ` +
        `MB), ${mb(heapUsed)} MB heap (of ${mb(heapTotal)} MB), ${mb(external)} MB external ` +
        `(${mb(arrayBuffers)} MB array buffers)`,
    );
  };
  return {
    async afterBuild() {
      uncollected++;
      clearTimeout(timer);
      if (uncollected >= COLLECT_AFTER) return collect();
      // In the queue of builds, so a build that came meanwhile goes first; unref'd: it never keeps node alive.
      timer = setTimeout(() => void exclusive(collect), IDLE_MS);
      timer.unref();
    },
  };
}

/** A collection waits for this long without a build (ms)… */
const IDLE_MS = 250;
/** …or for this many builds in a row. */
const COLLECT_AFTER = 4;

/** A full collection, and a memory-reducing one above REDUCE_AT; false when node has no `gc` (no --expose-gc). */
async function collectGarbage(): Promise<boolean> {
  const gc = (
    globalThis as { gc?: (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void }
  ).gc;
  if (!gc) return false;
  await new Promise((resolve) => setImmediate(resolve)); // the answer goes out first
  gc();
  if (process.memoryUsage.rss() > REDUCE_AT) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  collected();
  return true;
}

/** Resident bytes above which the server hands the heap's spare pages back after a build. */
const REDUCE_AT = 240 * 2 ** 20;

/** True when a server answers on `socket`. */
function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socket);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
