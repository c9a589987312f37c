import { stat } from 'node:fs/promises';
import { InputError } from '../problems.ts';
import { shownPath } from '../io/project.ts';
import { planImage, type ImageBox } from './image-size.ts';
import { fileCacheKey, pixelSizeOf, readCached, writeCached } from '../io/image-cache.ts';
import { loadSharp, oneImageAtATime, scaleThenCrop, SOURCE_OPTIONS } from './image-gate.ts';
import type { ImageRef } from '../model/types.ts';

export type { ImageBox } from './image-size.ts';

/** An image ready to embed: bytes our code produced, never a path for a renderer to open. */
export interface PreparedImage {
  data: Buffer;
  format: 'png' | 'jpg';
  /** Pixel size of `data`. */
  width: number;
  height: number;
}

/**
 * Prepares a photo, screenshot or logo for a renderer: EXIF orientation applied,
 * cropped (`cover`) or kept whole (`contain`), scaled down to at most `dpi` at
 * the placed size (never up), metadata stripped, re-encoded as JPEG (opaque) or
 * PNG (with transparency). A camera photo of 5 MB placed 2 in wide becomes a
 * 600 px JPEG of some 50 kB, so a brief with ten photos stays e-mail sized.
 * The same file and box always give the same bytes; results are cached for
 * the process, since watch mode and the slide deck ask again for the same images,
 * and on disk (io/image-cache.ts), so an unchanged report does not load sharp.
 */
export async function prepareImage(ref: ImageRef, box: ImageBox, dpi = 300): Promise<PreparedImage> {
  const { mtimeMs, size } = await stat(ref.file);
  const key = [ref.file, mtimeMs, size, box.widthPt, box.heightPt, box.fit, dpi].join('\0');
  let prepared = cache.get(key);
  if (!prepared) {
    prepared = prepare(ref, box, dpi);
    remember(key, prepared);
    prepared.catch(() => cache.delete(key));
  }
  return prepared;
}

/** Forgets prepared images (tests; watch mode when memory matters). */
export function forgetImages(): void {
  cache.clear();
}

/** Watch mode keeps one process for hours; old entries go first once there are this many. */
const MAX_CACHED = 256;
const cache = new Map<string, Promise<PreparedImage>>();

function remember(key: string, prepared: Promise<PreparedImage>): void {
  cache.set(key, prepared);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
}

async function prepare(ref: ImageRef, box: ImageBox, dpi: number): Promise<PreparedImage> {
  try {
    const key = await fileCacheKey(ref.file, `prepare ${box.widthPt} ${box.heightPt} ${box.fit} ${dpi}`);
    for (const format of ['jpg', 'png'] as const) {
      const data = await readCached(key, format);
      const size = data && pixelSizeOf(data);
      if (data && size) return { data, format, ...size };
    }
    const prepared = await oneImageAtATime(() => encode(ref.file, box, dpi));
    await writeCached(key, prepared.format, prepared.data);
    return prepared;
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError([
      {
        file: shownPath(ref.file),
        line: 1,
        column: 1,
        where: '',
        message: `cannot read this image (${reason}). Open it in an image editor and save it again as JPEG or PNG.`,
      },
    ]);
  }
}

/** Decodes, crops, scales and re-encodes with sharp, loaded only now: most builds find every image cached. */
async function encode(file: string, box: ImageBox, dpi: number): Promise<PreparedImage> {
  const [sharp, { encodeImage }] = await Promise.all([loadSharp(), import('./image-encode.ts')]);
  // Read from the file, not a copy in memory; see image-gate.ts for the limits.
  const open = () => sharp(file, SOURCE_OPTIONS);
  const { autoOrient: upright } = await open().metadata();
  const plan = planImage(upright, box, dpi);
  const { data, info } = await scaleThenCrop(open(), upright, plan)
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const encoded = await encodeImage({ data, width: info.width, height: info.height });
  return { ...encoded, width: info.width, height: info.height };
}
