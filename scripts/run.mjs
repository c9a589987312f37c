/**
 * Runs a command of scripts/ with plain node, without tsx:
 *
 *   node scripts/run.mjs build-pdf [ARGS…]    runs scripts/build-pdf.ts
 *
 * Why: tsx costs some 0.4 s at every start (its loader thread, esbuild's
 * service, a transform per module). Here each .ts/.tsx file the command can
 * reach (static and dynamic imports) is transpiled on its own with esbuild's
 * `transform` into node_modules/.cache/briefpress/, mirroring the source tree,
 * and node loads plain JS. A file is transpiled again only when its size or
 * modification time differs from the cached copy's, so the cache is never
 * stale and a warm start only stats the files. Per-file output keeps
 * node_modules (react-pdf, pdfkit) out of any bundle: bundling pdfkit breaks
 * its standard fonts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Bumped when the transform options below change, so old output is not reused. */
const FORMAT = 2;
/**
 * Packages made of many small files, loaded as one bundle each: measured on
 * the sample, zod 98 → 66 ms, mdast-util-from-markdown 76 → 20 ms and yaml
 * (73 CommonJS files) 50 → 25 ms of import. Only self-contained pure-JS
 * packages that nothing in node_modules imports (one copy per process); never
 * pdfkit or react-pdf, which read files beside their code.
 */
const VENDORED = ['zod', 'mdast-util-from-markdown', 'yaml'];

/**
 * V8 flags for the build commands. Left to itself, V8 lets a build's young generation grow to some 128 MB
 * resident on this 23 GB machine; a build's objects either die young or live to its end, so semi-spaces of
 * 8 MB cost no measurable CPU and take 20-100 MB off the peak (npm run bench). Heap sizes must be given
 * when node starts: package.json's scripts and the bin give them, and a build from the start-up snapshot
 * gets them here.
 */
export const MEMORY_FLAGS = ['--max-semi-space-size=8'];

/**
 * The environment of a build process started here. glibc gives each thread that allocates its own arena
 * of up to 64 MB and keeps what was freed in it: libvips' and libuv's threads decoding photos left a
 * build with ten 100-megapixel ones at 505 MB, 355 MB with two arenas (no measurable CPU). glibc reads it
 * only when a process starts; a value the user set is kept. Other C libraries ignore it.
 */
export const MEMORY_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };

/** The memory flags this process was not started with, for a node process it starts. */
function memoryFlagsMissing() {
  return MEMORY_FLAGS.filter(
    (flag) => !process.execArgv.some((given) => given.startsWith(flag.split('=')[0])),
  );
}

/**
 * Brings the cached JS of `entry` and of every module it can import up to
 * date; returns the cached entry's path. `root` is the project whose
 * node_modules/.cache/briefpress/ holds the output (tests pass a temp one).
 */
export async function compile(entry, root = toolRoot) {
  const cacheRoot = path.join(root, 'node_modules/.cache/briefpress');
  const manifestFile = path.join(cacheRoot, 'manifest.json');
  /** scripts/lib/x.ts → node_modules/.cache/briefpress/scripts/lib/x.js */
  const outputOf = (source) => path.join(cacheRoot, path.relative(root, source)).replace(/\.tsx?$/, '.js');
  const vendored = new Map(
    VENDORED.map((name) => [name, path.join(cacheRoot, 'vendor', `${name}@${versionOf(name)}.mjs`)]),
  );
  // A dependency upgrade changes the bundles' names, so every file is transpiled again to point at the new ones.
  const manifest = readManifest(
    manifestFile,
    `${FORMAT} ${[...vendored.values()].map((f) => path.basename(f)).join(' ')}`,
  );
  let esbuild;
  for (const [name, bundle] of vendored) {
    if (existsSync(bundle)) continue;
    esbuild ??= await import('esbuild');
    await bundlePackage(esbuild, name, bundle);
  }
  let changed = false;
  const seen = new Set();
  const todo = [path.resolve(entry)];
  while (todo.length) {
    const source = todo.pop();
    if (seen.has(source)) continue;
    seen.add(source);
    const key = path.relative(root, source);
    const { mtimeMs, size } = statSync(source);
    let record = manifest.files[key];
    if (!record || record.mtimeMs !== mtimeMs || record.size !== size || !existsSync(outputOf(source))) {
      esbuild ??= await import('esbuild');
      const { code, imports } = await transpile(esbuild, source, vendored);
      writeAtomic(outputOf(source), code);
      record = { mtimeMs, size, imports: imports.map((i) => path.relative(root, i)) };
      manifest.files[key] = record;
      changed = true;
    }
    for (const imported of record.imports) todo.push(path.join(root, imported));
  }
  if (changed) writeAtomic(manifestFile, JSON.stringify(manifest));
  return outputOf(path.resolve(entry));
}

/** Transpiles one file: its JS, and the TypeScript files it imports (absolute paths). */
async function transpile(esbuild, source, vendored) {
  const url = pathToFileURL(source).href;
  const { code } = await esbuild.transform(readFileSync(source, 'utf8'), {
    loader: source.endsWith('.tsx') ? 'tsx' : 'ts',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    sourcemap: 'inline',
    sourcefile: source,
    // The module still knows where its source lives: toolRoot and asset paths derive from it.
    define: {
      'import.meta.url': JSON.stringify(url),
      'import.meta.filename': JSON.stringify(source),
      'import.meta.dirname': JSON.stringify(path.dirname(source)),
    },
  });
  const imports = [];
  // esbuild prints every specifier in double quotes, after `from`, `import` or `import(`.
  const rewritten = code.replace(/(\bfrom\s*|\bimport\s*\(?\s*)"([^"]+)"/g, (whole, before, specifier) => {
    if (vendored.has(specifier)) return `${before}"${pathToFileURL(vendored.get(specifier)).href}"`;
    if (!/^\.\.?\//.test(specifier)) return whole;
    const target = path.resolve(path.dirname(source), specifier);
    if (/\.tsx?$/.test(specifier)) {
      imports.push(target);
      return `${before}"${specifier.replace(/\.tsx?$/, '.js')}"`;
    }
    // JSON, .mjs and other files are not copied into the cache: point at the original.
    return `${before}"${pathToFileURL(target).href}"`;
  });
  return { code: rewritten, imports };
}

/** One package as one ES module: its named exports, and its default export when it has one. */
async function bundlePackage(esbuild, name, bundle) {
  const exports = Object.keys(await import(name));
  const commonJs = packageJsonOf(name).type !== 'module';
  // A CommonJS package's names are known only once it has run (node lists them above), so they are spelled
  // out; and its require() of node's built-ins (yaml's `process`) needs a real require in an ES module.
  const names = exports.filter((e) => e !== 'default' && /^[A-Za-z_$][\w$]*$/.test(e));
  const contents = commonJs
    ? `import * as all from ${JSON.stringify(name)}; export const { ${names.join(', ')} ` +
      `} = all; export default all.default;`
    : `export * from ${JSON.stringify(name)};` +
      (exports.includes('default') ? ` export { default } from ${JSON.stringify(name)};` : '');
  const { outputFiles } = await esbuild.build({
    stdin: { contents, resolveDir: toolRoot },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    ...(commonJs && {
      banner: {
        js:
          'import { createRequire as __createRequire } from "node:module"; const require ' +
          '= __createRequire(import.meta.url);',
      },
    }),
  });
  writeAtomic(bundle, outputFiles[0].text);
}

function packageJsonOf(name) {
  return JSON.parse(readFileSync(path.join(toolRoot, 'node_modules', name, 'package.json'), 'utf8'));
}

function versionOf(name) {
  return packageJsonOf(name).version;
}

function readManifest(manifestFile, format) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.format === format) return manifest;
  } catch {
    // No cache yet, or a damaged one: start again.
  }
  return { format, files: {} };
}

/** Concurrent runs may compile the same file: each writes a whole file and renames it into place. */
function writeAtomic(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/**
 * Runs scripts/COMMAND.ts with `args` (as its process arguments) in this
 * process. An unknown command prints one line and sets exit status 2.
 */
export async function runCommand(command, args) {
  const entry =
    command && /^[a-z][a-z0-9-]*$/.test(command)
      ? path.join(toolRoot, 'scripts', `${command}.ts`)
      : undefined;
  if (!entry || !existsSync(entry)) {
    process.stderr.write(
      `run: no command "${command ?? ''}"; expected the name of a scripts/*.ts ` +
        `file, e.g. node scripts/run.mjs build-pdf\n`,
    );
    process.exitCode = 2;
    return;
  }
  // A running `npm run serve` (or `dev`) builds it warm; when none runs, or it declines, build here.
  if (process.env.BRIEFPRESS_SERVER !== 'off') {
    const client = await import('./lib/serve/client.mjs');
    if (client.SERVED_COMMANDS.includes(command)) {
      const code = await client.handOff(toolRoot, command, args);
      if (code !== undefined) {
        process.exitCode = code;
        return;
      }
    }
  }
  // A cold build starts from the V8 start-up snapshot of the build commands when one matches this Node, the lock
  // file and every source exactly (scripts/lib/snapshot/make.mjs): the modules are restored, not loaded. When it
  // is missing or stale, this build runs here and a new snapshot is made in the background.
  if (process.env.BRIEFPRESS_SNAPSHOT !== 'off') {
    const snapshot = await import('./lib/snapshot/make.mjs');
    if (snapshot.SNAPSHOT_COMMANDS.includes(command)) {
      const blob = snapshot.freshSnapshot(toolRoot);
      if (blob) {
        const { spawnSync } = await import('node:child_process');
        const run = spawnSync(
          process.execPath,
          [...process.execArgv, ...memoryFlagsMissing(), '--snapshot-blob', blob, command, ...args],
          { stdio: 'inherit', env: { ...process.env, ...MEMORY_ENV } },
        );
        process.exitCode = run.status ?? 128 + (os.constants.signals[run.signal] ?? 0);
        return;
      }
      // BRIEFPRESS_SNAPSHOT=use (npm test) starts from a fresh snapshot but never makes one.
      if (process.env.BRIEFPRESS_SNAPSHOT !== 'use') snapshot.remakeInBackground(toolRoot);
    }
  }
  // Node 22.1+ can keep V8's compiled code of every module (react-pdf, fontkit…) between runs: module
  // loading is a third of a cold build. Node 20 has no such cache; there this does nothing.
  module.enableCompileCache?.(path.join(toolRoot, 'node_modules/.cache/briefpress-v8'));
  installFailureListeners(command);
  try {
    const compiled = await compile(entry);
    // The command sees the same argv as under tsx: [node, its source, its arguments…].
    process.argv.splice(1, process.argv.length - 1, entry, ...args);
    // Stack traces are shown only under BRIEFPRESS_DEBUG (cli/failure.ts), and only they need the source maps:
    // enabled always, node parses every map a module names as it loads, pdf.js's 8 MB of them included
    // (some 14 MB more heap for build:pdf, kept for the life of a build server).
    if (process.env.BRIEFPRESS_DEBUG && process.env.BRIEFPRESS_DEBUG !== '0')
      process.setSourceMapsEnabled(true);
    await import(pathToFileURL(compiled).href);
  } catch (error) {
    await reportFailure(error, command);
  }
}

/** `build-pdf` → `build:pdf`, as the user typed it after `npm run`. */
function npmName(command) {
  return command === 'write-schema' ? 'schema' : command.replace('-', ':');
}

/**
 * Prints what a command threw as one located message, through
 * scripts/lib/cli/failure.ts, and sets the exit status (1, or 2 for usage).
 * Never a stack trace, unless BRIEFPRESS_DEBUG=1.
 */
async function reportFailure(error, command) {
  let failure;
  try {
    const { describeFailure } = await import(
      pathToFileURL(await compile(path.join(toolRoot, 'scripts/lib/cli/failure.ts'))).href
    );
    failure = describeFailure(error, { command: npmName(command) });
  } catch {
    // The formatter itself could not load (a broken checkout): still one line, no trace.
    failure = {
      message:
        `${npmName(command)}: briefpress failed: ` +
        `${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
      status: 1,
    };
  }
  process.stderr.write(failure.message);
  process.exitCode = failure.status;
}

/**
 * What escapes a command (a promise rejected with nobody awaiting it, an
 * error thrown from a callback) is reported the same way, then the process
 * ends with status 1. Installed once per process, however many commands run in it.
 */
function installFailureListeners(command) {
  const installed = Symbol.for('briefpress.failureListeners');
  if (globalThis[installed]) return;
  globalThis[installed] = true;
  const fatal = (error) => {
    void reportFailure(error, command).finally(() => process.exit(1));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

// Not awaited at the top level: the build server imports this module (for compile) from inside the command,
// which a pending top-level await here would deadlock. runCommand reports every failure itself (one message,
// no trace).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  void runCommand(process.argv[2], process.argv.slice(3));
