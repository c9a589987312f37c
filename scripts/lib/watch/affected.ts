import path from 'node:path';
import type { Dependencies } from './rebuild.ts';

/** What a changed file means for watch mode. */
export type Change =
  | { kind: 'report'; file: string }
  | { kind: 'brand'; reports: string[] }
  | { kind: 'asset'; reports: string[] }
  | { kind: 'restart'; why: string }
  | { kind: 'ignore' };

export interface WatchedProject {
  contentDir: string;
  /** The briefpress checkout: its templates/ and scripts/. */
  toolRoot: string;
  /** Reports being watched, with what each was last built from (undefined: never loaded). */
  reports: Map<string, Dependencies | undefined>;
}

/**
 * Sorts one changed path: a report rebuilds itself; a brand file rebuilds the
 * reports of that brand; an image rebuilds the reports naming it. Layout code
 * and fonts cannot be swapped in a running process (ES modules are cached for
 * good, and react-pdf keeps registered fonts), so they ask for a restart.
 */
export function classify(changed: string, project: WatchedProject): Change {
  const file = path.resolve(changed);
  const templates = path.join(project.toolRoot, 'templates');
  if (isUnder(file, path.resolve(project.contentDir)) && /\.ya?ml$/.test(file))
    return { kind: 'report', file };
  if (isUnder(file, path.join(templates, 'brands'))) {
    const reports = [...project.reports].filter(([, deps]) => !deps || isUnder(file, deps.brandDir));
    if (/\.ya?ml$/.test(file)) return { kind: 'brand', reports: reports.map(([r]) => r) };
  }
  // The web edition's stylesheet is read at every build: a save restyles every page.
  if (/\.css$/.test(file) && isUnder(file, templates))
    return { kind: 'asset', reports: [...project.reports.keys()] };
  if (
    /\.(ts|tsx|mjs|js)$/.test(file) &&
    (isUnder(file, templates) || isUnder(file, path.join(project.toolRoot, 'scripts')))
  ) {
    return { kind: 'restart', why: `code changed (${path.relative(project.toolRoot, file)})` };
  }
  const users = [...project.reports].filter(([, deps]) => deps?.files.has(file)).map(([r]) => r);
  if (users.length && /\.(ttf|otf|woff2?)$/i.test(file))
    return { kind: 'restart', why: `font changed (${path.relative(project.toolRoot, file)})` };
  if (users.length) return { kind: 'asset', reports: users };
  return { kind: 'ignore' };
}

function isUnder(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
