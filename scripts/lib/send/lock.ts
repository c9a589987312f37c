import { open, readFile, rm } from 'node:fs/promises';

/** Thrown when another send of the same message is running. */
export class LockedError extends Error {}

/**
 * Takes the send lock beside the log, so two runs at once cannot both
 * decide that the same recipient is still to be served. A lock left by a
 * run that died (its process is gone) is taken over. Returns the release.
 */
export async function takeLock(file: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.write(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid && isRunning(pid))
        throw new LockedError(
          `another send of this message is running (process ${pid}); wait for it ` +
            `to end. If it is not running, delete ${file}.`,
        );
      await rm(file, { force: true });
    }
  }
  throw new LockedError(`could not take the send lock ${file}; delete it if no send is running.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
