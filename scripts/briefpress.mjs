#!/usr/bin/env -S node --max-semi-space-size=8
/**
 * `briefpress COMMAND [ARGS…]` (package.json's `bin`): the npm scripts without
 * npm. `npm run` starts a second node process for npm itself before ours,
 * 0.1–0.2 s a command; CI and shell scripts can call node_modules/.bin/briefpress
 * instead. Commands take npm's names (`build:pdf`) or the script's (`build-pdf`).
 */
import { runCommand } from './run.mjs';

const COMMANDS = {
  build: 'the PDF, the deck, the e-mail and the web edition of each report',
  'build:pdf': 'the PDF brief of each report',
  'build:slides': 'the slide deck of each report',
  'build:email': 'the e-mail of each report (attaching the PDF and the deck)',
  'build:web': 'the web edition of each report, a folder to upload',
  check: 'validate reports without building',
  'check:pdf': 'list the PDF/UA-1 and PDF structure failures of built briefs',
  new: 'start a report from a title',
  send: 'send the e-mail to a list of recipients',
  dev: 'rebuild on every save',
  serve: 'keep a warm build process the build commands hand their work to',
  bench: 'measure build speed on this machine',
  schema: 'write content/report.schema.json',
};
/** npm script names whose file is not the name with `:` made `-`. */
const FILES = { schema: 'write-schema' };

const [command, ...args] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h' || command === 'help') {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  process.stdout.write(`Usage: briefpress COMMAND [ARGS…]   (the same as npm run COMMAND -- ARGS…)

${Object.entries(COMMANDS)
  .map(([c, what]) => `  ${c.padEnd(width)}  ${what}`)
  .join('\n')}

briefpress COMMAND --help shows a command's options.
`);
  process.exitCode = command ? 0 : 2;
} else {
  const name = Object.keys(COMMANDS).find(
    (c) => c === command || (FILES[c] ?? c.replace(':', '-')) === command,
  );
  if (name) await runCommand(FILES[name] ?? name.replace(':', '-'), args);
  else {
    process.stderr.write(`briefpress: no command "${command}"; run briefpress --help for the list\n`);
    process.exitCode = 2;
  }
}
