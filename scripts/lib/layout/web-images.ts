import { planImage } from './image-size.ts';
import { fileCacheKey, readCached, writeCached } from '../io/image-cache.ts';
import { loadSharp, oneImageAtATime, scaleThenCrop, SOURCE_OPTIONS } from './image-gate.ts';
import type { ImageRef } from '../model/types.ts';

/** Where an image sits on the web page, in CSS pixels. */
export interface WebBox {
  width: number;
  height: number;
  /** `cover` fills the box (speaker photos); `contain` keeps the whole picture (highlights, logos). */
  fit: 'cover' | 'contain';
}

/** One file of an image's `srcset`. */
export interface WebImageFile {
  data: Buffer;
  /** Pixel size of `data`. */
  width: number;
  height: number;
}

/** WebP at this quality: photos look clean on a phone at a fraction of a JPEG's weight. */
const WEBP_QUALITY = 78;

/**
 * Prepares an image for the web edition: turned upright, cropped or fitted to
 * the box, metadata stripped, as WebP at each pixel density asked (1× and 2×
 * by default), never scaled up (a density the source cannot fill is dropped).
 * Same file and box, same bytes; kept in the image cache like the PDF's images.
 */
export async function prepareWebImage(
  ref: ImageRef,
  box: WebBox,
  densities: readonly number[] = [1, 2],
): Promise<WebImageFile[]> {
  const files: WebImageFile[] = [];
  for (const density of densities) {
    const file = await prepareOne(ref.file, box, density);
    if (!files.some((f) => f.width === file.width)) files.push(file);
  }
  return files.sort((a, b) => a.width - b.width);
}

async function prepareOne(source: string, box: WebBox, density: number): Promise<WebImageFile> {
  const key = await fileCacheKey(
    source,
    `web ${box.width} ${box.height} ${box.fit} ${density} q${WEBP_QUALITY}`,
  );
  const cached = await readCached(key, 'webp');
  const size = cached && webpSize(cached);
  if (cached && size) return { data: cached, ...size };
  return oneImageAtATime(() => encodeWeb(source, box, density, key));
}

async function encodeWeb(source: string, box: WebBox, density: number, key: string): Promise<WebImageFile> {
  const sharp = await loadSharp();
  // Read from the file with the limits of image-gate.ts, one image at a time.
  const open = () => sharp(source, SOURCE_OPTIONS);
  const { autoOrient: upright } = await open().metadata();
  // planImage works in points at a dpi: 72 dpi makes a point one CSS pixel, times the density.
  const plan = planImage(upright, { widthPt: box.width, heightPt: box.height, fit: box.fit }, 72 * density);
  const { data, info } = await scaleThenCrop(open(), upright, plan)
    .toColourspace('srgb')
    .webp({ quality: WEBP_QUALITY, effort: 5, smartSubsample: true })
    .toBuffer({ resolveWithObject: true });
  await writeCached(key, 'webp', data);
  return { data, width: info.width, height: info.height };
}

/** The pixel size in a WebP file's header (lossy VP8, lossless VP8L or extended VP8X), or undefined. */
export function webpSize(data: Buffer): { width: number; height: number } | undefined {
  if (
    data.length < 30 ||
    data.toString('latin1', 0, 4) !== 'RIFF' ||
    data.toString('latin1', 8, 12) !== 'WEBP'
  )
    return undefined;
  const chunk = data.toString('latin1', 12, 16);
  if (chunk === 'VP8 ')
    return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = data.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
  return undefined;
}
