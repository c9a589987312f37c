import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { scaleReport } from '../../scripts/lib/bench/scale.ts';
import { median, runCold } from '../../scripts/lib/bench/measure.ts';
import { formatTables, type BenchResult } from '../../scripts/lib/bench/tables.ts';
import { root } from '../support/run-script.ts';

const sample = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const photos = path.join(root, 'test/fixtures/photos/report.yaml');

test('bench reports are the sample with speakers, points and recommendations repeated, and still valid', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-bench-'));
  const { report: one } = await loadReport(sample);
  const { report: four } = await loadReport(await scaleReport(sample, 4, dir));
  assert.equal(four.slug, 'bench-4x');
  assert.equal(four.speakers.length, 4 * one.speakers.length);
  assert.equal(
    four.speakers.flatMap((s) => s.points).length,
    4 * one.speakers.flatMap((s) => s.points).length,
  );
  assert.equal(four.recommendations.length, 4 * one.recommendations.length);
  assert.equal(four.summary?.length, one.summary?.length, 'the rest is as it was');
  assert.equal(four.speakers[one.speakers.length]!.nameText, `${one.speakers[0]!.nameText} (2)`);
});

test('bench copies the images a report names, so a scaled report with photos still validates', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-bench-'));
  const { report } = await loadReport(await scaleReport(photos, 2, dir));
  const photo = report.speakers.find((s) => s.photo)?.photo;
  assert.ok(photo, 'the fixture has a speaker photo');
  assert.ok(photo.file.startsWith(dir), photo.file);
});

test('a cold run reports wall time, CPU time, peak memory and the build time the command printed', async () => {
  const line =
    `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(64e6, 1); ` +
    `console.log('out/x.pdf  1 page, 1 kB, 0.25 s')"`;
  const run = await runCold(line, [], root, process.env);
  assert.ok(run.wallMs > 0);
  assert.ok(run.peakMb > 64, `a 64 MB buffer shows in peak memory: ${run.peakMb} MB`);
  assert.equal(run.buildMs, 250);
  await assert.rejects(
    runCold(`${JSON.stringify(process.execPath)} -e "process.exit(3)"`, [], root, process.env),
    /exited 3/,
  );
});

test('the cost per added page is the time difference over the page difference; growth compares the steps', () => {
  const result: BenchResult = {
    machine: { cpus: 2, cpu: 'x', node: 'v20', loadAverageBefore: 0, loadAverageAfter: 0 },
    runs: 5,
    cold: [],
    warm: [],
    outputs: [],
    scaling: [
      { factor: 1, pages: 7, pdfColdMs: 1000, pdfWarmMs: 200, pdfPeakMb: 100 },
      { factor: 4, pages: 19, pdfColdMs: 1600, pdfWarmMs: 800, pdfPeakMb: 120 },
      { factor: 16, pages: 67, pdfColdMs: 5440, pdfWarmMs: 4640, pdfPeakMb: 180 },
    ],
  };
  const text = formatTables(result);
  assert.deepEqual(
    result.perAddedPage?.map(({ warmCpuMs: _, ...step }) => step),
    [
      { from: 1, to: 4, coldMs: 50, warmMs: 50 },
      { from: 4, to: 16, coldMs: 80, warmMs: 80 },
    ],
  );
  assert.equal(result.growth, 1.6, 'without CPU times, growth compares wall times');
  assert.match(text, /4× → 16× +80 ms +80 ms +–/);
  result.scaling.forEach((s, i) => (s.pdfWarmCpuMs = [100, 400, 1360][i]));
  formatTables(result);
  assert.equal(result.growth, 0.8, 'with CPU times, growth compares those: (1360-400)/48 over (400-100)/12');
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});
