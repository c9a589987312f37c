import { runSend } from './lib/send/run-send.ts';

// The first Ctrl-C lets the message in flight finish and be logged; a second one stops at once.
const interrupted = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nStopping after the message in flight (Ctrl-C again to stop now)…\n');
  interrupted.abort();
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await runSend(process.argv.slice(2), {
  env: process.env,
  print: (line) => process.stdout.write(`${line}\n`),
  complain: (line) => process.stderr.write(`${line}\n`),
  signal: interrupted.signal,
});
