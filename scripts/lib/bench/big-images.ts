import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toolRoot } from '../load/project.ts';
import { median, runCold } from './measure.ts';

/** Issue 15: ten highlights of 100 megapixels each (10000 × 10000), the most a report may name. */
const COUNT = 10;
const SIDE = 10_000;

export interface BigImagesResult {
  images: number;
  megapixels: number;
  command: string;
  wallMs: number;
  peakMb: number;
  samplesMs: number[];
  peaksMb: number[];
}

/**
 * `build` of a report with ten 100-megapixel highlight photos, with the image
 * cache off (every image decoded, as on a first build): wall time and peak
 * memory, medians of `runs`. The photos are made once (some 40 s) and kept in
 * node_modules/.cache/briefpress/bench-images/.
 */
export async function measureBigImages(options: { runs: number; work: string; env: NodeJS.ProcessEnv; commandLine: string; progress(line: string): void }): Promise<BigImagesResult> {
  const dir = path.join(toolRoot, 'node_modules/.cache/briefpress/bench-images');
  await makePhotos(dir, options.progress);
  // Beside the photos, inside this project (node_modules/.cache/…), so the relative image paths are allowed.
  const local = path.join(dir, 'big-images.yaml');
  await writeFile(
    local,
    `event:\n  kind: Roundtable\n  title: Ten Big Photographs\n  date: 2026-03-04\nspeakers:\n  - name: Amna Qureshi\n    points:\n      - Every highlight is a 100-megapixel photo.\nrecommendations:\n  - Scale photos down before adding them.\nhighlights:\n${Array.from({ length: COUNT }, (_, i) => `  - image: photo-${i}.jpg\n`).join('')}report:\n  slug: big-images\n`,
  );
  const env = { ...options.env, BRIEFPRESS_IMAGE_CACHE: 'off' };
  const out = path.join(options.work, 'out-big-images');
  const samples = [];
  for (let i = 0; i < options.runs; i++) samples.push(await runCold(options.commandLine, [local, '--out', out], toolRoot, env));
  const result = {
    images: COUNT,
    megapixels: (SIDE * SIDE) / 1e6,
    command: 'build',
    wallMs: median(samples.map((s) => s.wallMs)),
    peakMb: median(samples.map((s) => s.peakMb)),
    samplesMs: samples.map((s) => Math.round(s.wallMs)),
    peaksMb: samples.map((s) => Math.round(s.peakMb)),
  };
  options.progress(`build with ${COUNT} photos of ${result.megapixels} MP: ${result.wallMs.toFixed(0)} ms, ${result.peakMb.toFixed(0)} MB peak`);
  return result;
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
    await sharp(noise, { raw: { width: side, height: side, channels: 3 } }).resize(SIDE, SIDE, { kernel: 'cubic' }).jpeg({ quality: 85 }).toFile(temp);
    await rename(temp, file);
  }
}
