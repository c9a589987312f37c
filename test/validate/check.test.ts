import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, runScript } from '../support/run-script.ts';
import { schemaChecker } from '../../scripts/lib/validate/hints.ts';
const sample = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');

/** A temp project: package.json, content/ with the current schema and the sample report. */
async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-check-'));
  await mkdir(path.join(dir, 'content'));
  await writeFile(path.join(dir, 'package.json'), '{}\n');
  await copyFile(path.join(root, 'content/report.schema.json'), path.join(dir, 'content/report.schema.json'));
  await copyFile(sample, path.join(dir, 'content/sample.yaml'));
  return dir;
}

test('check passes every report of content/ with an ok line each (exit 0)', async () => {
  const dir = await project();
  // A second report of its own name: one with the sample's would overwrite its outputs, which check refuses.
  await writeFile(
    path.join(dir, 'content/second.yaml'),
    (await readFile(sample, 'utf8')).replace(/^( +slug: ).*$/m, '$1second-report'),
  );
  const run = runScript('check', [], dir);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.stdout.trim().split('\n'), ['ok  content/sample.yaml', 'ok  content/second.yaml']);
  assert.equal(run.stderr, '');
});

test('check prints each problem as file:line:column and exits 1, still checking the others', async () => {
  const dir = await project();
  const text = (await readFile(sample, 'utf8'))
    .replace('date: 2026-01-20', 'date: 2026-02-30')
    .replace('  venue:', '  venu:');
  await writeFile(path.join(dir, 'content/bad.yaml'), text);
  const run = runScript('check', [], dir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^content\/bad\.yaml:9:9: event\.date: is not a real calendar date/m);
  assert.match(run.stderr, /^content\/bad\.yaml:\d+:3: event: unknown key `venu`; did you mean `venue`\?/m);
  assert.match(run.stdout, /^ok {2}content\/sample\.yaml$/m);
  assert.match(run.stderr, /1 of 2 reports has problems/);
});

test('check warns, without failing, when the schema line names a stale or missing schema', async () => {
  const dir = await project();
  const fresh = runScript('check', ['content/sample.yaml'], dir);
  assert.equal(fresh.stderr, '', 'the current schema draws no warning');
  await writeFile(path.join(dir, 'content/report.schema.json'), '{"type": "object"}\n');
  const stale = runScript('check', ['content/sample.yaml'], dir);
  assert.equal(stale.status, 0);
  assert.match(
    stale.stderr,
    /^warning: content\/sample\.yaml:1:1: \.\/report\.schema\.json is out of date .*npm run schema/m,
  );
  const moved = (await readFile(sample, 'utf8')).replace(
    '$schema=./report.schema.json',
    '$schema=./gone.json',
  );
  await writeFile(path.join(dir, 'content/sample.yaml'), moved);
  assert.match(
    runScript('check', ['content/sample.yaml'], dir).stderr,
    /names \.\/gone\.json, which does not exist/,
  );
});

test('check warns about TODO placeholders left from npm run new', async () => {
  const dir = await project();
  const newRun = runScript('new', ['Water', '--date', '2026-03-01', '--dir', 'content'], dir);
  assert.equal(newRun.status, 0, newRun.stderr);
  const run = runScript('check', ['content/2026-03-01-water.yaml'], dir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^warning: content\/2026-03-01-water\.yaml:\d+:\d+: placeholder text/m);
  assert.doesNotMatch(run.stderr, /schema/, 'new writes a schema line that resolves');
});

test('check: bad usage exits 2, --help exits 0', () => {
  const bad = runScript('check', ['--frobnicate']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Unknown option/);
  const help = runScript('check', ['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: npm run check/);
});

test('a stale schema file is reported even when no report names it, and only once', async () => {
  const dir = await project();
  const stale = path.join(dir, 'content/report.schema.json');
  await writeFile(stale, '{}\n');
  const schemas = schemaChecker();
  assert.match(
    schemas.forFile(stale, 'content/report.schema.json') ?? '',
    /^content\/report\.schema\.json: content\/report\.schema\.json is out of date/,
  );
  const fresh = schemaChecker();
  assert.match(
    fresh.forReport(path.join(dir, 'content/sample.yaml'), await readFile(sample, 'utf8')) ?? '',
    /out of date/,
  );
  assert.equal(
    fresh.forFile(stale, 'content/report.schema.json'),
    undefined,
    'already said for the report that names it',
  );
});
