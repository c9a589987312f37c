/**
 * A progress line for a build that takes longer than a second (issue 11 item 4):
 * "out/x.pdf: 120 pages so far, 3.1 s", on stderr so stdout keeps one line per
 * file written. On a terminal the line is rewritten in place and cleared at the
 * end. Elsewhere (a pipe, a log, a test) nothing, so the same build prints the
 * same lines however long it took, unless BRIEFPRESS_PROGRESS_AFTER_MS is set:
 * then a line at most once a second once that many milliseconds have passed.
 */
export interface Progress {
  /** What has been done so far, e.g. "120 pages". */
  update(done: string): void;
  /** Clears the line (on a terminal) before the result line is printed. */
  end(): void;
}

export function progressLine(
  target: string,
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  const started = performance.now();
  const asked = env.BRIEFPRESS_PROGRESS_AFTER_MS;
  const tty = stream.isTTY === true && !env.CI;
  const after = asked !== undefined && asked !== '' ? Number(asked) : tty ? 1000 : Infinity;
  let last = -Infinity;
  let shown = false;
  return {
    update(done) {
      const now = performance.now();
      if (now - started < after || now - last < (tty ? 100 : 1000)) return;
      last = now;
      const line = `${target}: ${done} so far, ${((now - started) / 1000).toFixed(1)} s`;
      if (tty) stream.write(`\r\x1b[2K${line}`);
      else stream.write(`${line}\n`);
      shown = true;
    },
    end() {
      if (shown && tty) stream.write('\r\x1b[2K');
    },
  };
}
