import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './run-script.ts';

/**
 * A copy of this checkout (scripts, templates, content, package files) that a
 * test may edit, with its own node_modules folder whose packages are links to
 * ours: its compile cache and build server socket (node_modules/.cache) are its own.
 */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-copy-'));
  for (const name of [
    'scripts',
    'templates',
    'content',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ]) {
    await cp(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  await mkdir(path.join(dir, 'node_modules'));
  for (const name of await readdir(path.join(root, 'node_modules'))) {
    if (name !== '.cache')
      await symlink(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}
