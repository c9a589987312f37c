/** Brings the cached JS of `entry` and of what it imports up to date; returns the cached entry's path. */
export function compile(entry: string, root?: string): Promise<string>;
