import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFile, lstat, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyProject } from '../support/project-copy.ts';
import { root } from '../support/run-script.ts';

const report = 'content/2026-01-20-evolving-militant-ecosystem.yaml';
const slug = '2026-01-20-evolving-militant-ecosystem';

let project = '';
let server: ChildProcess | undefined;
let log = '';

/** `node scripts/run.mjs build-pdf REPORT --out OUT` in the copy, through the server when `served`, else in
 * its own process. */
function buildPdf(out: string, served: boolean, file = report, extra: Record<string, string> = {}) {
  const env = {
    ...process.env,
    SOURCE_DATE_EPOCH: '1768900000',
    NO_COLOR: '1',
    BRIEFPRESS_SERVER: served ? 'on' : 'off',
    ...extra,
  };
  const result = spawnSync(process.execPath, ['scripts/run.mjs', 'build-pdf', file, '--out', out], {
    cwd: project,
    encoding: 'utf8',
    env,
  });
  // The seconds at the end of each line are the only part that may differ.
  return {
    status: result.status,
    stdout: result.stdout.replace(/\d+\.\d\d s$/gm, 'N s'),
    stderr: result.stderr,
  };
}

const pdf = (out: string) => readFile(path.join(project, out, `${slug}.pdf`));

/** Waits until the server's output has `count` lines matching `pattern`. */
async function logged(pattern: RegExp, count = 1, ms = 180_000): Promise<void> {
  const until = Date.now() + ms;
  while ((log.match(new RegExp(pattern, 'gm')) ?? []).length < count) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${pattern} in the server's output:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the warm build server (npm run serve)', () => {
  before(async () => {
    project = await copyProject();
    server = spawn(process.execPath, ['scripts/run.mjs', 'serve'], {
      cwd: project,
      env: { ...process.env, BRIEFPRESS_SERVER: 'on' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    await logged(/^Build server ready/m);
  });
  after(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(project, { recursive: true, force: true });
  });

  it(
    'listens on a socket only this user can reach, and builds the same bytes, ' +
      'lines and exit codes as a build in its own process',
    async () => {
      const socket = await lstat(path.join(project, 'node_modules/.cache/briefpress-serve/build.sock'));
      const folder = await lstat(path.join(project, 'node_modules/.cache/briefpress-serve'));
      assert.ok(socket.isSocket());
      assert.equal(socket.mode & 0o777, 0o600);
      assert.equal(folder.mode & 0o777, 0o700);
      assert.equal(socket.uid, process.getuid!());

      const served = buildPdf('out-served', true);
      await logged(/served build-pdf/);
      const own = buildPdf('out-own', false);
      assert.equal(served.status, 0, served.stderr);
      assert.deepEqual(served, { ...own, stdout: own.stdout.replaceAll('out-own', 'out-served') });
      assert.ok((await pdf('out-served')).equals(await pdf('out-own')));

      await copyFile(
        path.join(root, 'test/fixtures/bad/missing-title.yaml'),
        path.join(project, 'content/missing-title.yaml'),
      );
      const servedBad = buildPdf('out-bad', true, 'content/missing-title.yaml');
      await logged(/served build-pdf/, 2);
      assert.deepEqual(servedBad, buildPdf('out-bad', false, 'content/missing-title.yaml'));
      assert.equal(servedBad.status, 1);
      assert.match(servedBad.stderr, /missing-title\.yaml:\d+:\d+/);
      await rm(path.join(project, 'content/missing-title.yaml'));
    },
  );

  it('a touched file with the same content is no change: the next build is still served', async () => {
    const layout = path.join(project, 'templates/pdf/theme.ts');
    const now = new Date();
    await utimes(layout, now, now);
    buildPdf('out-touched', true);
    await logged(/served build-pdf/, 3);
    assert.doesNotMatch(log, /declined|restarting/);
  });

  it(
    'never serves a changed layout or font: it declines, restarts with the new ' +
      'files, and builds what a fresh process builds',
    async () => {
      const before = await pdf('out-own');

      // A layout: the body text size.
      const layout = path.join(project, 'templates/pdf/theme.ts');
      await writeFile(layout, (await readFile(layout, 'utf8')).replace('body: 10.2,', 'body: 10.4,'));
      const afterLayout = buildPdf('out-layout', true);
      assert.equal(afterLayout.status, 0, afterLayout.stderr);
      assert.equal(buildPdf('out-layout-own', false).status, 0);
      assert.ok(!(await pdf('out-layout')).equals(before), 'the changed layout is used');
      assert.ok((await pdf('out-layout')).equals(await pdf('out-layout-own')));
      await logged(/^templates\/pdf\/theme\.ts changed: restarting/m);
      await logged(/^Build server ready/m, 2);

      // A brand font, same path, other bytes: the body's regular face becomes the bold one.
      const font = path.join(project, 'templates/fonts/noto/NotoSans-Regular.ttf');
      await copyFile(path.join(project, 'templates/fonts/noto/NotoSans-Bold.ttf'), font);
      await logged(/^templates\/fonts\/noto\/NotoSans-Regular\.ttf changed: restarting/m);
      await logged(/^Build server ready/m, 3);
      const afterFont = buildPdf('out-font', true);
      await logged(/served build-pdf/, 4);
      assert.equal(buildPdf('out-font-own', false).status, 0);
      assert.ok(!(await pdf('out-font')).equals(await pdf('out-layout')), 'the changed font is used');
      assert.ok((await pdf('out-font')).equals(await pdf('out-font-own')));
      assert.equal(afterFont.status, 0, afterFont.stderr);
    },
  );

  it(
    'hostile input gets the same one-line messages and exit codes from the server ' +
      'as in its own process (issue 15)',
    async () => {
      let served = (log.match(/served build-pdf/g) ?? []).length;
      await mkdir(path.join(project, 'content/folder.yaml'));
      const cases: [string, string, Record<string, string>, number, RegExp][] = [
        [
          'out-bad',
          report,
          { SOURCE_DATE_EPOCH: 'yesterday' },
          2,
          /^build:pdf: SOURCE_DATE_EPOCH="yesterday" is not a whole number of seconds/,
        ],
        [report, report, {}, 2, /^build:pdf: --out content\/.*\.yaml names a file, not a folder/],
        ['out-bad', 'content/folder.yaml', {}, 1, /^content\/folder\.yaml:1:1: is a folder, not a YAML file/],
      ];
      for (const [out, file, env, status, message] of cases) {
        const viaServer = buildPdf(out, true, file, env);
        await logged(/served build-pdf/, ++served);
        assert.equal(viaServer.status, status, viaServer.stderr);
        assert.match(viaServer.stderr, message);
        assert.doesNotMatch(viaServer.stderr, /^\s+at /m);
        assert.deepEqual(viaServer, buildPdf(out, false, file, env));
      }
      await rm(path.join(project, 'content/folder.yaml'), { recursive: true });
    },
  );
});
