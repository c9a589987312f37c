import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { InputError } from '../../scripts/lib/problems.ts';
import { runScript } from '../support/run-script.ts';

/** A small valid report with `name` as the first speaker's name and `point` as their point, written byte for byte. */
function report({ name = 'Li Wei', point = 'Publish the flow data daily.', language = '' } = {}): string {
  return [
    '# Text hygiene case (test/load/text-hygiene.test.ts)',
    'event:',
    '  kind: Seminar',
    '  title: Sharing River Data',
    '  date: 2026-05-12',
    ...(language ? ['report:', `  language: ${language}`] : []),
    'speakers:',
    `  - name: ${name}`,
    '    points:',
    `      - ${point}`,
    'recommendations:',
    '  - Publish one ledger.',
    '',
  ].join('\n');
}

let temp = '';
const file = (name: string) => path.join(temp, name);

before(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'briefpress-hygiene-'));
  await writeFile(file('override.yaml'), report({ name: 'Li \u202EieW' }));
  await writeFile(file('override-escaped.yaml'), report({ point: '"Publish \\u202Ethe data."' }));
  await writeFile(
    file('control.yaml'),
    report({ name: 'Li\u0007 Wei', point: '"A NUL\\0 escape and an ESC \\x1b here."' }),
  );
  await writeFile(file('urdu-isolate.yaml'), report({ name: 'عائشہ \u2067صدیقہ\u2069', language: 'ur' }));
  await writeFile(
    file('zero-width.yaml'),
    report({ name: 'فرہاد\u200Cعلی', point: 'Zero\u200Bwidth and a stray join\u200Der here.' }),
  );
  await writeFile(file('decomposed.yaml'), report({ name: 'Rene\u0301e Nguye\u0302\u0303n' }));
});
after(() => rm(temp, { recursive: true, force: true }));

async function problemsOf(name: string): Promise<string[]> {
  const error = await loadReport(file(name)).then(
    () => assert.fail(`${name} loaded`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InputError, String(error));
  return error.message.split('\n').map((line) => line.slice(line.indexOf(name) + name.length));
}

describe('text hygiene at load time', () => {
  it('refuses a right-to-left override written raw, at its line and column', async () => {
    const [line, ...rest] = await problemsOf('override.yaml');
    assert.deepEqual(rest, []);
    assert.match(
      line!,
      /^:7:14: speakers\[0\]\.name: a bidirectional control \(U\+202E RIGHT-TO-LEFT OVERRIDE\) is here: .*"Trojan Source".* set `report\.language`/,
    );
  });

  it('refuses an override written as an escape, pointing at the escape', async () => {
    const [line] = await problemsOf('override-escaped.yaml');
    assert.match(line!, /^:9:18: speakers\[0\]\.points\[0\]: a bidirectional control \(U\+202E/);
  });

  it('refuses control characters (raw BEL, escaped NUL and ESC), each located', async () => {
    const lines = await problemsOf('control.yaml');
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(
      lines[0]!,
      /^:7:13: speakers\[0\]\.name: a control character \(U\+0007 BELL\) is here\. .*Delete it/,
    );
    assert.match(lines[1]!, /^:9:15: speakers\[0\]\.points\[0\]: a control character \(U\+0000 NUL\)/);
    assert.match(lines[2]!, /^:9:36: speakers\[0\]\.points\[0\]: a control character \(U\+001B ESCAPE\)/);
  });

  it('allows bidi isolates in a report in a right-to-left language', async () => {
    const { report } = await loadReport(file('urdu-isolate.yaml'));
    assert.equal(report.language, 'ur');
    assert.ok(report.speakers[0]!.nameText.includes('\u2067'));
  });

  it(
    'warns once per field about zero-width characters, but not about a non-joiner ' +
      'inside an Arabic-script word',
    async () => {
      const { warnings } = await loadReport(file('zero-width.yaml'));
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(
        warnings[0]!,
        /zero-width\.yaml:9:13: speakers\[0\]\.points\[0\]: 2 invisible zero-width characters \(U\+200B ZERO WIDTH SPACE, U\+200D ZERO WIDTH JOINER\), the first here/,
      );
    },
  );

  it('normalises text to NFC once, at load', async () => {
    const { report } = await loadReport(file('decomposed.yaml'));
    assert.equal(report.speakers[0]!.nameText, 'Renée Nguyễn'.normalize('NFC'));
    assert.ok(report.speakers[0]!.nameText.normalize('NFC') === report.speakers[0]!.nameText);
  });
});

describe('a control character never reaches the deck', () => {
  it('build:slides refuses it at file:line:column, exits 1 and writes no deck (its XML cannot hold one)', async () => {
    const out = path.join(temp, 'out');
    const run = runScript('build-slides', [file('control.yaml'), '--out', out]);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /control\.yaml:7:13: speakers\[0\]\.name: a control character \(U\+0007 BELL\)/);
    assert.ok(!existsSync(out) || (await readdir(out)).length === 0, 'a deck was written');
  });
});
