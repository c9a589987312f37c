import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  environmentKey,
  freshSnapshot,
  makeSnapshot,
  snapshotDir,
} from '../../scripts/lib/snapshot/make.mjs';
import { root } from '../support/run-script.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1768900000', BRIEFPRESS_SERVER: 'off' };

/** Every file under `dir` with its SHA-256. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out[name] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/** A command in its own process (`off`), or started from the snapshot `blob` itself, as run.mjs starts it. */
function run(args: string[], blob: string | 'off') {
  const argv =
    blob === 'off' ? [path.join(root, 'scripts/run.mjs'), ...args] : ['--snapshot-blob', blob, ...args];
  return spawnSync(process.execPath, argv, {
    cwd: root,
    env: { ...env, BRIEFPRESS_SNAPSHOT: 'off' },
    encoding: 'utf8',
  });
}

test(
  'build from the start-up snapshot writes the same bytes, lines and exit codes as a build in its own process',
  { timeout: 240_000 },
  async () => {
    const blob = freshSnapshot(root) ?? (await makeSnapshot(root));
    assert.equal(freshSnapshot(root), blob, 'a snapshot just made is fresh');
    const scratch = mkdtempSync(path.join(tmpdir(), 'briefpress-snapshot-'));
    const own = run(['build', SAMPLE, '--out', path.join(scratch, 'own')], 'off');
    const restored = run(['build', SAMPLE, '--out', path.join(scratch, 'restored')], blob);
    assert.equal(own.status, 0, own.stderr);
    assert.equal(restored.status, 0, restored.stderr);
    const lines = (r: typeof own, out: string) =>
      r.stdout.replaceAll(path.join(scratch, out), 'OUT').replace(/, \d+\.\d+ s$/gm, '');
    assert.equal(lines(restored, 'restored'), lines(own, 'own'));
    const files = hashes(path.join(scratch, 'own'));
    assert.ok(
      Object.keys(files).some((f) => f.endsWith('.pdf')) &&
        Object.keys(files).some((f) => f.endsWith('.pptx')) &&
        Object.keys(files).some((f) => f.endsWith('.eml')),
    );
    assert.deepEqual(hashes(path.join(scratch, 'restored')), files);

    // A report with problems: the same message and exit code, and nothing written.
    const bad = path.join(root, 'test/fixtures/bad/missing-title.yaml');
    const ownBad = run(['build-pdf', bad, '--out', path.join(scratch, 'bad-own')], 'off');
    const restoredBad = run(['build-pdf', bad, '--out', path.join(scratch, 'bad-restored')], blob);
    assert.equal(ownBad.status, 1);
    assert.equal(restoredBad.status, ownBad.status);
    assert.equal(restoredBad.stderr, ownBad.stderr);
    assert.equal(run(['build-slides', '--no-such-option'], blob).status, 2);
    // run.mjs starts a build from that snapshot while it is fresh: the same bytes again.
    const viaRun = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/run.mjs'), 'build-pdf', SAMPLE, '--out', path.join(scratch, 'via-run')],
      { cwd: root, env: { ...env, BRIEFPRESS_SNAPSHOT: 'use' }, encoding: 'utf8' },
    );
    assert.equal(viaRun.status, 0, viaRun.stderr);
    const pdf = path.basename(Object.keys(files).find((f) => f.endsWith('.pdf') && !f.includes('/'))!);
    assert.equal(hashes(path.join(scratch, 'via-run'))[pdf], files[pdf]);
  },
);

test('a snapshot is stale once a bundled file, the lock file or the Node binary it was made with changes', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'briefpress-snapshot-key-'));
  const source = path.join(project, 'scripts/lib/layout.ts');
  mkdirSync(path.dirname(source), { recursive: true });
  writeFileSync(source, 'export const a = 1;\n');
  writeFileSync(path.join(project, 'package-lock.json'), '{"lockfileVersion":3}\n');
  const dir = snapshotDir(project);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'build-x.blob'), 'blob');
  const stamp = () => {
    const s = statSync(source);
    return [s.size, s.mtimeMs];
  };
  const manifest = (environment: string) =>
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ blob: 'build-x.blob', environment, inputs: { [source]: stamp() } }),
    );
  manifest(environmentKey(project));
  assert.equal(freshSnapshot(project), path.join(dir, 'build-x.blob'));

  writeFileSync(source, 'export const a = 2;\n');
  assert.equal(freshSnapshot(project), undefined, 'a changed source');
  manifest(environmentKey(project));
  assert.ok(freshSnapshot(project));
  writeFileSync(path.join(project, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
  assert.equal(freshSnapshot(project), undefined, 'a changed lock file');
  manifest(environmentKey(project));
  assert.ok(freshSnapshot(project));
  manifest(environmentKey(project).replace(/^./, (c) => (c === '0' ? '1' : '0')));
  assert.equal(
    freshSnapshot(project),
    undefined,
    'another Node binary (its path, version and stat are in the key)',
  );
});
