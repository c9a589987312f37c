import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';

/** Pages of a PDF written by pdfkit (its page objects are uncompressed). */
export async function pagesOf(pdf: string): Promise<number> {
  return (await readFile(pdf)).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

/** Slides of a PPTX: its ppt/slides/slideN.xml parts. */
export async function slidesOf(pptx: string): Promise<number> {
  const names = Object.keys(
    unzipSync(await readFile(pptx), { filter: (f) => /^ppt\/slides\/slide\d+\.xml$/.test(f.name) }),
  );
  return names.length;
}
