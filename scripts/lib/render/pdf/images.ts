import type { Report, ImageRef } from '../../model/types.ts';
import { prepareImage } from '../../layout/images.ts';
import { placed, type PreparedImages } from '../../../../templates/pdf/images.ts';

/** Reads and sizes every image the brief places, at about 300 dpi for its box; react-pdf only gets bytes. */
export async function prepareBriefImages(report: Report): Promise<PreparedImages> {
  const wanted: [ImageRef, (typeof placed)[keyof typeof placed]][] = [];
  if (report.brand.logo) wanted.push([report.brand.logo, placed.coverLogo]);
  for (const person of report.moderators)
    if (person.photo) wanted.push([person.photo, placed.moderatorPhoto]);
  for (const person of report.speakers) if (person.photo) wanted.push([person.photo, placed.speakerPhoto]);
  for (const h of report.highlights) wanted.push([h.image, placed.highlight]);
  const prepared: PreparedImages = new Map();
  await Promise.all(
    wanted.map(async ([ref, box]) => {
      const image = await prepareImage(ref, box);
      const previous = prepared.get(ref.file);
      // One file placed at two sizes (a photo used twice) keeps the larger version.
      if (!previous || previous.data.length < image.data.length)
        prepared.set(ref.file, { data: image.data, format: image.format });
    }),
  );
  return prepared;
}
