import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { reportJsonSchema, REPORT_SCHEMA_FILE } from '../../scripts/lib/validate/json-schema.ts';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { schemaErrors } from '../support/json-schema-check.ts';
import { root } from '../support/run-script.ts';

const sample = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');

/** Every report that should build: the content/ reports and each fixture folder's report.yaml. */
async function goodReports(): Promise<string[]> {
  const content = (await readdir(path.join(root, 'content')))
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => path.join(root, 'content', n));
  const fixtures = (await readdir(path.join(root, 'test/fixtures')))
    .map((dir) => path.join(root, 'test/fixtures', dir, 'report.yaml'))
    .filter((file) => existsSync(file));
  return [...content, ...fixtures];
}

const jsonSchema = async () => JSON.parse(await readFile(REPORT_SCHEMA_FILE, 'utf8'));
const yamlOf = async (file: string) => parse(await readFile(file, 'utf8'));

test('content/report.schema.json is what the report schema generates now', async () => {
  const written = await readFile(REPORT_SCHEMA_FILE, 'utf8');
  assert.ok(
    written === reportJsonSchema(),
    'content/report.schema.json is stale: run `npm run schema` and commit the result',
  );
});

test('the sample report and every fixture report pass the JSON Schema editors use', async () => {
  const schema = await jsonSchema();
  const reports = await goodReports();
  assert.ok(
    reports.includes(sample) && reports.some((f) => f.includes('fixtures/photos')),
    `found ${reports.length} reports`,
  );
  for (const file of reports) {
    assert.deepEqual(schemaErrors(schema, await yamlOf(file)), [], path.relative(root, file));
  }
});

test('the JSON Schema refuses what the loader refuses: typos, missing and empty lists', async () => {
  const schema = await jsonSchema();
  const bad = (name: string) => yamlOf(path.join(root, 'test/fixtures/bad', name));
  assert.deepEqual(schemaErrors(schema, await bad('unknown-key.yaml')), [
    '$.event: missing title',
    '$.event.tilte: not allowed',
  ]);
  assert.deepEqual(schemaErrors(schema, await bad('missing-speakers.yaml')), ['$: missing speakers']);
  assert.deepEqual(schemaErrors(schema, await bad('no-speakers.yaml')), ['$.speakers: fewer than 1 items']);
  assert.match(
    schemaErrors(schema, await bad('three-problems.yaml')).join('\n'),
    /speakers\[0\]\.affilation: not allowed/,
  );
});

test('the sample report and every fixture report load into the model', async () => {
  for (const file of await goodReports()) {
    const { report } = await loadReport(file);
    assert.ok(report.speakers.length > 0 && report.recommendations.length > 0, path.relative(root, file));
  }
  const { report } = await loadReport(sample);
  assert.equal(report.slug, '2026-01-20-evolving-militant-ecosystem');
  assert.equal(report.brand.name, 'south-asia-times');
});
