import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, runScript } from '../support/run-script.ts';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { scaffold } from '../../scripts/lib/cli/new-report.ts';
import { reportSchema } from '../../scripts/lib/validate/report-schema.ts';

test('new writes <date>-<title>.yaml that validates as written, with the event filled in', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-new-'));
  const run = runScript('new', [
    'The Evolving: Militant *Ecosystem*',
    '--date',
    '2026-02-03',
    '--kind',
    'Roundtable',
    '--brand',
    'south-asia-times',
    '--dir',
    dir,
  ]);
  assert.equal(run.status, 0, run.stderr);
  const file = path.join(dir, '2026-02-03-the-evolving-militant-ecosystem.yaml');
  assert.match(run.stdout, /the-evolving-militant-ecosystem\.yaml written/);
  const { report } = await loadReport(file);
  assert.equal(report.event.titleText, 'The Evolving: Militant Ecosystem');
  assert.equal(report.event.kind, 'Roundtable');
  assert.equal(report.event.date, '2026-02-03');
  assert.equal(report.slug, '2026-02-03-the-evolving-militant-ecosystem');
  assert.equal(report.brand.name, 'south-asia-times');
  const firstLine = (await readFile(file, 'utf8')).split('\n')[0]!;
  const named = /\$schema=(\S+)$/.exec(firstLine)?.[1];
  assert.ok(named, firstLine);
  assert.equal(path.resolve(dir, named), path.join(root, 'content/report.schema.json'));
});

test('new in content/ names ./report.schema.json and shows every section of the format', async () => {
  const text = await scaffold(
    {
      title: 'Water Security',
      date: '2026-03-01',
      kind: 'Webinar',
      brand: 'default',
      dir: path.join(root, 'content'),
    },
    'x',
  );
  assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=./report.schema.json');
  for (const key of Object.keys(reportSchema.shape).filter((k) => k !== '$schema')) {
    assert.match(text, new RegExp(`^(# )?${key}:`, 'm'), `section ${key} is neither present nor commented`);
  }
});

test('new refuses to overwrite an existing report (exit 1) and leaves it as it was', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-new-'));
  const file = path.join(dir, '2026-02-03-water-security.yaml');
  await writeFile(file, 'mine\n');
  const run = runScript('new', ['Water Security', '--date', '2026-02-03', '--dir', dir]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /already exists/);
  assert.equal(await readFile(file, 'utf8'), 'mine\n');
});

test(
  'new rejects a date that does not exist, an unknown brand and a missing ' +
    'title (exit 2, nothing written)',
  async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-new-'));
    for (const args of [
      ['T', '--date', '2026-02-30'],
      ['T', '--date', '03/02/2026'],
      ['T', '--brand', 'nope'],
      [],
    ]) {
      const run = runScript('new', [...args, '--dir', dir]);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /--help/);
    }
    assert.deepEqual(await readdir(dir), []);
  },
);

test('new --help explains the options', () => {
  const run = runScript('new', ['--help']);
  assert.equal(run.status, 0);
  for (const option of ['--date', '--kind', '--brand', '--dir'])
    assert.ok(run.stdout.includes(option), option);
});
