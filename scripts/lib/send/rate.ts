import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces messages out to at most `perMinute` a minute (mail providers cap
 * how fast an account may send); without a rate it never waits. The wait
 * ends early, by rejecting, when the signal aborts (Ctrl-C).
 */
export function rateLimiter(perMinute: number | undefined, signal?: AbortSignal): () => Promise<void> {
  const gap = perMinute ? 60_000 / perMinute : 0;
  let next = 0;
  return async () => {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait, undefined, { signal });
    next = performance.now() + gap;
  };
}
