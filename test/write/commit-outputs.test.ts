/**
 * Issue 15, item 5: all outputs of one report are put in place together after
 * all have been built; a failed step leaves every earlier file as it was
 * (bytes and modification times), through the CLI as users run it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../support/run-script.ts';
import { assertUntouched, snapshotDir } from '../support/out-dir.ts';

const REPORT = path.join(root, 'test/fixtures/minimal/report.yaml');
const SLUG = '2026-03-04-water-security-in-the-indus-basin';
let temp = '';
let good = '';

function build(out: string, ...extra: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/run.mjs'), 'build', REPORT, '--out', out, ...extra],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1', BRIEFPRESS_SERVER: 'off', SOURCE_DATE_EPOCH: '1768900000' },
    },
  );
  assert.equal(result.error, undefined, String(result.error));
  return result;
}

/** A copy of the good build's out dir, as a failing build finds it. */
async function earlierBuild(name: string): Promise<string> {
  const out = path.join(temp, name);
  await cp(good, out, { recursive: true, preserveTimestamps: true });
  return out;
}

describe('outputs of a report are committed together (issue 15)', () => {
  before(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'briefpress-commit-'));
    good = path.join(temp, 'good');
    const first = build(good);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual((await readdir(good)).sort(), [SLUG, `${SLUG}.eml`, `${SLUG}.pdf`, `${SLUG}.pptx`]);
  });
  after(() => rm(temp, { recursive: true, force: true }));

  it(
    'build --max-size 0.01 after a good build fails at the e-mail and leaves ' +
      'the earlier PDF, deck and web edition untouched',
    async () => {
      const out = await earlierBuild('max-size');
      const earlier = await snapshotDir(out);
      const result = build(out, '--max-size', '0.01');
      assert.equal(result.status, 1, result.stderr);
      assert.match(
        result.stderr,
        /report\.yaml: the e-mail would be \d+ kB \(\d+ bytes\), over its limit of 0\.01 MB/,
      );
      assert.doesNotMatch(result.stderr, /^\s+at /m);
      assert.equal(result.stdout, '', 'no output is reported as written');
      await assertUntouched(out, earlier);
    },
  );

  it(
    'a step that fails while the outputs are put in place (a folder where the ' +
      'e-mail goes) puts back the PDF and deck already swapped',
    async () => {
      const out = await earlierBuild('eml-folder');
      await rm(path.join(out, `${SLUG}.eml`));
      await mkdir(path.join(out, `${SLUG}.eml`));
      await writeFile(path.join(out, `${SLUG}.eml`, 'kept.txt'), 'not an e-mail\n');
      const earlier = await snapshotDir(out);
      // The PDF and deck are renamed into place before the e-mail's turn comes: let their new mtimes be
      // visible if kept.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const result = build(out);
      assert.equal(result.status, 1, result.stderr);
      assert.match(
        result.stderr,
        new RegExp(`${SLUG}\\.eml: is a folder where a file was expected\\. Name a file\\.`),
      );
      assert.doesNotMatch(result.stderr, /^\s+at /m);
      await assertUntouched(out, earlier);
    },
  );

  it('a good build replaces all four together, leaving no temporary or kept-aside file', async () => {
    const out = await earlierBuild('rebuild');
    const before = await stat(path.join(out, `${SLUG}.pdf`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = build(out);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => path.basename(l.split('  ')[0]!)),
      [`${SLUG}.pdf`, `${SLUG}.pptx`, `${SLUG}.eml`, SLUG],
    );
    assert.deepEqual(
      (await readdir(out)).sort(),
      [SLUG, `${SLUG}.eml`, `${SLUG}.pdf`, `${SLUG}.pptx`],
      'no .tmp or .old left',
    );
    assert.ok((await stat(path.join(out, `${SLUG}.pdf`))).mtimeMs > before.mtimeMs, 'the PDF was replaced');
    // The e-mail and the web edition carry the PDF built in this run, byte for byte.
    const pdf = await readFile(path.join(out, `${SLUG}.pdf`));
    assert.ok((await readFile(path.join(out, SLUG, `${SLUG}.pdf`))).equals(pdf));
  });
});
