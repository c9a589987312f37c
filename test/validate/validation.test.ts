import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { InputError } from '../../scripts/lib/problems.ts';
import { root, runScript } from '../support/run-script.ts';

/** One expected problem: `line:column`, the document path (or '' for the file), and the message's key words
 * and advice. */
type Expected = [at: string, where: string, words: RegExp];

const bad = (name: string) => path.join(root, 'test/fixtures/bad', name);

/** The committed corpus (test/fixtures/bad/), each file with every problem it must report. */
const corpus: Record<string, Expected[]> = {
  'syntax-error.yaml': [
    [
      '4:23',
      '',
      /^this ": " inside the text makes YAML read a new key\. Put the whole text in double quotes: title: "Water Sharing: the Indus Treaty"$/,
    ],
  ],
  'tab-indent.yaml': [['8:1', '', /^tab used for indentation; .*Replace the tab with spaces\.$/]],
  'unknown-key.yaml': [['4:3', 'event', /^unknown key `tilte`; did you mean `title`\? Rename it\.$/]],
  'impossible-date.yaml': [
    [
      '5:9',
      'event.date',
      /^is not a real calendar date: February 2026 has 28 days\. Check the day and the month$/,
    ],
  ],
  'end-before-start.yaml': [
    ['7:8', 'event.end', /^must be after the start \(16:00\)\. Times are 24-hour: write 18:00 for 6 pm$/],
  ],
  'missing-title.yaml': [['2:1', 'event.title', /^is missing\. Add `title:` under `event:`\.$/]],
  'no-speakers.yaml': [
    ['6:11', 'speakers', /^needs at least one speaker: add `- name: …` with its `points:`/],
  ],
  'missing-speakers.yaml': [
    [
      '2:1',
      'speakers',
      /^is missing\. Add `speakers:` with at least one `- name: …` and its `points:`, at the top level/,
    ],
  ],
  'empty.yaml': [
    ['1:1', '', /^file is empty\. .*`event`, `speakers` and `recommendations`: start one with `npm run new/],
  ],
  'only-comments.yaml': [['1:1', '', /^the file holds only comments or blank lines\. Write its keys/]],
  'alias-bomb.yaml': [
    ['3:8', '', /^too many aliases \(50 at most\): this looks like an alias bomb\. Write the text out/],
  ],
  'path-escape.yaml': [
    ['8:12', 'speakers[0].photo', /^leads outside the project folder, .*Copy the image into the project/],
    [
      '12:12',
      'speakers[1].photo',
      /^must be a path relative to this file, not an absolute path: copy the image into the project/,
    ],
  ],
  'url-photo.yaml': [
    [
      '8:12',
      'speakers[0].photo',
      /^must be a file path, not a URL: download the image into the project and name its path$/,
    ],
  ],
  'http-url.yaml': [
    [
      '7:8',
      'report.url',
      /^must be a full https:\/\/ address without user name or password, e\.g\. https:\/\/www\.example\.org\/briefs\/water-2026\/$/,
    ],
  ],
  'missing-photo.yaml': [
    [
      '8:12',
      'speakers[0].photo',
      /^no image at test\/fixtures\/bad\/photos\/ayesha-siddiqa\.jpg\. Check the spelling \(paths are relative to this file/,
    ],
  ],
  'duplicate-key.yaml': [
    [
      '6:3',
      '',
      /^`date` is written twice in the same place \(first on line 5\)\. .*keep one and delete the other\.$/,
    ],
  ],
  'unknown-brand.yaml': [
    [
      '2:8',
      'brand',
      /^no brand `south-asia-time` in templates\/brands\/\. Did you mean `south-asia-times`\? Brands here: default, paper, south-asia-times\.$/,
    ],
  ],
  'three-problems.yaml': [
    ['5:9', 'event.date', /^is not a real calendar date: there is no month 13\./],
    ['8:5', 'speakers[0]', /^unknown key `affilation`; did you mean `affiliation`\?/],
    ['9:13', 'speakers[0].points', /^needs at least one point: add a line `- …` below `points:`$/],
  ],
  'links.yaml': [
    [
      '9:36',
      'speakers[0].points[0]',
      /^links to `javascript:` are not allowed \(only https:, http:, mailto: and tel:\): .*Link to a full address \(https:\/\/…\), an e-mail address \(mailto:…\) or a phone number \(tel:…\)\.$/,
    ],
    ['10:34', 'speakers[0].points[1]', /^links to `file:` are not allowed/],
    ['10:69', 'speakers[0].points[1]', /^links to `data:` are not allowed/],
    [
      '10:112',
      'speakers[0].points[1]',
      /^the link target `\.\.\/annex\.pdf` is not a full address; a relative path or #anchor means nothing/,
    ],
    ['14:37', 'recommendations[0].text', /^the link target `#minutes` is not a full address/],
    ['15:8', 'recommendations[0].text', /^links to `vbscript:` are not allowed/],
    // Linked as https://file:///etc/passwd and as an empty tel: before.
    ['17:12', 'contact.website', /^links to `file:` are not allowed for a website/],
    ['18:10', 'contact.phone', /^`call the desk` has no digits to dial; it is linked as tel:…/],
  ],
  'every-stage.yaml': [
    ['2:8', 'brand', /^no brand `sat` in templates\/brands\/\. Brands here: /],
    ['7:3', 'event', /^unknown key `venu`; did you mean `venue`\?/],
    ['10:12', 'speakers[0].photo', /^no image at test\/fixtures\/bad\/ayesha\.jpg\./],
  ],
};

/** Cases made at run time: odd bytes, a big file and symlinks, which git stores poorly. */
const generated: Record<string, Expected[]> = {
  'latin-1.yaml': [
    [
      '4:28',
      '',
      /^not valid UTF-8 text \(it looks like Latin-1 or Windows-1252, where this byte is "ü"\)\. Save the file as UTF-8/,
    ],
  ],
  'binary.yaml': [['1:1', '', /^this is a binary file .*not YAML text\. Name a \.yaml report here\.$/]],
  'utf-16.yaml': [['1:1', '', /^this file is saved as UTF-16 .*Save it as UTF-8/]],
  'too-big.yaml': [['1:1', '', /^file is 1025 KiB; a report may be 1024 KiB \(1 MiB\) at most\./]],
  'not-there.yaml': [['1:1', '', /^file not found\. Check the path/]],
  'colon-in-point.yaml': [
    [
      '9:9',
      'speakers[0].points[0]',
      /^must be text, but a ": " in it made YAML read `key: value`\. Put the whole text in double quotes$/,
    ],
  ],
  'project/symlinks.yaml': [
    [
      '8:12',
      'speakers[0].photo',
      /^is a link to a file outside the project folder, .*Copy the image into the project instead\.$/,
    ],
    ['12:12', 'speakers[1].photo', /^is a link to a file outside the project folder/],
  ],
};

const GOOD = (await readFile(bad('missing-photo.yaml'), 'utf8')).replace(/^ {4}photo: .*\n/m, '');
let temp: string;

before(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'briefpress-bad-'));
  await writeFile(
    path.join(temp, 'latin-1.yaml'),
    Buffer.from(GOOD.replace('Water Sharing on the Indus', 'Water Sharing in Zürich'), 'latin1'),
  );
  await copyFile(path.join(root, 'test/fixtures/photos/speaker-gulsen.png'), path.join(temp, 'binary.yaml'));
  await writeFile(
    path.join(temp, 'utf-16.yaml'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]),
  );
  await writeFile(
    path.join(temp, 'colon-in-point.yaml'),
    GOOD.replace('The treaty has outlived three wars.', 'The minister said: the treaty stands.'),
  );
  const filler = `# ${'x'.repeat(1021)}\n`.repeat(1025);
  await writeFile(
    path.join(temp, 'too-big.yaml'),
    GOOD + filler.slice(0, 1024 * 1025 - Buffer.byteLength(GOOD)),
  );
  // A project of its own (package.json) whose report names a symlinked file and a file in a symlinked folder,
  // both outside it.
  const project = path.join(temp, 'project');
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), '{}\n');
  await symlink(path.join(root, 'test/fixtures/photos/speaker-lukasz.jpg'), path.join(project, 'linked.jpg'));
  await symlink(path.join(root, 'test/fixtures/photos'), path.join(project, 'photos'));
  const second =
    '  - name: Mr. Shafqat Kakakhel\n    photo: photos/speaker-nguyen.webp\n ' +
    '   points:\n      - Glacier melt changes the arithmetic of the treaty.\n';
  const linked = GOOD.replace('    points:\n', '    photo: linked.jpg\n    points:\n').replace(
    'recommendations:',
    `${second}recommendations:`,
  );
  await writeFile(path.join(project, 'symlinks.yaml'), linked);
});

after(() => rm(temp, { recursive: true, force: true }));

const fileOf = (name: string) => (name in corpus ? bad(name) : path.join(temp, name));
/** The problem lines the CLI must print for a case: `file:line:column: where: message`. */
const linesFor = (name: string) => {
  const shown = path.relative(process.cwd(), fileOf(name));
  return [...(corpus[name] ?? generated[name])!].map(
    ([at, where]) => `${shown.startsWith('..') ? fileOf(name) : shown}:${at}: ${where ? `${where}: ` : ''}`,
  );
};

for (const [name, expected] of Object.entries({ ...corpus, ...generated })) {
  test(
    `bad input: ${name} is refused with ` +
      `${expected.length === 1 ? 'its problem' : `all ${expected.length} problems`}, ` +
      `each at file:line:column with what to do`,
    async () => {
      const error = await loadReport(fileOf(name)).then(
        () => assert.fail(`${name} loaded`),
        (e: unknown) => e,
      );
      assert.ok(error instanceof InputError, `${name}: ${String(error)}`);
      const lines = error.message.split('\n');
      assert.equal(lines.length, expected.length, error.message);
      const prefixes = linesFor(name);
      lines.forEach((line, i) => {
        const prefix = prefixes[i]!;
        assert.ok(line.startsWith(prefix), `expected «${prefix}…», got «${line}»`);
        assert.match(line.slice(prefix.length), expected[i]![2]);
      });
    },
  );
}

test('the fixture without its problem loads, so each case fails for its own reason', async () => {
  const file = path.join(temp, 'good.yaml');
  await writeFile(file, GOOD);
  const { report } = await loadReport(file);
  assert.equal(report.slug, '2026-01-20-water-sharing-on-the-indus');
});

/** Every file of `dir` with its bytes and modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const file = path.join(dir, name);
    entries[name] = `${createHash('sha256')
      .update(await readFile(file))
      .digest('hex')} ${(await stat(file)).mtimeMs}`;
  }
  return entries;
}

test(
  'build:pdf on the whole corpus exits 1, prints every problem on stderr, ' +
    'and leaves OUT exactly as it was',
  async () => {
    const out = path.join(temp, 'out');
    const good = path.join(temp, 'good.yaml');
    await writeFile(good, GOOD);
    const first = runScript('build-pdf', [good, '--out', out]);
    assert.equal(first.status, 0, first.stderr);
    const pdf = path.join(out, '2026-01-20-water-sharing-on-the-indus.pdf');
    assert.ok(existsSync(pdf), 'the good build wrote the PDF every bad case would overwrite');
    await writeFile(path.join(out, 'notes.txt'), 'kept as it is\n');
    const before = await snapshot(out);

    const names = [...Object.keys(corpus), ...Object.keys(generated)];
    const run = runScript('build-pdf', [...names.map(fileOf), '--out', out]);
    assert.equal(run.status, 1, run.stderr);
    for (const name of names) {
      for (const prefix of linesFor(name))
        assert.ok(run.stderr.includes(prefix), `stderr lacks «${prefix}»:\n${run.stderr}`);
    }
    assert.match(run.stderr, new RegExp(`${names.length} of ${names.length} reports failed`));
    assert.equal(run.stdout, '', 'nothing was reported as written');
    assert.deepEqual(await snapshot(out), before, 'OUT changed');
  },
);

test('build:pdf: bad usage exits 2 and points to --help; --help exits 0', () => {
  const bogus = runScript('build-pdf', ['--bogus']);
  assert.equal(bogus.status, 2, bogus.stderr);
  assert.match(bogus.stderr, /--bogus/);
  assert.match(bogus.stderr, /--help/);
  const help = runScript('build-pdf', ['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: npm run build:pdf/);
  assert.match(help.stdout, /--out DIR/);
});
