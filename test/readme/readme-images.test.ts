import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { writeSnapshots } from '../../scripts/lib/readme/snapshots.ts';
import { browserMissing } from '../support/browser.ts';
import { root } from '../support/run-script.ts';

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

test(
  'README pictures of the web edition: the top of the page in chromium at ' +
    'a phone width, and a share card',
  async (t) => {
    const missing = browserMissing();
    if (missing) return t.skip(missing);
    const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-readme-'));
    const [phone, card] = await writeSnapshots({
      toolRoot: root,
      report: path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml'),
      outDir,
      snapshots: [
        { name: 'phone.png', from: 'web', viewport: 390, height: 800, width: 195 },
        { name: 'card.png', from: 'card', card: 'cards/speaker-01.png', width: 216 },
      ],
    });
    const shot = await sharp(phone).metadata();
    assert.deepEqual(
      [shot.format, shot.width, shot.height],
      ['png', 195, 400],
      'the 390 × 800 px screen, halved',
    );
    // The masthead is the brand's navy: the top of a rendered page is dark, unlike a blank or unstyled one.
    const { data } = await sharp(phone)
      .extract({ left: 0, top: 0, width: 195, height: 150 })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let navy = 0;
    for (let i = 0; i < data.length; i += 3)
      if (Math.abs(data[i]! - 0x0b) + Math.abs(data[i + 1]! - 0x25) + Math.abs(data[i + 2]! - 0x45) < 30)
        navy++;
    assert.ok(
      navy / (data.length / 3) > 0.6,
      `${Math.round((100 * navy) / (data.length / 3))} % of the masthead is the brand's navy`,
    );
    const cardMeta = await sharp(card).metadata();
    assert.deepEqual([cardMeta.width, cardMeta.height], [216, 270], 'a 1080 × 1350 card, shrunk');
  },
);
