import { readFile } from 'node:fs/promises';
import { cacheKey, pixelSizeOf, readCached, writeCached } from '../../io/image-cache.ts';
import type { ImageRef } from '../../model/types.ts';

/** How tall the logo shows in the e-mail header, in CSS pixels. */
export const LOGO_HEIGHT = 56;

/** The brand logo, ready to embed: a small PNG and the size it shows at. */
export interface EmailLogo {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Shrinks the brand logo to twice its shown height (sharp on high-density
 * screens) as a palette PNG: a logo of a few kilobytes instead of the print
 * original. Kept on disk by content, like the brief's images, so sharp is
 * loaded only for a logo not seen before.
 */
export async function emailLogo(logo: ImageRef): Promise<EmailLogo> {
  const source = await readFile(logo.file);
  const key = cacheKey(source, `email logo ${LOGO_HEIGHT}`);
  let png = await readCached(key, 'png');
  let size = png && pixelSizeOf(png);
  if (!png || !size) {
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(source, { failOn: 'error' })
      .resize({ height: LOGO_HEIGHT * 2, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9, palette: true })
      .toBuffer({ resolveWithObject: true });
    await writeCached(key, 'png', data);
    png = data;
    size = info;
  }
  return { png, width: Math.round((LOGO_HEIGHT * size.width) / size.height), height: LOGO_HEIGHT };
}
