import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchReports, type Watcher } from '../../scripts/lib/watch/watch.ts';
import { pdfOutput } from '../../scripts/lib/render/pdf/index.ts';
import { OutputError, type OutputKind } from '../../scripts/lib/render/output.ts';
import { readPdf, squashedText } from '../support/pdf.ts';
import { root } from '../support/run-script.ts';
import { assertUntouched, snapshotDir } from '../support/out-dir.ts';

const sample = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const slug = '2026-01-20-evolving-militant-ecosystem';

/** A fast output that shows what the renderer was given: the title, one line. */
const titleOutput: OutputKind = {
  title: 'title file',
  extension: '.txt',
  async render({ report }) {
    return { bytes: new TextEncoder().encode(`${report.event.titleText}\n`), summary: 'one line' };
  },
};

interface Session {
  dir: string;
  report: string;
  lines: string[];
  problems: string[];
  watcher: Watcher;
}

async function start(kinds: OutputKind[]): Promise<Session> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-dev-'));
  await mkdir(path.join(dir, 'content'));
  await writeFile(path.join(dir, 'package.json'), '{}\n');
  const report = path.join(dir, 'content/report.yaml');
  await copyFile(sample, report);
  const lines: string[] = [];
  const problems: string[] = [];
  const watcher = watchReports({
    contentDir: path.join(dir, 'content'),
    toolRoot: root,
    outDir: path.join(dir, 'out'),
    kinds,
    creationDate: new Date(Date.UTC(2026, 0, 20)),
    debounceMs: 150,
    log: (line) => lines.push(line),
    report: (text) => problems.push(text),
  });
  await watcher.ready;
  return { dir, report, lines, problems, watcher };
}

/** Polls until `done` holds; fails after `ms` so a broken watcher cannot hang the suite. */
async function waitFor(what: string, done: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const builds = (s: Session) => s.lines.filter((l) => / (built|failed) .*report\.yaml/.test(l)).length;

test('dev rebuilds a report on save, once per burst of saves', async () => {
  const s = await start([titleOutput]);
  try {
    const out = path.join(s.dir, 'out', `${slug}.txt`);
    assert.equal(
      await readFile(out, 'utf8'),
      'The Evolving Militant Ecosystem\n',
      'the first build happens at start',
    );
    assert.equal(builds(s), 1);
    const text = await readFile(s.report, 'utf8');
    for (let i = 1; i <= 5; i++)
      await writeFile(s.report, text.replace('title: The Evolving Militant Ecosystem', `title: Draft ${i}`));
    await waitFor('the rebuild', () => builds(s) >= 2);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(builds(s), 2, `five quick saves rebuild once: ${s.lines.join('\n')}`);
    assert.equal(await readFile(out, 'utf8'), 'Draft 5\n');
    assert.match(s.lines.at(-1)!, /built .*report\.yaml in \d+\.\d\d s: .*\.txt \(one line, 8 B\)/);
  } finally {
    await s.watcher.close();
  }
});

test('dev prints a bad edit as file:line:column and keeps the last good file, then recovers', async () => {
  const s = await start([titleOutput]);
  try {
    const out = path.join(s.dir, 'out', `${slug}.txt`);
    const good = await readFile(out);
    const text = await readFile(s.report, 'utf8');
    await writeFile(
      s.report,
      text
        .replace('title: The Evolving Militant Ecosystem', 'title: Broken')
        .replace('date: 2026-01-20', 'date: 2026-01-32'),
    );
    await waitFor('the failed rebuild', () => s.lines.some((l) => / failed /.test(l)));
    assert.match(s.problems.join('\n'), /report\.yaml:9:9: event\.date: is not a real calendar date/);
    assert.match(s.problems.join('\n'), /kept as they were/);
    assert.deepEqual(await readFile(out), good, 'the last good output is untouched');
    await writeFile(s.report, text.replace('title: The Evolving Militant Ecosystem', 'title: Fixed'));
    await waitFor('the good rebuild', () => s.lines.filter((l) => / built /.test(l)).length >= 2);
    assert.equal(await readFile(out, 'utf8'), 'Fixed\n');
  } finally {
    await s.watcher.close();
  }
});

/** A second output that fails while the title says "Fail", as a renderer refusing an edit would. */
const failingOutput: OutputKind = {
  title: 'checked title file',
  extension: '.checked.txt',
  async render({ report }) {
    if (report.event.titleText.includes('Fail')) throw new OutputError('the title says Fail');
    return { bytes: new TextEncoder().encode(`${report.event.titleText} (checked)\n`), summary: 'one line' };
  },
};

test("dev puts a report's outputs in place together: a rebuild failing at its second writes neither", async () => {
  const s = await start([titleOutput, failingOutput]);
  try {
    const out = path.join(s.dir, 'out');
    assert.deepEqual((await readdir(out)).sort(), [`${slug}.checked.txt`, `${slug}.txt`]);
    const before = await snapshotDir(out);
    const text = await readFile(s.report, 'utf8');
    await writeFile(s.report, text.replace('title: The Evolving Militant Ecosystem', 'title: Fail Here'));
    await waitFor('the failed rebuild', () => s.lines.some((l) => / failed /.test(l)));
    assert.match(
      s.problems.join('\n'),
      /report\.yaml: the title says Fail\n\(outputs of .*report\.yaml kept as they were\)/,
    );
    assert.doesNotMatch(s.lines.at(-1)!, /\.txt/, `nothing is reported as written: ${s.lines.at(-1)}`);
    // The first output rendered but was not written: same bytes and times, and no temporary file left.
    await assertUntouched(out, before);
    await writeFile(s.report, text.replace('title: The Evolving Militant Ecosystem', 'title: Fixed'));
    await waitFor('the good rebuild', () => s.lines.filter((l) => / built /.test(l)).length >= 2);
    assert.equal(await readFile(path.join(out, `${slug}.txt`), 'utf8'), 'Fixed\n');
    assert.equal(await readFile(path.join(out, `${slug}.checked.txt`), 'utf8'), 'Fixed (checked)\n');
    assert.deepEqual((await readdir(out)).sort(), [`${slug}.checked.txt`, `${slug}.txt`]);
  } finally {
    await s.watcher.close();
  }
});

test('dev rebuilds the real PDF with the edited text', async () => {
  const s = await start([pdfOutput]);
  try {
    const out = path.join(s.dir, 'out', `${slug}.pdf`);
    // The cover: the event kind, then the title.
    assert.match(squashedText(await readPdf(out)), /WEBINARTheEvolvingMilitantEcosystem/);
    const text = await readFile(s.report, 'utf8');
    await writeFile(
      s.report,
      text.replace('title: The Evolving Militant Ecosystem', 'title: A Watched Title'),
    );
    await waitFor('the PDF rebuild', () => builds(s) >= 2);
    assert.equal(
      s.problems.filter((p) => !p.startsWith('warning') && !/code changed|font changed/.test(p)).length,
      0,
      s.problems.join('\n'),
    );
    const pdf = squashedText(await readPdf(out));
    assert.match(pdf, /WEBINARAWatchedTitle/);
    assert.doesNotMatch(pdf, /WEBINARTheEvolvingMilitantEcosystem/);
  } finally {
    await s.watcher.close();
  }
});

test('dev rebuilds the web edition on save: the page and its share cards', async () => {
  const { webOutput } = await import('../../scripts/lib/render/web/index.ts');
  const s = await start([webOutput]);
  try {
    const folder = path.join(s.dir, 'out', slug);
    const page = () => readFile(path.join(folder, 'index.html'), 'utf8');
    assert.match(await page(), /<h1>The Evolving Militant Ecosystem<span class="subtitle">/);
    const og = await readFile(path.join(folder, 'cards/og.png'));
    const text = await readFile(s.report, 'utf8');
    await writeFile(
      s.report,
      text.replace('title: The Evolving Militant Ecosystem', 'title: A Watched Title'),
    );
    await waitFor('the web rebuild', () => builds(s) >= 2);
    assert.equal(
      s.problems.filter((p) => !p.startsWith('warning') && !/code changed|font changed/.test(p)).length,
      0,
      s.problems.join('\n'),
    );
    const html = await page();
    assert.match(html, /<h1>A Watched Title<span class="subtitle">/);
    assert.match(html, /<title>A Watched Title: Spillover States/);
    assert.notDeepEqual(
      await readFile(path.join(folder, 'cards/og.png')),
      og,
      'the share card shows the new title',
    );
    assert.match(s.lines.at(-1)!, /built .*report\.yaml in \d+\.\d\d s: .*share cards/);
  } finally {
    await s.watcher.close();
  }
});
