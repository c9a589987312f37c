import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '../../scripts/run.mjs';
import { root } from '../support/run-script.ts';

function node(args: string[], cwd = root) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
}

test(
  'the launcher compiles what an entry imports, statically or lazily, and ' +
    'keeps import.meta.url on the source',
  async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-run-'));
    await writeFile(
      path.join(dir, 'main.ts'),
      [
        "import { word } from './lib/word.ts';",
        "import type { Unused } from './lib/types.ts';",
        "import { parsed } from './lib/schema.ts';",
        "const later: Unused = await import('./lib/later.ts');",
        'console.log(word, later.value, parsed.a, import.meta.url);',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'package.json'), '{"type": "module"}\n');
    await mkdir(path.join(dir, 'lib'));
    await writeFile(path.join(dir, 'lib/word.ts'), "export const word: string = 'first';\n");
    await writeFile(path.join(dir, 'lib/later.ts'), 'export const value = 42 as number;\n');
    await writeFile(path.join(dir, 'lib/types.ts'), 'export type Unused = { value: number };\n');
    await writeFile(
      path.join(dir, 'lib/schema.ts'),
      "import { z } from 'zod';\nexport const parsed = z.object({ a: z.number() }).parse({ a: 1 });\n",
    );

    const compiled = await compile(path.join(dir, 'main.ts'), dir);
    assert.equal(compiled, path.join(dir, 'node_modules/.cache/briefpress/main.js'));
    const run = node([compiled]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), `first 42 1 ${pathToFileURL(path.join(dir, 'main.ts')).href}`);
    // zod comes from one bundled file, not its hundreds of modules.
    assert.match(
      await readFile(path.join(dir, 'node_modules/.cache/briefpress/lib/schema.js'), 'utf8'),
      /from "file:\/\/.*\/vendor\/zod@[\d.]+\.mjs"/,
    );
    const laterJs = path.join(dir, 'node_modules/.cache/briefpress/lib/later.js');
    assert.ok((await stat(laterJs)).isFile(), 'a lazily imported module is compiled ahead');

    // An edit recompiles that file only; the others' output is reused as it is.
    const before = (await stat(laterJs)).mtimeMs;
    await writeFile(path.join(dir, 'lib/word.ts'), "export const word: string = 'second, edited';\n");
    await compile(path.join(dir, 'main.ts'), dir);
    assert.match(node([compiled]).stdout, /^second, edited 42 1 /);
    assert.equal((await stat(laterJs)).mtimeMs, before);
  },
);

test('node scripts/run.mjs NAME runs scripts/NAME.ts with its arguments; an unknown name exits 2', () => {
  const check = node(['scripts/run.mjs', 'check', 'content/2026-01-20-evolving-militant-ecosystem.yaml']);
  assert.equal(check.status, 0, check.stderr);
  assert.equal(check.stdout, 'ok  content/2026-01-20-evolving-militant-ecosystem.yaml\n');
  const help = node(['scripts/run.mjs', 'new', '--help']);
  assert.match(help.stdout, /^Usage: npm run new/);
  const unknown = node(['scripts/run.mjs', 'no-such-command']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /no command "no-such-command"/);
});

test(
  'the bin, node_modules/.bin/briefpress, runs the npm scripts by their npm ' +
    'names, with the same output and exit codes',
  () => {
    const bin = path.join(root, 'node_modules/.bin/briefpress');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    assert.equal(
      realpathSync(bin),
      path.join(root, pkg.bin.briefpress!),
      'npm ci links the bin to the file package.json names',
    );
    const viaBin = spawnSync(bin, ['check', 'content/2026-01-20-evolving-militant-ecosystem.yaml'], {
      cwd: root,
      encoding: 'utf8',
    });
    const viaRun = node(['scripts/run.mjs', 'check', 'content/2026-01-20-evolving-militant-ecosystem.yaml']);
    assert.deepEqual(
      [viaBin.status, viaBin.stdout, viaBin.stderr],
      [viaRun.status, viaRun.stdout, viaRun.stderr],
    );
    assert.match(node([bin, 'build:pdf', '--help']).stdout, /^Usage: npm run build:pdf/);
    const bad = node([bin, 'build:pdf', '--no-such-option']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^build:pdf: Unknown option '--no-such-option'/);
    assert.match(
      node([bin, '--help']).stdout,
      /^ {2}build:web {2,}the web edition/m,
      'every build command is listed',
    );
    assert.match(node([bin, '--help']).stdout, /^Usage: briefpress COMMAND/);
    const unknown = node([bin, 'nope']);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'briefpress: no command "nope"; run briefpress --help for the list\n');
  },
);
