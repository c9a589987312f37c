/**
 * react-pdf's reconciler keeps the console.error it finds when it loads and
 * hands React's render errors to it (a layout component that throws): React
 * prints the error with its trace, then react-pdf fails with an unrelated
 * TypeError. This module, imported before @react-pdf/renderer, puts a gate in
 * front of console.error first, so a render can hold back what is logged
 * during it and fail with the error itself (see renderReporting in index.ts).
 */
type Logged = unknown[];

let holding: Logged[] | undefined;
const log = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (holding) holding.push(args);
  else log(...args);
};

/** Runs `work` with console.error held back; returns what was logged meanwhile, to pass on or to fail with. */
export async function holdingConsoleErrors<T>(
  work: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; logged: Logged[] }> {
  const logged: Logged[] = [];
  const outer = holding;
  holding = logged;
  try {
    const value = await work();
    return { value, logged };
  } catch (error) {
    // React logs the component's error from a callback that runs after react-pdf has already failed.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { error, logged };
  } finally {
    holding = outer;
  }
}

/** Writes held-back lines as console.error would have. */
export function passOn(logged: Logged[]): void {
  for (const args of logged) console.error(...args);
}
