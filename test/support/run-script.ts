import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The briefpress checkout. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `scripts/NAME.ts ARGS…` in a fresh node, from any folder (tsx resolved from here, not from cwd). */
export function runScript(name: string, args: string[], cwd = root): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'scripts', `${name}.ts`), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}
