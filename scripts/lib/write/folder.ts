import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.ts';

/** A file to write inside a folder, by its relative path (`cards/og.png`). */
export interface FolderEntry {
  path: string;
  bytes: Uint8Array;
}

/**
 * Replaces a whole folder (the web edition) so that it is never half-written:
 * every file is written and flushed into a temporary sibling folder, the old
 * folder is renamed aside, the new one renamed into place, and the old one
 * removed. A failure before the swap leaves the earlier folder untouched; the
 * folder is missing only between two renames.
 */
export async function writeFolderAtomic(target: string, files: readonly FolderEntry[]): Promise<void> {
  const dir = path.resolve(target);
  const parent = path.dirname(dir);
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  const temp = path.join(parent, `.${path.basename(dir)}.${stamp}.tmp`);
  const old = path.join(parent, `.${path.basename(dir)}.${stamp}.old`);
  await mkdir(parent, { recursive: true });
  try {
    for (const file of files) {
      const where = path.resolve(temp, file.path);
      if (!where.startsWith(temp + path.sep))
        throw new Error(`folder output: ${file.path} is outside the folder`);
      await mkdir(path.dirname(where), { recursive: true });
      const handle = await open(where, 'w');
      try {
        await handle.writeFile(file.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    const hadOld = await rename(dir, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(temp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes a rendered output where it belongs: a folder output (files) as a whole folder, else one file.
 * Returns the bytes written. */
export async function writeOutput(
  target: string,
  output: { bytes: Uint8Array; files?: readonly FolderEntry[] },
): Promise<number> {
  if (output.files) {
    await writeFolderAtomic(target, output.files);
    return output.files.reduce((sum, f) => sum + f.bytes.length, 0);
  }
  await writeFileAtomic(target, output.bytes);
  return output.bytes.length;
}
