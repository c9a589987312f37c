import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The briefpress checkout. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `scripts/NAME.ts ARGS…` as its npm script does (`node scripts/run.mjs NAME`), from any folder. */
export function runScript(
  name: string,
  args: string[],
  cwd = root,
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(root, 'scripts/run.mjs'), name, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}
