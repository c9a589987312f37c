/** Brings the cached JS of `entry` and of what it imports up to date; returns the cached entry's path. */
export function compile(entry: string, root?: string): Promise<string>;
/** Runs scripts/COMMAND.ts with `args` in this process; an unknown command sets exit status 2. */
export function runCommand(command: string | undefined, args: string[]): Promise<void>;
