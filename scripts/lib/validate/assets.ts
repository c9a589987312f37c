import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileCacheKey, readCached, writeCached } from '../io/image-cache.ts';
import type { ImageRef } from '../model/types.ts';

/** Larger than any camera; decoding more would take seconds and hundreds of MB. */
const MAX_MEGAPIXELS = 100;

/**
 * Image paths come from user files and are opened by our code, never by the
 * renderer: they must be relative, stay inside the project (also through
 * symlinks), and hold a PNG, JPEG or WebP image, judged by content not name.
 * Returns the checked image, or what is wrong with it and what to do.
 */
export async function resolveImage(
  written: string,
  baseDir: string,
  projectRoot: string,
): Promise<ImageRef | string> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-z]:[\\/]/i.test(written)) {
    return 'must be a file path, not a URL: download the image into the project and name its path.';
  }
  if (path.isAbsolute(written) || /^[a-z]:[\\/]/i.test(written) || written.startsWith('\\')) {
    return (
      'must be a path relative to this file, not an absolute path: copy the image ' +
      'into the project and write e.g. `photos/name.jpg`.'
    );
  }
  const file = path.resolve(baseDir, written);
  if (!isInside(file, projectRoot)) {
    return (
      'leads outside the project folder, which briefpress will not read. Copy ' +
      'the image into the project (e.g. next to this file) and name that copy.'
    );
  }
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    const looked = path.relative(process.cwd(), file) || file;
    return (
      `no image at ${looked}. Check the spelling (paths are relative to this ` +
      `file and case-sensitive), or copy the image there.`
    );
  }
  if (!isInside(real, await realpath(projectRoot))) {
    return (
      'is a link to a file outside the project folder, which briefpress will not ' +
      'read. Copy the image into the project instead.'
    );
  }
  const info = await stat(real);
  if (!info.isFile()) return 'is a folder, not an image file. Name the image file inside it.';
  let format: ImageRef['format'] | undefined;
  try {
    format = await sniffImage(real);
  } catch {
    return 'cannot be read (no permission?). Check that the file is readable.';
  }
  if (!format)
    return `is not a PNG, JPEG or WebP image (judged by its content${await otherKind(real)}). Save it as JPEG or PNG.`;
  return (await checkPixels(real)) ?? { file: real, shown: written, format };
}

/** Inside `root` and not `root` itself; `..name` is a file name, `../name` is not. */
function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Recognises an image by its first bytes. */
export async function sniffImage(file: string): Promise<ImageRef['format'] | undefined> {
  const head = await readHead(file);
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(32);
    await handle.read(head, 0, head.length, 0);
    return head;
  } finally {
    await handle.close();
  }
}

/** Names the common formats people try, so the message can say what the file is. */
async function otherKind(file: string): Promise<string> {
  const head = await readHead(file).catch(() => Buffer.alloc(0));
  const text = head.toString('latin1');
  if (text.startsWith('GIF8')) return '; it is a GIF';
  if (/^....ftyp(heic|heix|mif1|msf1|hevc)/s.test(text)) return '; it is a HEIC photo, as iPhones take';
  if (/^....ftypavif/s.test(text)) return '; it is an AVIF image';
  if (text.startsWith('%PDF')) return '; it is a PDF';
  if (/^\s*(<\?xml|<svg)/i.test(text)) return '; it is an SVG drawing';
  if (text.startsWith('II*\0') || text.startsWith('MM\0*')) return '; it is a TIFF';
  return '';
}

/** The header must decode and the picture must be of a sane size, or rendering would fail later. */
async function checkPixels(file: string): Promise<string | undefined> {
  try {
    const { width, height } = await pictureSize(file);
    if (!width || !height)
      return 'has no picture size in its header; the file is damaged. Save it again as JPEG or PNG.';
    if (width * height > MAX_MEGAPIXELS * 1e6) {
      return (
        `is ${Math.round((width * height) / 1e6)} megapixels; ${MAX_MEGAPIXELS} ` +
        `at most. Scale it down (the brief needs some 2000 px at most).`
      );
    }
    return undefined;
  } catch (error) {
    return (
      `cannot be read as an image (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ` +
      `Save it again as JPEG or PNG.`
    );
  }
}

/**
 * The size sharp reads in the header; remembered on disk by content (see
 * io/image-cache.ts), so checking an image seen before does not load sharp.
 */
async function pictureSize(file: string): Promise<{ width?: number; height?: number }> {
  // The bytes are hashed as a stream and sharp reads only the header: never a whole photo in memory.
  const key = await fileCacheKey(file, 'header size');
  const cached = await readCached(key, 'json');
  if (cached) return JSON.parse(cached.toString('utf8')) as { width?: number; height?: number };
  const { default: sharp } = await import('sharp');
  const { width, height } = await sharp(file, { limitInputPixels: false }).metadata();
  if (width && height) await writeCached(key, 'json', JSON.stringify({ width, height }));
  return { width, height };
}
