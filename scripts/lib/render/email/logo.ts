import sharp from 'sharp';
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
 * screens) as a palette PNG: a logo of a few kilobytes instead of the print original.
 */
export async function emailLogo(logo: ImageRef): Promise<EmailLogo> {
  const { data, info } = await sharp(logo.file, { failOn: 'error' })
    .resize({ height: LOGO_HEIGHT * 2, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 9, palette: true })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: Math.round((LOGO_HEIGHT * info.width) / info.height), height: LOGO_HEIGHT };
}
