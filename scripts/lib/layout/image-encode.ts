import sharp from 'sharp';

/** Opaque images become JPEG at this quality: photos stay sharp at print size while a brief stays e-mail sized. */
const JPEG_QUALITY = 82;
/**
 * A palette PNG is used for images with transparency when it is this close to
 * the original (peak signal-to-noise ratio, dB): logos and flat artwork come out
 * identical or nearly so; photos with alpha would band, so they stay full colour.
 */
const PALETTE_MIN_PSNR = 40;

/** Upright, scaled RGBA pixels (8 bits per channel). */
export interface RgbaPixels {
  data: Buffer;
  width: number;
  height: number;
}

export interface EncodedImage {
  data: Buffer;
  format: 'png' | 'jpg';
}

/**
 * Encodes pixels for embedding: JPEG (mozjpeg) when every pixel is opaque, else
 * PNG, as a palette when that is lossless enough. No metadata is written, and
 * the same pixels always give the same bytes.
 */
export async function encodeImage(pixels: RgbaPixels): Promise<EncodedImage> {
  const input = () =>
    sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } });
  if (isOpaque(pixels.data)) {
    const data = await input().removeAlpha().jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer();
    return { data, format: 'jpg' };
  }
  const palette = await input().png({ palette: true, compressionLevel: 9, effort: 10 }).toBuffer();
  const decoded = await sharp(palette).ensureAlpha().raw().toBuffer();
  if (psnr(pixels.data, decoded) >= PALETTE_MIN_PSNR) return { data: palette, format: 'png' };
  const full = await input().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  return { data: full, format: 'png' };
}

function isOpaque(rgba: Buffer): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/**
 * Peak signal-to-noise ratio between two RGBA buffers of the same size, on
 * premultiplied colour so the colour of invisible pixels does not count.
 * Infinity when identical.
 */
function psnr(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return 0;
  let squared = 0;
  for (let i = 0; i < a.length; i += 4) {
    const alphaA = a[i + 3]!;
    const alphaB = b[i + 3]!;
    for (let c = 0; c < 3; c++) {
      const d = (a[i + c]! * alphaA - b[i + c]! * alphaB) / 255;
      squared += d * d;
    }
    squared += (alphaA - alphaB) ** 2;
  }
  if (squared === 0) return Infinity;
  return 10 * Math.log10((255 * 255 * a.length) / squared);
}
