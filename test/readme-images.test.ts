import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { writeSnapshots } from '../scripts/lib/readme/snapshots.ts';
import { root } from './support/run-script.ts';

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;

test('README pictures are small PNGs of the real PDF pages', async (t) => {
  if (!has('pdftoppm')) return t.skip('pdftoppm not installed');
  const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-readme-'));
  const written = await writeSnapshots({
    toolRoot: root,
    report: path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml'),
    outDir,
    snapshots: [
      { name: 'cover.png', from: 'pdf', page: 1, width: 200 },
      { name: 'body.png', from: 'pdf', page: 3, width: 240 },
    ],
  });
  assert.deepEqual(written, [path.join(outDir, 'cover.png'), path.join(outDir, 'body.png')]);
  const cover = await sharp(written[0]).stats();
  const meta = await sharp(written[0]).metadata();
  assert.equal(meta.format, 'png');
  assert.equal(meta.width, 200);
  assert.ok(Math.abs(meta.height! / meta.width! - 842 / 595) < 0.02, 'an A4 page keeps its proportions');
  // The sample's cover is the brand's navy: mostly dark, unlike a blank or failed render.
  assert.ok(cover.channels[0]!.mean < 100, `cover mean red ${cover.channels[0]!.mean}`);
  assert.equal((await sharp(written[1]).metadata()).width, 240);
});
