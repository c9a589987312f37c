import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FolderEntry } from './folder.ts';

/** One output of a report, rendered and waiting to be put in place: a file (bytes) or a folder (files). */
export interface PendingOutput {
  target: string;
  bytes: Uint8Array;
  files?: readonly FolderEntry[];
}

interface Staged {
  target: string;
  temp: string;
  folder: boolean;
  /** Where the earlier output was kept while the new one went in; undefined when there was none. */
  backup?: string;
  placed: boolean;
}

/**
 * Puts all outputs of one report in place together, after all of them were
 * built: a failure anywhere leaves every earlier file and folder as it was.
 *
 * 1. Every output is written and flushed beside its target (`.NAME.PID.tmp`):
 *    a full disk or a bad path fails here, before any target is touched.
 * 2. Each is swapped in. The earlier file is kept as a hard link (the same
 *    inode, so its bytes and modification time are what they were) and the
 *    new one renamed over it, so readers see the old or the new file, never
 *    none; an earlier folder is renamed aside, the new one renamed in.
 * 3. Should a swap fail (a folder where the file goes, a read-only target),
 *    the ones already made are undone in reverse: the earlier outputs renamed
 *    back, outputs that had none removed. Then the error is thrown.
 * 4. Only when all are in, the kept earlier ones are deleted.
 *
 * Returns the bytes written for each output, in order.
 */
export async function commitOutputs(outputs: readonly PendingOutput[]): Promise<number[]> {
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  const staged: Staged[] = [];
  try {
    for (const output of outputs) {
      const dir = path.dirname(path.resolve(output.target));
      await mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.${path.basename(output.target)}.${stamp}.tmp`);
      const entry: Staged = {
        target: path.resolve(output.target),
        temp,
        folder: !!output.files,
        placed: false,
      };
      staged.push(entry);
      if (output.files) await writeFolder(temp, output.files);
      else await writeFlushed(temp, output.bytes);
    }
    for (const entry of staged) await swapIn(entry, stamp);
  } catch (error) {
    await undo(staged);
    throw error;
  }
  await Promise.all(
    staged.map((entry) => entry.backup && rm(entry.backup, { recursive: true, force: true })),
  );
  return outputs.map((o) => (o.files ? o.files.reduce((sum, f) => sum + f.bytes.length, 0) : o.bytes.length));
}

async function swapIn(entry: Staged, stamp: string): Promise<void> {
  const earlier = await stat(entry.target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (earlier && earlier.isDirectory() !== entry.folder) {
    const what = entry.folder ? 'a file where the folder' : 'a folder where the file';
    throw Object.assign(new Error(`${entry.target} is ${what} goes`), {
      code: entry.folder ? 'ENOTDIR' : 'EISDIR',
      path: entry.target,
    });
  }
  if (earlier) {
    const backup = path.join(path.dirname(entry.target), `.${path.basename(entry.target)}.${stamp}.old`);
    // A file system without hard links (some network or FAT drives): moved aside instead, a moment without the file.
    if (entry.folder) await rename(entry.target, backup);
    else await link(entry.target, backup).catch(() => rename(entry.target, backup));
    entry.backup = backup;
  }
  await rename(entry.temp, entry.target);
  entry.placed = true;
}

/** Puts every earlier output back and removes what this commit wrote; never throws (the first error is the
 * one to report). */
async function undo(staged: Staged[]): Promise<void> {
  for (const entry of [...staged].reverse()) {
    try {
      if (entry.placed || (entry.folder && entry.backup)) {
        if (entry.backup) {
          if (entry.folder) {
            if (entry.placed) await rm(entry.target, { recursive: true, force: true });
            await rename(entry.backup, entry.target);
          } else await rename(entry.backup, entry.target);
        } else if (entry.placed) await rm(entry.target, { recursive: true, force: true });
      } else if (entry.backup) await rm(entry.backup, { force: true });
    } catch {
      // Keep undoing the others; what could not be put back keeps its .old copy beside it.
    }
    await rm(entry.temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function writeFlushed(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeFolder(dir: string, files: readonly FolderEntry[]): Promise<void> {
  await mkdir(dir);
  for (const file of files) {
    const where = path.resolve(dir, file.path);
    if (!where.startsWith(dir + path.sep))
      throw new Error(`folder output: ${file.path} is outside the folder`);
    await mkdir(path.dirname(where), { recursive: true });
    await writeFlushed(where, file.bytes);
  }
}
