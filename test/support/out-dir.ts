import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every entry under a folder: its kind, the SHA-256 of its bytes and its modification time. */
export type DirSnapshot = Map<string, string>;

/** What a failed command must leave exactly as it was: each file's bytes and mtime, each folder. */
export async function snapshotDir(dir: string): Promise<DirSnapshot> {
  const snapshot: DirSnapshot = new Map();
  const entries = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  for (const name of entries.sort()) {
    const file = path.join(dir, name);
    const info = await lstat(file);
    if (info.isDirectory()) snapshot.set(name, `folder ${info.mtimeMs}`);
    else
      snapshot.set(
        name,
        `file ${createHash('sha256')
          .update(await readFile(file))
          .digest('hex')} ${info.mtimeMs}`,
      );
  }
  return snapshot;
}

/** Fails naming the entries that a command added, removed or changed. */
export async function assertUntouched(dir: string, before: DirSnapshot, what = 'the out dir'): Promise<void> {
  const after = await snapshotDir(dir);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (k) => before.get(k) !== after.get(k),
  );
  assert.deepEqual(
    changed,
    [],
    `${what} changed: ` +
      changed.map((k) => `${k} (${before.get(k) ?? 'absent'} → ${after.get(k) ?? 'absent'})`).join(', '),
  );
}
