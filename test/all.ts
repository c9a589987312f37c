/**
 * `npm test`: runs every test/**\/*.test.ts with node's test runner.
 *
 * Why a script: node 20 does not expand globs given to `--test` (node 21 does),
 * and the shell's `**` without globstar matches one folder level only, so a
 * quoted or unquoted glob in package.json silently misses files. Here the
 * files are listed by walking test/; the readable spec report goes to the
 * terminal and a TAP copy to a temp file, whose closing counts
 * (`# tests`, `# pass`, `# fail`…) are printed last, so a CI log always ends
 * with them. `npm test -- test/layout/images.test.ts` runs just the files named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const testDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(testDir);

const named = process.argv.slice(2);
const files = named.length
  ? named
  : readdirSync(testDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts') && !file.split(path.sep).includes('fixtures'))
      .map((file) => path.relative(root, path.join(testDir, file)))
      .sort();
if (files.length === 0) {
  process.stderr.write('test: no test/**/*.test.ts files found\n');
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'briefpress-tap-'));
const tap = path.join(scratch, 'report.tap');
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  // A build server the developer left running (npm run serve, npm run dev) must not build the tests' commands,
  // nor a dev command under test serve the developer's: test/serve/serve.test.ts turns it on for its own copy.
  // Commands start from the start-up snapshot when npm ci made a fresh one, but the copies of the project
  // tests make never set about making their own in the background (5 s of CPU each).
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BRIEFPRESS_SERVER: 'off', BRIEFPRESS_SNAPSHOT: 'use' },
  },
);

let summary: string;
try {
  summary = readFileSync(tap, 'utf8')
    .split('\n')
    .filter((line) => /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(line))
    .join('\n');
} catch {
  summary = '# no TAP report: the test runner stopped before writing it';
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`\n# files ${files.length}\n${summary}\n`);
process.exit(run.status ?? 1);
