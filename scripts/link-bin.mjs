/**
 * postinstall: links node_modules/.bin/briefpress to scripts/briefpress.mjs.
 * npm links the `bin` of the packages a project installs, never the project's
 * own; this makes `node_modules/.bin/briefpress build` work in this checkout
 * as it does in a project that installs briefpress.
 */
import { mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules/.bin');
const link = path.join(bin, 'briefpress');
const target = path.relative(bin, path.join(root, 'scripts/briefpress.mjs'));
let current;
try {
  current = readlinkSync(link);
} catch {
  // No link yet.
}
if (current !== target) {
  mkdirSync(bin, { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(target, link);
}
