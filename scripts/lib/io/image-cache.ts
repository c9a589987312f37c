import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { toolRoot } from './project.ts';
import { writeFileAtomic } from './atomic.ts';

/**
 * Prepared images kept between runs, so that building an unchanged report
 * again does not even load sharp (some 130 ms of start-up, plus decoding and
 * encoding every image). An entry is named by the SHA-256 of the source
 * bytes and of the recipe (box, dpi, purpose), so an edited image is a new
 * name and an entry is never stale; the whole cache can be deleted at any time.
 */

/** Bumped when preparing changes its output for the same input, or names change, so old entries are not reused. */
const FORMAT = 2;

/** Set by useImageCache; null: the default, read when used (a start-up snapshot is made before the
 * environment is known). */
let chosen: string | undefined | null = null;

/** The folder of entries, or undefined when the cache is off: BRIEFPRESS_IMAGE_CACHE=off prepares every image
 * from scratch (npm run bench measures a first build so). */
function cacheFolder(): string | undefined {
  if (chosen !== null) return chosen;
  return process.env.BRIEFPRESS_IMAGE_CACHE === 'off'
    ? undefined
    : path.join(toolRoot, 'node_modules/.cache/briefpress/images');
}

/** Where entries are kept; `undefined` turns the cache off (tests that must prepare from scratch). */
export function useImageCache(dir: string | undefined): void {
  chosen = dir;
}

/** The name of an entry: the source bytes and everything else that decides the output. */
export function cacheKey(source: Uint8Array, recipe: string): string {
  return keyOf(createHash('sha256').update(source).digest('hex'), recipe);
}

/**
 * The same name for a file, its bytes streamed through the hash instead of
 * read whole: a 100-megapixel photo is tens of MB, and several are checked at
 * once when a report loads. Each file is hashed once per process (again only
 * when its size, modification time or inode changed).
 */
export async function fileCacheKey(file: string, recipe: string): Promise<string> {
  return keyOf(await fileHash(file), recipe);
}

/** The SHA-256 (hex) of a file's bytes, streamed, remembered per file and stat for the process. */
export async function fileHash(file: string): Promise<string> {
  const info = await stat(file);
  const signature = `${file}\0${info.size}\0${info.mtimeMs}\0${info.ino}`;
  let hash = contentHashes.get(signature);
  if (!hash) {
    hash = new Promise<string>((resolve, reject) => {
      const digest = createHash('sha256');
      createReadStream(file)
        .on('error', reject)
        .on('data', (chunk) => digest.update(chunk))
        .on('end', () => resolve(digest.digest('hex')));
    });
    contentHashes.set(signature, hash);
    hash.catch(() => contentHashes.delete(signature));
    while (contentHashes.size > 1024) contentHashes.delete(contentHashes.keys().next().value!);
  }
  return hash;
}

const contentHashes = new Map<string, Promise<string>>();

function keyOf(contentHash: string, recipe: string): string {
  return createHash('sha256')
    .update(`${FORMAT} sharp@${sharpVersion()} ${recipe}\0${contentHash}`)
    .digest('hex');
}

/** The entry's bytes, or undefined when there is none (or the cache is off). */
export async function readCached(key: string, extension: string): Promise<Buffer | undefined> {
  const cacheDir = cacheFolder();
  if (!cacheDir) return undefined;
  try {
    return await readFile(path.join(cacheDir, `${key}.${extension}`));
  } catch {
    return undefined;
  }
}

/** Keeps an entry, written whole or not at all; a cache that cannot be written (read-only install) is no error. */
export async function writeCached(key: string, extension: string, bytes: Uint8Array | string): Promise<void> {
  const cacheDir = cacheFolder();
  if (!cacheDir) return;
  await writeFileAtomic(path.join(cacheDir, `${key}.${extension}`), bytes).catch(() => undefined);
}

/**
 * The pixel size written in a PNG's or JPEG's header (images sharp made for
 * us), or undefined when the bytes are not such an image.
 */
export function pixelSizeOf(data: Buffer): { width: number; height: number } | undefined {
  if (
    data.length >= 24 &&
    data.readUInt32BE(0) === 0x89504e47 &&
    data.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  // JPEG: walk the segments to the frame header (SOF0–SOF15 but DHT C4, JPG C8, DAC CC).
  for (let at = 2; at + 9 <= data.length && data[at] === 0xff; at += 2 + data.readUInt16BE(at + 2)) {
    const marker = data[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
    }
  }
  return undefined;
}

let version: string | undefined;

/** A sharp upgrade (and the libvips it brings) may encode differently: its version is part of every name. */
function sharpVersion(): string {
  try {
    version ??= JSON.parse(readFileSync(path.join(toolRoot, 'node_modules/sharp/package.json'), 'utf8'))
      .version as string;
  } catch {
    version = 'unknown';
  }
  return version;
}
