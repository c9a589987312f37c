import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImageRef } from '../model/types.ts';

/**
 * Image paths come from user files and are opened by our code, never by the
 * renderer: they must be relative, stay inside the project (also through
 * symlinks), and hold a PNG, JPEG or WebP image, judged by content not name.
 */
export async function resolveImage(written: string, baseDir: string, projectRoot: string): Promise<ImageRef | string> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-z]:[\\/]/i.test(written)) {
    return 'must be a file path, not a URL: download the image into the project and name its path.';
  }
  if (path.isAbsolute(written) || /^[a-z]:[\\/]/i.test(written)) {
    return 'must be a path relative to this file, not an absolute path.';
  }
  const file = path.resolve(baseDir, written);
  if (!isInside(file, projectRoot)) return `points outside the project folder (${projectRoot}); copy the image into the project.`;
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return `image not found: ${path.relative(projectRoot, file)}. Check the spelling and that the file is in the project.`;
  }
  if (!isInside(real, await realpath(projectRoot))) return 'is a link to a file outside the project folder; copy the image into the project instead.';
  const info = await stat(real);
  if (!info.isFile()) return 'is a folder, not an image file.';
  const format = await sniffImage(real);
  if (!format) return 'is not a PNG, JPEG or WebP image (judged by its content); convert it to one of these.';
  return { file: real, shown: written, format };
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Recognises an image by its first bytes. */
export async function sniffImage(file: string): Promise<ImageRef['format'] | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
    if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
    return undefined;
  } finally {
    await handle.close();
  }
}
