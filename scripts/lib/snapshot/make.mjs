/**
 * A V8 start-up snapshot of the build commands, for cold runs:
 *
 *   node --snapshot-blob node_modules/.cache/briefpress/snapshot/<key>.blob build ARGS…
 *
 * starts with every module of build and build:pdf (and of build:slides,
 * build:email and build:web, which run.mjs starts without it) already loaded (react-pdf, fontkit, pdfkit,
 * pptxgenjs, yaml, zod,
 * satori…): Node restores the heap instead of resolving, reading, compiling
 * and running some 570 modules. entry.ts is bundled into one CommonJS script
 * by esbuild (a snapshot can only run one script), then run once under
 * `node --build-snapshot`. Measured on the sample: build 1.17–1.22 → 0.93–0.96 s
 * of CPU, outputs byte-identical to an in-process build.
 *
 * Never stale: the manifest keeps the Node binary, the lock file, the
 * patches and the size and modification time of every file the bundle was
 * made from, each stat taken from the very bytes esbuild read; scripts/run.mjs
 * uses a snapshot only when all of them still match (`isFresh`), else it
 * builds in its own process and makes a new snapshot in the background.
 *
 * What a snapshot cannot hold, and how the code copes (`npm test` checks the
 * outputs against in-process builds):
 * - native addons (sharp, resvg) and WebAssembly (yoga, HarfBuzz): loaded on
 *   first use, at run time, never while the snapshot is built;
 * - node's http/https (nodemailer) and Intl.Segmenter objects: nodemailer is
 *   imported when a message is composed, the segmenter made on first use;
 * - a require made at run time (pdfkit's standard-font metrics): rewritten
 *   into plain requires esbuild bundles;
 * - code reading files beside itself (import.meta.url, __dirname): each file
 *   gets its own path written in.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Bumped when the bundle or snapshot options change, so an old snapshot is not reused. */
const FORMAT = 1;
/**
 * The commands run.mjs starts from the snapshot: those that render a PDF. The
 * others load less than the snapshot restores (react-pdf, satori and all):
 * measured from it, build:slides 0.38 → 0.42 s and 118 → 158 MB, build:email
 * 0.27 → 0.34 s and 105 → 146 MB, build:web the same time and 121 → 147 MB.
 */
export const SNAPSHOT_COMMANDS = ['build', 'build-pdf'];
/** Loaded at run time from node_modules: native addons, the bundler, and packages that read their own files
 * by resolving. */
const EXTERNAL = ['sharp', '@resvg/resvg-js', 'esbuild', 'subset-font', 'fsevents'];

export const snapshotDir = (root) => path.join(root, 'node_modules/.cache/briefpress/snapshot');

/** What, besides the bundled files, a snapshot depends on: the Node binary, the lock file, the patches. */
export function environmentKey(root) {
  const stamp = (file) => {
    try {
      const s = statSync(file);
      return `${s.size} ${s.mtimeMs} ${s.ino}`;
    } catch {
      return 'none';
    }
  };
  const hash = createHash('sha256').update(
    `${FORMAT} ${root} ${process.execPath} ${process.version} ${process.arch} ${stamp(process.execPath)}\0`,
  );
  for (const file of [path.join(root, 'package-lock.json'), path.join(root, 'package.json')]) {
    try {
      hash.update(readFileSync(file)).update('\0');
    } catch {
      hash.update('none\0');
    }
  }
  // npm rewrites node_modules/.package-lock.json on every install; patch-package edits installed files.
  hash.update(stamp(path.join(root, 'node_modules/.package-lock.json')));
  const patches = path.join(root, 'scripts/patches');
  for (const name of safeReaddir(patches).sort()) hash.update(`${name} ${stamp(path.join(patches, name))}\0`);
  return hash.digest('hex');
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readManifest(root) {
  try {
    return JSON.parse(readFileSync(path.join(snapshotDir(root), 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The snapshot to start COMMAND from, or undefined when there is none that
 * matches this Node, lock file and every source file exactly. Some 5 ms.
 */
export function freshSnapshot(root = toolRoot) {
  if (typeof process.getBuiltinModule !== 'function') return undefined; // Node < 22.3: the bundle's require needs it
  const manifest = readManifest(root);
  if (!manifest || manifest.environment !== environmentKey(root)) return undefined;
  for (const [file, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
    let s;
    try {
      s = statSync(file);
    } catch {
      return undefined;
    }
    if (s.size !== size || s.mtimeMs !== mtimeMs) return undefined;
  }
  const blob = path.join(snapshotDir(root), manifest.blob);
  try {
    statSync(blob);
  } catch {
    return undefined;
  }
  return blob;
}

/** esbuild's loader for a file, by its name. */
function loaderOf(file) {
  if (file.endsWith('.tsx')) return 'tsx';
  if (file.endsWith('.ts') || file.endsWith('.mts') || file.endsWith('.cts')) return 'ts';
  if (file.endsWith('.json')) return 'json';
  return 'js';
}

/**
 * Every file esbuild reads goes through here: read and stat'ed from one open
 * file (so the recorded stat is that of the bytes bundled), with its own
 * location written in where it asks for it.
 */
function readingPlugin(inputs) {
  return {
    name: 'briefpress-snapshot',
    setup(build) {
      build.onLoad({ filter: /\.(m|c)?(j|t)sx?$|\.json$/ }, (args) => {
        const fd = openSync(args.path, 'r');
        let text;
        try {
          text = readFileSync(fd, 'utf8');
          const s = fstatSync(fd);
          inputs[args.path] = [s.size, s.mtimeMs];
        } finally {
          closeSync(fd);
        }
        const loader = loaderOf(args.path);
        if (loader === 'json') return { contents: text, loader };
        // pdfkit loads its standard fonts' metrics with a require made at run time, which cannot run while a
        // snapshot is built (react-pdf loads Helvetica with its module): made plain requires esbuild bundles.
        if (args.path.endsWith(`${path.sep}pdfkit${path.sep}js${path.sep}pdfkit.node.mjs`))
          text = text.replaceAll("require$1('#standard-fonts/", "require('#standard-fonts/");
        if (/import\.meta\.(url|dirname|filename)|__dirname|__filename/.test(text)) {
          text = text
            .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
            .replaceAll('import.meta.filename', JSON.stringify(args.path))
            .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
            .replace(/\b__filename\b/g, JSON.stringify(args.path));
        }
        return { contents: text, loader };
      });
    },
  };
}

/**
 * Bundles entry.ts and builds the snapshot from it; returns the blob's path.
 * Written whole or not at all: a blob under a new name, then the manifest
 * that names it, then older blobs removed.
 */
export async function makeSnapshot(root = toolRoot) {
  const esbuild = await import('esbuild');
  const dir = snapshotDir(root);
  mkdirSync(dir, { recursive: true });
  const environment = environmentKey(root);
  const inputs = {};
  const bundle = path.join(dir, `bundle.${process.pid}.cjs`);
  // The bundle's `require`: node's built-ins directly (the only ones a snapshot may load while it is built),
  // anything else (the external packages) through a require made at run time in the checkout.
  const banner =
    `var __briefpressRequire; require = (id) => process.getBuiltinModule(id) ` +
    `?? (__briefpressRequire ??= process.getBuiltinModule('node:module')` +
    `.createRequire(${JSON.stringify(path.join(root, 'package.json'))}))(id);`;
  await esbuild.build({
    entryPoints: [path.join(root, 'scripts/lib/snapshot/entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: bundle,
    jsx: 'automatic',
    // React's production build, as node_modules' react picks by NODE_ENV; the development one is 3× slower.
    define: { 'process.env.NODE_ENV': '"production"' },
    // A snapshot's script cannot import(): dynamic imports become requires that run when reached.
    supported: { 'dynamic-import': false },
    external: EXTERNAL,
    banner: { js: banner },
    plugins: [readingPlugin(inputs)],
    logLevel: 'silent',
  });
  const key = createHash('sha256')
    .update(environment)
    .update(JSON.stringify(inputs))
    .digest('hex')
    .slice(0, 24);
  const blobName = `build-${key}.blob`;
  const temp = path.join(dir, `.${blobName}.${process.pid}.tmp`);
  try {
    const made = spawnSync(process.execPath, ['--snapshot-blob', temp, '--build-snapshot', bundle], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    if (made.status !== 0)
      throw new Error(
        `node --build-snapshot failed (${made.status ?? made.signal}):\n${made.stderr
          .split('\n')
          .filter(
            (l) =>
              !/Warning: It's not yet fully verified|^It may still work|^To request support|--trace-warnings/.test(
                l,
              ),
          )
          .join('\n')
          .trim()}`,
      );
    renameSync(temp, path.join(dir, blobName));
  } finally {
    rmSync(temp, { force: true });
    rmSync(bundle, { force: true });
  }
  const manifestTemp = path.join(dir, `.manifest.${process.pid}.tmp`);
  writeFileSync(manifestTemp, JSON.stringify({ blob: blobName, environment, inputs }));
  renameSync(manifestTemp, path.join(dir, 'manifest.json'));
  // An older blob may be starting a command right now: removed only once it is a minute old.
  for (const name of safeReaddir(dir)) {
    const file = path.join(dir, name);
    if (/^build-.*\.blob$/.test(name) && name !== blobName && Date.now() - statSync(file).mtimeMs > 60_000)
      rmSync(file, { force: true });
  }
  return path.join(dir, blobName);
}

/**
 * Makes a new snapshot in a detached background process (one at a time,
 * under a lock file), so the command that found the old one stale is not
 * held up; it builds in its own process meanwhile.
 */
export function remakeInBackground(root = toolRoot) {
  const dir = snapshotDir(root);
  const lock = path.join(dir, 'making.lock');
  try {
    mkdirSync(dir, { recursive: true });
    // A lock older than two minutes belongs to a maker that died.
    try {
      if (Date.now() - statSync(lock).mtimeMs < 120_000) return;
      rmSync(lock, { force: true });
    } catch {
      // No lock: go ahead.
    }
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  const script =
    `import(${JSON.stringify(pathToFileURL(fileURLToPath(import.meta.url)).href)}).then((m) ` +
    `=> m.makeSnapshot(${JSON.stringify(root)})).catch(() => {}).finally(() ` +
    `=> require('node:fs').rmSync(${JSON.stringify(lock)}, { force: true }))`;
  void import('node:child_process').then(({ spawn }) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: root,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    child.on('error', () => rmSync(lock, { force: true }));
    child.unref();
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const blob = await makeSnapshot();
  process.stdout.write(
    `${path.relative(process.cwd(), blob)}  ${(statSync(blob).size / 1e6).toFixed(0)} ` +
      `MB, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
