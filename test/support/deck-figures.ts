/**
 * The deck figures issue 9 asks for, for any built decks:
 *
 *     node --import tsx test/support/deck-figures.ts OUT/deck.pptx…
 *
 * prints, per deck, the slide count, words per slide (median, max; the
 * slide's own text, not the master's running head and footer) and, for each
 * font situation LibreOffice can render here (see deck-fonts.ts), how many
 * words are drawn over other words and how many lie outside every text shape.
 * test/render/slides/slide-fonts.test.ts asserts the same findings.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { cannotRender, count, FONT_SITUATIONS, inspectRendering } from './deck-fonts.ts';

/** Words of each slide's own text, in presentation order. */
export async function wordsPerSlide(pptx: string): Promise<number[]> {
  const parts = unzipSync(new Uint8Array(await readFile(pptx)));
  const names = Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return names.map((n) => {
    const xml = strFromU8(parts[n]!);
    const text = [...xml.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
      .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''))
      .join(' ');
    return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const pptx of process.argv.slice(2)) {
    const words = await wordsPerSlide(pptx);
    console.log(
      `${path.basename(pptx)}: ${words.length} slides, words per slide median ` +
        `${median(words)}, max ${Math.max(...words)}`,
    );
    const work = await mkdtemp(path.join(tmpdir(), 'briefpress-deck-figures-'));
    for (const situation of FONT_SITUATIONS) {
      const why = cannotRender(situation);
      if (why) {
        console.log(`  ${situation}: not rendered (${why})`);
        continue;
      }
      const found = await inspectRendering(pptx, situation, work);
      console.log(
        `  ${situation}: ${count(found.colliding)} colliding ` +
          `words${found.colliding.length ? ` on slides ${found.colliding.map((c) => c.slide).join(', ')}` : ''}; ` +
          (`${count(found.outside)} words outside every text ` +
            `shape${found.outside.length ? ` on slides ${found.outside.map((c) => c.slide).join(', ')}` : ''}`),
      );
      if (process.env.VERBOSE)
        for (const c of [...found.colliding, ...found.outside])
          console.log(`    slide ${c.slide}: ${c.words.join(' ').slice(0, 200)}`);
    }
  }
}
