import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The briefpress checkout: brands live under its templates/brands/. */
export const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The report format as JSON Schema (`npm run schema` writes it; reports name it for their editor). */
export const REPORT_SCHEMA_FILE = path.join(toolRoot, 'content/report.schema.json');

/**
 * The project a report belongs to: the nearest folder above it holding a
 * package.json. Image paths must stay inside it.
 */
export function projectRootOf(file: string): string {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.dirname(path.resolve(file));
    dir = up;
  }
}

/** A path as shown in messages: relative to the working folder when it is inside it. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
