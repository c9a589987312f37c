import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../../model/types.ts';
import type { Download } from '../../../../templates/web/view.ts';
import type { FolderFile } from '../output.ts';

const OFFERED = [
  { extension: '.pdf', label: 'brief', format: 'PDF' },
  { extension: '.pptx', label: 'deck', format: 'PPTX' },
] as const;

/**
 * The PDF brief and the deck, when they were built in this run or into the output folder,
 * copied beside the page for download with their real sizes. A file not built
 * is simply not offered.
 */
export async function webDownloads(
  report: Report,
  outDir: string,
  built?: ReadonlyMap<string, Uint8Array>,
): Promise<{ downloads: Download[]; files: FolderFile[] }> {
  const downloads: Download[] = [];
  const files: FolderFile[] = [];
  for (const offer of OFFERED) {
    const name = `${report.slug}${offer.extension}`;
    // Built earlier in this run (not yet in the out dir), else by an earlier command.
    const bytes =
      built?.get(offer.extension) ?? (await readFile(path.join(outDir, name)).catch(() => undefined));
    if (!bytes) continue;
    files.push({ path: name, bytes });
    downloads.push({
      href: name,
      label: report.labels.web[offer.label],
      format: offer.format,
      bytes: bytes.length,
    });
  }
  return { downloads, files };
}
