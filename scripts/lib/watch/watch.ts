import path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { forgetBrands } from '../load-brand.ts';
import { reportsIn } from '../load/content-dir.ts';
import { shownPath } from '../io/project.ts';
import type { OutputKind } from '../render/output.ts';
import { classify, type WatchedProject } from './affected.ts';
import { rebuild } from './rebuild.ts';
import { exclusive } from '../serve/exclusive.ts';

export interface WatchOptions {
  contentDir: string;
  /** The briefpress checkout, whose templates/ and scripts/ are watched too. */
  toolRoot: string;
  outDir: string;
  kinds: OutputKind[];
  /** Only these reports; default: every report in contentDir, including ones added later. */
  files?: string[];
  creationDate: Date;
  /** Saves closer together than this rebuild once. */
  debounceMs?: number;
  /** Progress lines (stdout in the CLI). */
  log(line: string): void;
  /** Problems and warnings (stderr in the CLI). */
  report(text: string): void;
}

export interface Watcher {
  /** Resolves once the first build is done and the files are being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watch mode: builds every report once, then rebuilds only the reports a
 * change affects, in this warm process, one line per rebuild. Bursts of saves
 * are absorbed by a debounce; rebuilds never overlap, and a change that lands
 * during one is built right after it.
 */
export function watchReports(options: WatchOptions): Watcher {
  const project: WatchedProject = {
    contentDir: options.contentDir,
    toolRoot: options.toolRoot,
    reports: new Map(),
  };
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();
  let closed = false;
  const settings = {
    kinds: options.kinds,
    outDir: options.outDir,
    creationDate: options.creationDate,
    warn: (m: string) => options.report(`warning: ${m}`),
  };

  // Exclusive: the build server in this process (npm run dev serves builds too) never runs at the same time.
  const build = (files: string[]) =>
    exclusive(async () => {
      for (const file of files) {
        if (closed) return;
        const started = performance.now();
        const result = await rebuild(file, settings);
        // A failed load keeps what the report was last built from, so its brand and images still lead back to it.
        if (result.dependencies) project.reports.set(file, result.dependencies);
        else if (!project.reports.has(file)) project.reports.set(file, undefined);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        for (const failure of result.failures) options.report(failure);
        const what = result.written.length ? `: ${result.written.join(', ')}` : '';
        options.log(
          `${clock()} ${result.failures.length ? 'failed' : 'built'} ${file} in ${seconds} s${what}`,
        );
        if (result.dependencies) watcher.add([...result.dependencies.files].filter((f) => !isWatched(f)));
      }
    });

  const flush = () => {
    timer = undefined;
    const changed = [...pending];
    pending.clear();
    queue = queue.then(() => build(affectedBy(changed))).catch((error) => options.report(String(error)));
  };

  const affectedBy = (changed: string[]): string[] => {
    const reports = new Set<string>();
    for (const file of changed) {
      const change = classify(file, project);
      if (change.kind === 'report') {
        const shown = shownPath(change.file);
        if (project.reports.has(shown) || !options.files) reports.add(shown);
      } else if (change.kind === 'brand' || change.kind === 'asset') {
        if (change.kind === 'brand') forgetBrands();
        for (const r of change.reports) reports.add(r);
      } else if (change.kind === 'restart') {
        options.report(
          `${clock()} ${change.why}: stop (Ctrl-C) and run \`npm run dev\` again ` +
            `to use it; ES modules cannot be reloaded in place.`,
        );
      }
    }
    return [...reports];
  };

  const watchedDirs = [
    options.contentDir,
    path.join(options.toolRoot, 'templates'),
    path.join(options.toolRoot, 'scripts'),
  ].map((d) => path.resolve(d));
  const isWatched = (file: string) => watchedDirs.some((d) => !path.relative(d, file).startsWith('..'));
  const watcher = chokidarWatch(watchedDirs, {
    ignoreInitial: true,
    ignored: (p) => /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(p),
  });
  watcher.on('all', (event, file) => {
    if (closed || event === 'addDir' || event === 'unlinkDir') return;
    if (event === 'unlink' && project.reports.delete(shownPath(file))) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 150);
  });
  watcher.on('error', (error) => options.report(`watch: ${String(error)}`));

  const ready = (async () => {
    const files = (options.files ?? (await reportsIn(options.contentDir))).map(shownPath);
    for (const file of files) project.reports.set(file, undefined);
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    queue = queue.then(() => build(files));
    await queue;
  })();

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await queue.catch(() => undefined);
    },
  };
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
