import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toolRoot } from '../io/project.ts';
import { median, runCold } from './measure.ts';

/** Issue 15: ten highlights of 100 megapixels each (10000 × 10000), the most a report may name. */
const COUNT = 10;
const SIDE = 10_000;

export interface BigImagesRun {
  /** The npm script: build or build:pdf. */
  command: string;
  /** The ten photos, or the sample report for comparison. */
  report: 'ten 100-megapixel photos' | 'the sample';
  wallMs: number;
  peakMb: number;
  samplesMs: number[];
  peaksMb: number[];
}

/**
 * build and build:pdf of a report with ten 100-megapixel highlight photos,
 * and build and build:web of the sample beside them, all with the image cache
 * off (every image decoded and every share card drawn, as on a first build):
 * wall time and peak memory, medians of `runs`. What the photos cost is the
 * difference between the two builds. The photos are made once (some 40 s) into
 * node_modules/.cache/briefpress/bench-images/.
 */
export async function measureBigImages(options: {
  runs: number;
  work: string;
  env: NodeJS.ProcessEnv;
  scripts: Record<string, string>;
  sample: string;
  progress(line: string): void;
}): Promise<BigImagesRun[]> {
  const dir = path.join(toolRoot, 'node_modules/.cache/briefpress/bench-images');
  await makePhotos(dir, options.progress);
  // Beside the photos, inside this project (node_modules/.cache/…), so the relative image paths are allowed.
  const photos = path.join(dir, 'big-images.yaml');
  const highlights = Array.from({ length: COUNT }, (_, i) => `  - image: photo-${i}.jpg\n`).join('');
  await writeFile(
    photos,
    `event:\n  kind: Roundtable\n  title: Ten Big Photographs\n  date: 2026-03-04\nspeakers:\n ` +
      ` - name: Amna Qureshi\n    points:\n      - Every highlight is a 100-megapixel ` +
      (`photo.\nrecommendations:\n  - Scale photos down ` +
        `before adding them.\nhighlights:\n${highlights}report:\n `) +
      ` slug: big-images\n`,
  );
  const env = { ...options.env, BRIEFPRESS_IMAGE_CACHE: 'off' };
  const results: BigImagesRun[] = [];
  const cases: [string, string, BigImagesRun['report']][] = [
    ['build', photos, 'ten 100-megapixel photos'],
    ['build:pdf', photos, 'ten 100-megapixel photos'],
    ['build', options.sample, 'the sample'],
    // Issue 13: drawing every share card (a new checkout, or an edit to the text they show).
    ['build:web', options.sample, 'the sample'],
  ];
  for (const [command, report, what] of cases) {
    const line = options.scripts[command];
    if (!line) continue;
    const out = path.join(options.work, `out-big-${results.length}`);
    const samples = [];
    for (let i = 0; i < options.runs; i++)
      samples.push(await runCold(line, [report, '--out', out], toolRoot, env));
    const run: BigImagesRun = {
      command,
      report: what,
      wallMs: median(samples.map((s) => s.wallMs)),
      peakMb: median(samples.map((s) => s.peakMb)),
      samplesMs: samples.map((s) => Math.round(s.wallMs)),
      peaksMb: samples.map((s) => Math.round(s.peakMb)),
    };
    options.progress(
      `${command} of ${what}, image cache off: ${run.wallMs.toFixed(0)} ms, ${run.peakMb.toFixed(0)} MB peak`,
    );
    results.push(run);
  }
  return results;
}

/** Photo-like JPEGs (smooth noise, so they neither compress to nothing nor decode trivially), each made once. */
async function makePhotos(dir: string, progress: (line: string) => void): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { default: sharp } = await import('sharp');
  for (let i = 0; i < COUNT; i++) {
    const file = path.join(dir, `photo-${i}.jpg`);
    if (existsSync(file)) continue;
    progress(`making ${path.basename(file)} (${SIDE} × ${SIDE})`);
    const side = 250;
    const noise = Buffer.alloc(side * side * 3);
    let seed = 12345 + i;
    for (let j = 0; j < noise.length; j++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noise[j] = seed >> 23;
    }
    const temp = `${file}.${process.pid}.tmp`;
    await sharp(noise, { raw: { width: side, height: side, channels: 3 } })
      .resize(SIDE, SIDE, { kernel: 'cubic' })
      .jpeg({ quality: 85 })
      .toFile(temp);
    await rename(temp, file);
  }
}
