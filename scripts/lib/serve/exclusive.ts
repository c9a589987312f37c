let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after every earlier one has finished: one build at a time in a
 * process, whether a save in `npm run dev` or a client of the build server
 * asked for it (a build swaps the process's argv, folder, environment and
 * output streams while it runs).
 */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work);
  tail = run.catch(() => undefined);
  return run;
}
