/** The scripts/*.ts commands run.mjs starts from the start-up snapshot. */
export const SNAPSHOT_COMMANDS: string[];
/** node_modules/.cache/briefpress/snapshot of a checkout. */
export function snapshotDir(root: string): string;
/** What a snapshot depends on besides its bundled files: the Node binary, package.json, the lock file, the patches. */
export function environmentKey(root: string): string;
/** The blob to start a build command from, or undefined when none matches this Node, lock file and every source. */
export function freshSnapshot(root?: string): string | undefined;
/** Bundles the build commands and builds their snapshot; the blob's path. */
export function makeSnapshot(root?: string): Promise<string>;
/** Makes a new snapshot in a detached process, one at a time. */
export function remakeInBackground(root?: string): void;
