/**
 * Issue 15, items 3, 4 and 7: realistic mistakes and hostile input, run through
 * the CLI as users run it (`node scripts/run.mjs COMMAND`, what `npm run` starts).
 * Each gets one located message and exit 1 (2 for bad usage), never a stack
 * trace or a hang, and leaves the out dir exactly as an earlier good build left
 * it (bytes and modification times).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyProject } from '../support/project-copy.ts';
import { assertUntouched, snapshotDir, type DirSnapshot } from '../support/out-dir.ts';
import { readPdf, squashedText } from '../support/pdf.ts';

const GOOD = `event:
  kind: Roundtable
  title: Water Security in the Indus Basin
  date: 2026-03-04
speakers:
  - name: Amna Qureshi
    points:
      - Read the **basin report** before the *next* session.
recommendations:
  - Publish daily flow data.
`;
const SLUG = '2026-03-04-water-security-in-the-indus-basin';

let project = '';
let out = '';
let earlier: DirSnapshot;

/** `node scripts/run.mjs COMMAND ARGS…` in the project copy; a hang fails after 60 s instead of blocking the suite. */
function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/run.mjs', command, ...args], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', BRIEFPRESS_SERVER: 'off', SOURCE_DATE_EPOCH: '1768900000', ...env },
  });
  assert.equal(
    result.error,
    undefined,
    `${command} ${args.join(' ')} did not finish: ${String(result.error)}`,
  );
  return result;
}

/** One message, its status, no trace. */
function assertFails(result: ReturnType<typeof run>, status: 1 | 2, message: RegExp): void {
  assert.equal(result.status, status, `exit ${result.status}, expected ${status}:\n${result.stderr}`);
  assert.match(result.stderr, message);
  assert.doesNotMatch(
    result.stderr,
    /^\s+at .+[:(]\d+|\bError: /m,
    `a stack trace or raw error:\n${result.stderr}`,
  );
}

async function writeReport(name: string, text: string): Promise<string> {
  await writeFile(path.join(project, 'content', name), text);
  return `content/${name}`;
}

async function writeBrand(
  name: string,
  yaml: string,
  files: Record<string, string | Buffer> = {},
): Promise<void> {
  const dir = path.join(project, 'templates/brands', name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '_brand.yml'), yaml);
  for (const [file, bytes] of Object.entries(files)) await writeFile(path.join(dir, file), bytes);
}

/** A brand whose one family has the given files (written as in _brand.yml). */
const brandWith = (files: string[]) => `meta:
  name: Test
color:
  primary: "#112233"
typography:
  fonts:
    - family: Test Sans
      source: file
      files:
${files.map((f) => `        - ${f}`).join('\n')}
  base: Test Sans
`;
const NOTO = '../../fonts/noto';

describe('hostile input through the CLI (issue 15)', () => {
  before(async () => {
    project = await copyProject();
    // Only the reports each test names, not the sample.
    for (const name of await readdir(path.join(project, 'content')))
      if (name.endsWith('.yaml')) await rm(path.join(project, 'content', name));
    out = path.join(project, 'out');
    const good = await writeReport('good.yaml', GOOD);
    const first = run('build', [good]);
    assert.equal(first.status, 0, first.stderr);
    for (const ext of ['.pdf', '.pptx', '.eml', '/index.html'])
      assert.ok(existsSync(path.join(out, `${SLUG}${ext}`)), `the good build made ${SLUG}${ext}`);
    earlier = await snapshotDir(out);
  });
  after(() => rm(project, { recursive: true, force: true }));

  const untouched = () => assertUntouched(out, earlier);

  it('--out naming a file, or a path through a file: exit 2 before anything is built', async () => {
    assertFails(
      run('build', ['content/good.yaml', '--out', `out/${SLUG}.pdf`]),
      2,
      /^build: --out out\/2026-03-04-water-security-in-the-indus-basin\.pdf names a file, not a folder\. Name a folder/m,
    );
    assertFails(
      run('build:pdf'.replace(':', '-'), ['content/good.yaml', '--out', `out/${SLUG}.pdf/sub`]),
      2,
      /^build:pdf: --out .*\.pdf\/sub: .*\.pdf is a file, so no folder can be made inside it/m,
    );
    await untouched();
  });

  it('SOURCE_DATE_EPOCH that is not seconds, or past the year 9999: exit 2 naming the variable', async () => {
    assertFails(
      run('build', ['content/good.yaml'], { SOURCE_DATE_EPOCH: 'yesterday' }),
      2,
      /^build: SOURCE_DATE_EPOCH="yesterday" is not a whole number of seconds since 1970; set it to e\.g\. \$\(date \+%s\)/m,
    );
    assertFails(
      run('build', ['content/good.yaml'], { SOURCE_DATE_EPOCH: '99999999999999999' }),
      2,
      /^build: SOURCE_DATE_EPOCH="99999999999999999" is after the year 9999/m,
    );
    assertFails(
      run('dev', ['content/good.yaml'], { SOURCE_DATE_EPOCH: '-5' }),
      2,
      /^dev: SOURCE_DATE_EPOCH="-5" is not a whole number/m,
    );
    await untouched();
  });

  it(
    'a report path that is a folder, a FIFO or a device: exit 1 at file:1:1, ' +
      'and a FIFO does not hang build or check',
    async () => {
      await mkdir(path.join(project, 'content/folder.yaml'), { recursive: true });
      const fifo = path.join(project, 'content/pipe.yaml');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
      for (const command of ['build', 'check']) {
        const result = run(command, ['content/folder.yaml', 'content/pipe.yaml', '/dev/zero']);
        assertFails(
          result,
          1,
          /^content\/folder\.yaml:1:1: is a folder, not a YAML file\. Name the YAML file inside it\.$/m,
        );
        assert.match(
          result.stderr,
          /^content\/pipe\.yaml:1:1: is a named pipe \(FIFO\), not a YAML file\. briefpress reads only regular files/m,
        );
        assert.match(result.stderr, /^\/dev\/zero:1:1: is a device, not a YAML file\./m);
      }
      await rm(path.join(project, 'content/folder.yaml'), { recursive: true });
      await rm(fifo);
      await untouched();
    },
  );

  it(
    'a point starting with `!Word` (a YAML tag that would swallow the word): ' +
      'exit 1 at its line and column, with the quoted line to write',
    async () => {
      const file = await writeReport('tag.yaml', GOOD.replace('- Read the', '- !Important read the'));
      for (const command of ['build', 'check']) {
        assertFails(
          run(command, [file]),
          1,
          /^content\/tag\.yaml:8:9: text starting with `!Important` is read by YAML as a tag, and `!Important` would be lost from the text\. Put the whole text in double quotes: - "!Important read the \*\*basin report\*\* before the \*next\* session\."$/m,
        );
      }
      await rm(path.join(project, file));
      await untouched();
    },
  );

  it(
    'control characters (\\a \\e \\b \\f \\v escaped, a raw BEL) in the text: build and check ' +
      'exit 1 at each, naming it, before the deck is made',
    async () => {
      const file = await writeReport(
        'control.yaml',
        GOOD.replace(
          'title: Water Security in the Indus Basin',
          'title: "Water \\a Security \\e in \\b the \\f Indus \\v Basin"',
        ).replace('name: Amna Qureshi', 'name: Amna\x07 Qureshi'),
      );
      const found = [
        [3, 17, '0007 BELL'],
        [3, 29, '001B ESCAPE'],
        [3, 35, '0008 BACKSPACE'],
        [3, 42, '000C FORM FEED'],
        [3, 51, '000B VERTICAL TAB'],
        [6, 15, '0007 BELL'],
      ] as const;
      for (const command of ['build', 'check']) {
        const result = run(command, [file]);
        assertFails(
          result,
          1,
          /^content\/control\.yaml:3:17: event\.title: a control character \(U\+0007 BELL\) is here\. Text never holds one: it prints as nothing or as a box, and the deck's XML cannot carry it\. Delete it/m,
        );
        for (const [line, column, name] of found) {
          const at = new RegExp(
            `^content/control\\.yaml:${line}:${column}: .*a control character \\(U\\+${name}\\)`,
            'm',
          );
          assert.match(result.stderr, at);
        }
      }
      await rm(path.join(project, file));
      await untouched();
    },
  );

  it(
    'two reports whose titles have no Latin letters and share a date, or share ' +
      'report.slug: the second is refused at its title or slug by build and check, ' +
      'the first built',
    async () => {
      const chinese = (title: string) => GOOD.replace('Water Security in the Indus Basin', title);
      const a = await writeReport('slug-a.yaml', chinese('印度河流域的水安全'));
      // The same name, other words: were it built, its PDF would replace the first one's.
      const b = await writeReport(
        'slug-b.yaml',
        chinese('印度河流域的水安全').replace('Publish daily flow data.', 'Close the canals at night.'),
      );
      const c = await writeReport('slug-c.yaml', `${chinese('河流')}report:\n  slug: shared-name\n`);
      const d = await writeReport('slug-d.yaml', `${chinese('水')}report:\n  slug: shared-name\n`);
      const slugOut = path.join(project, 'out-slugs');
      for (const command of ['check', 'build-pdf']) {
        // The titles are Chinese, which the default brand cannot draw: the PDF is built anyway here (issue 11's flag).
        const result = run(command, [
          a,
          b,
          c,
          d,
          ...(command === 'check' ? [] : ['--out', slugOut, '--allow-missing-glyphs']),
        ]);
        assertFails(
          result,
          1,
          /^content\/slug-b\.yaml:3:10: event\.title: gives the outputs the name 2026-03-04-[0-9a-f]{8}, as content\/slug-a\.yaml does: this report would overwrite its .*2026-03-04-[0-9a-f]{8}\.\*\. Set report\.slug/m,
        );
        assert.match(
          result.stderr,
          /^content\/slug-d\.yaml:\d+:\d+: report\.slug: gives the outputs the name shared-name, as content\/slug-c\.yaml does/m,
        );
        assert.match(result.stderr, /2 of 4 reports/);
      }
      assert.deepEqual((await readdir(slugOut)).length, 2, 'the first of each pair was built');
      const first = (await readdir(slugOut)).find((name) => !name.startsWith('shared'))!;
      const text = squashedText(await readPdf(path.join(slugOut, first)));
      assert.match(text, /Publishdailyflowdata/, "the PDF is the first report's");
      assert.doesNotMatch(text, /Closethecanals/, 'the second report overwrote the first');
      for (const file of [a, b, c, d]) await rm(path.join(project, file));
    },
  );

  it(
    'check warns of a character no brand font can draw; build:pdf refuses it ' +
      'unless --allow-missing-glyphs (issue 11)',
    async () => {
      const file = await writeReport(
        'glyph.yaml',
        GOOD.replace('Publish daily flow data.', 'Publish daily flow data 漢.'),
      );
      const line =
        /content\/glyph\.yaml:\d+:\d+: recommendations\[0\]: 1 character of the Chinese \(Han\) script \(漢\) has no font in brand default/;
      const checked = run('check', [file]);
      assert.equal(checked.status, 0, checked.stderr);
      assert.match(checked.stderr, line);
      // Refused into the out dir of the good build: the same title and date, so it would replace that PDF.
      assertFails(run('build-pdf', [file]), 1, line);
      await untouched();
      const built = run('build-pdf', [
        file,
        '--out',
        path.join(project, 'out-glyph'),
        '--allow-missing-glyphs',
      ]);
      assert.equal(built.status, 0, built.stderr);
      assert.match(built.stderr, line);
      await rm(path.join(project, file));
    },
  );

  it(
    'a one-word title of 400 letters builds every output, share cards too, named within the file-name ' +
      'limit (was ENAMETOOLONG)',
    async () => {
      const file = await writeReport(
        'long-title.yaml',
        GOOD.replace('Water Security in the Indus Basin', 'W'.repeat(400)),
      );
      const longOut = path.join(project, 'out-long');
      // Every output: the web edition's share cards break the word too, and shorten it with a warning
      // (before: 'briefpress failed: share card text did not come out whole', exit 1).
      const result = run('build', [file, '--out', longOut]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(
        result.stderr,
        /event\.title is too long for the share card cards\/og\.png; it is shortened there to "W+…"/,
      );
      const names = await readdir(longOut);
      assert.equal(names.length, 4, names.join(', '));
      // The word is wider than the cover: check says so at its line, without failing.
      const checked = run('check', [file]);
      assert.equal(checked.status, 0, checked.stderr);
      assert.match(
        checked.stderr,
        /^warning: content\/long-title\.yaml:3:10: event\.title: the word "W{37}…" \(400 characters\) is \d+ pt wide at 31 pt, wider than its column \(479 pt\): the PDF breaks it between two letters where a line ends, without a hyphen\./m,
      );
      for (const name of names) {
        assert.ok(Buffer.byteLength(name) <= 120, `${name.length} characters: ${name}`);
        assert.match(name, /^2026-03-04-w{80}-[0-9a-f]{8}(\.pdf|\.pptx|\.eml|)$/);
      }
      await rm(path.join(project, file));
    },
  );

  it(
    'brand fonts: a fake .ttf, a folder, an absolute /usr/share/fonts path and ' +
      'a path out of the project are each refused at their line in _brand.yml, ' +
      'by check and build',
    async () => {
      await writeBrand(
        'hostile-fonts',
        brandWith([
          '{ path: fake.ttf, weight: 400, style: normal }',
          '{ path: folder.ttf, weight: 700, style: normal }',
          '{ path: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf, weight: 400, style: italic }',
          '{ path: ../../../../../../../../etc/font.ttf, weight: 700, style: italic }',
        ]),
        { 'fake.ttf': Buffer.from('this is not a font, only text saved with a .ttf name\n'.repeat(20)) },
      );
      await mkdir(path.join(project, 'templates/brands/hostile-fonts/folder.ttf'));
      const file = await writeReport('fonts.yaml', `brand: hostile-fonts\n${GOOD}`);
      const brandFile = 'templates/brands/hostile-fonts/_brand.yml';
      for (const command of ['check', 'build']) {
        const result = run(command, [file]);
        assertFails(
          result,
          1,
          new RegExp(
            `^${brandFile}:10:19: typography\\.fonts\\.0\\.files\\.0\\.path: is not ` +
              `a font file fontkit can read \\(Unknown font format\\)\\.`,
            'm',
          ),
        );
        assert.match(
          result.stderr,
          new RegExp(
            `^${brandFile}:11:19: typography\\.fonts\\.0\\.files\\.1\\.path: is a folder, not a font file\\.`,
            'm',
          ),
        );
        assert.match(
          result.stderr,
          new RegExp(
            `^${brandFile}:12:19: typography\\.fonts\\.0\\.files\\.2\\.path: must be ` +
              `a path relative to the brand folder, not an absolute path`,
            'm',
          ),
        );
        assert.match(
          result.stderr,
          new RegExp(
            `^${brandFile}:13:19: typography\\.fonts\\.0\\.files\\.3\\.path: leads ` +
              `outside the project folder, which briefpress will not read`,
            'm',
          ),
        );
      }
      await untouched();
    },
  );

  it(
    '*italic* in a report whose brand has no italic face: check and build exit ' +
      '1 at the first use, naming the family and what to add',
    async () => {
      await writeBrand(
        'no-italic',
        brandWith([
          `{ path: ${NOTO}/NotoSans-Regular.ttf, weight: 400, style: normal }`,
          `{ path: ${NOTO}/NotoSans-Bold.ttf, weight: 700, style: normal }`,
        ]),
      );
      const file = await writeReport('italic.yaml', `brand: no-italic\n${GOOD}`);
      for (const command of ['check', 'build']) {
        assertFails(
          run(command, [file]),
          1,
          /^content\/italic\.yaml:9:9: speakers\[0\]\.points\[0\]: uses \*italic\*, but the font family "Test Sans" of brand "no-italic" has no italic face, so the PDF cannot be made\. Add the italic file to typography\.fonts in templates\/brands\/no-italic\/_brand\.yml/m,
        );
      }
      // The same brand builds a report without italics: the check is about what the report uses.
      const upright = await writeReport(
        'upright.yaml',
        `brand: no-italic\n${GOOD.replace('*next*', 'next')}`,
      );
      const result = run('check', [upright]);
      assert.equal(result.status, 0, result.stderr);
      await untouched();
    },
  );

  it('SMTP_URL with a stray % in the password (was URIError): exit 2, the password never printed', async () => {
    const result = run('send', [`out/${SLUG}.eml`, '--to', 'list.csv'], {
      SMTP_URL: 'smtps://news:50%off!@smtp.example.org:465',
    });
    assertFails(
      result,
      2,
      /^send: SMTP_URL smtps:\/\/\*\*\*\*:\*\*\*\*@smtp\.example\.org:465: the password holds a % that is not followed by two hex digits; write a % in it as %25/m,
    );
    assert.doesNotMatch(result.stderr, /50%off/);
    await untouched();
  });

  it('an unexpected failure is one line naming the report and BRIEFPRESS_DEBUG, never a trace', async () => {
    // A layout that throws, as a bug would: the message says it is briefpress's fault, not the user's.
    const layout = path.join(project, 'templates/pdf/Thanks.tsx');
    const original = await (await import('node:fs/promises')).readFile(layout, 'utf8');
    await writeFile(
      layout,
      original.replace(
        /export function (\w+)\(([^)]*)\)[^{]*\{/,
        'export function $1($2): never {\n  throw new TypeError("layout exploded");',
      ),
    );
    const file = await writeReport(
      'thanks.yaml',
      `${GOOD}thanks:\n  name: Dr. Ayesha Siddiqa\n  text: Thank you.\n`,
    );
    try {
      const result = run('build', [file]);
      assertFails(
        result,
        1,
        /^content\/thanks\.yaml: briefpress failed: layout exploded\nThis is a bug in briefpress, not in your files: please report it with the command you ran\. BRIEFPRESS_DEBUG=1 prints the details\.$/m,
      );
      const debug = run('build-pdf', [file], { BRIEFPRESS_DEBUG: '1' });
      assert.equal(debug.status, 1);
      assert.match(debug.stderr, /TypeError: layout exploded\n\s+at /, 'BRIEFPRESS_DEBUG=1 shows the trace');
    } finally {
      await writeFile(layout, original);
    }
    await untouched();
  });
});
