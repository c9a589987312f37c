/**
 * The program inside the start-up snapshot (see make.mjs): every build
 * command's modules loaded, then frozen. Node restores this heap and calls
 * the function below with the command and its arguments. Each command does
 * what its scripts/<command>.ts does (test/snapshot/snapshot.test.ts compares outputs).
 */
import path from 'node:path';
import v8 from 'node:v8';
import { toolRoot } from '../io/project.ts';
import { runBuild } from '../cli/build-command.ts';
import { describeFailure } from '../cli/failure.ts';
import { pdfOutput } from '../render/pdf/index.ts';
import { slidesOutput } from '../render/slides/index.ts';
import { emailOutput } from '../render/email/index.ts';
import { webOutput } from '../render/web/index.ts';
import type { OutputKind } from '../render/output.ts';

/** The same command names and outputs as scripts/build*.ts. */
const COMMANDS: Record<string, [string, OutputKind[]]> = {
  build: ['build', [pdfOutput, slidesOutput, emailOutput, webOutput]],
  'build-pdf': ['build:pdf', [pdfOutput]],
  'build-slides': ['build:slides', [slidesOutput]],
  'build-email': ['build:email', [emailOutput]],
  'build-web': ['build:web', [webOutput]],
};

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // Started as `node --snapshot-blob BLOB COMMAND ARGS…`: argv is [node, COMMAND, ARGS…].
  const [command, ...args] = process.argv.slice(1);
  const [name, kinds] = COMMANDS[command ?? '']!;
  // The command sees the argv it has when run.mjs imports it: [node, its source, its arguments…].
  process.argv.splice(1, process.argv.length - 1, path.join(toolRoot, 'scripts', `${command}.ts`), ...args);
  // What escapes the build is one message and status, as scripts/run.mjs gives it (issue 15): never a trace.
  const fail = (error: unknown) => {
    const failure = describeFailure(error, { command: name });
    process.stderr.write(failure.message);
    process.exitCode = failure.status;
  };
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    fail(error);
    process.exit(1);
  });
  void runBuild(name, kinds, args).then((code) => {
    process.exitCode = code;
  }, fail);
});
