import { prepareWebImage, type WebBox } from '../../layout/web-images.ts';
import type { ImageRef, Report } from '../../model/types.ts';
import type { WebImage } from '../../../../templates/web/view.ts';
import type { FolderFile } from '../output.ts';

/** Where each kind of image sits on the page, in CSS pixels (see templates/web/style.css). */
const BOXES = {
  speaker: { width: 88, height: 88, fit: 'cover' },
  moderator: { width: 56, height: 56, fit: 'cover' },
  /** Two columns of some 340 px on a desktop, one of up to 520 px on a phone: 1× and 2× of the wider. */
  highlight: { width: 520, height: 520, fit: 'contain' },
  logo: { width: 40, height: 40, fit: 'contain' },
} satisfies Record<string, WebBox>;

/**
 * Prepares every image the page shows (logo, photos, highlights) as WebP
 * files in images/, named in report order, and says how the page names them.
 */
export async function webImages(
  report: Report,
): Promise<{ images: Map<ImageRef, WebImage>; files: FolderFile[] }> {
  const wanted: [string, ImageRef, WebBox][] = [];
  if (report.brand.logo) wanted.push(['logo', report.brand.logo, BOXES.logo]);
  report.moderators.forEach(
    (p, i) => p.photo && wanted.push([`moderator-${i + 1}`, p.photo, BOXES.moderator]),
  );
  report.speakers.forEach((p, i) => p.photo && wanted.push([`speaker-${i + 1}`, p.photo, BOXES.speaker]));
  report.highlights.forEach((h, i) => wanted.push([`highlight-${i + 1}`, h.image, BOXES.highlight]));
  const images = new Map<ImageRef, WebImage>();
  const files: FolderFile[] = [];
  const prepared = await Promise.all(wanted.map(([, ref, box]) => prepareWebImage(ref, box)));
  wanted.forEach(([name, ref], i) => {
    const sizes = prepared[i]!;
    const named = sizes.map((file) => ({ ...file, path: `images/${name}-${file.width}w.webp` }));
    for (const file of named) files.push({ path: file.path, bytes: file.data });
    const smallest = named[0]!;
    images.set(ref, {
      src: smallest.path,
      srcset: named.map((f) => `${f.path} ${f.width}w`).join(', '),
      width: smallest.width,
      height: smallest.height,
    });
  });
  return { images, files };
}
