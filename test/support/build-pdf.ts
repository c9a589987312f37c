import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './run-script.ts';

/** 2026-01-20T09:06:40Z: a fixed document date, so builds are comparable byte for byte. */
export const EPOCH = '1768900000';

/**
 * Runs `build:pdf FILE --out DIR [ARGS…]` as a user would (through scripts/run.mjs, the npm
 * script's code), with a fixed SOURCE_DATE_EPOCH and any `env` added.
 */
export function buildPdf(file: string, outDir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(
    process.execPath,
    [path.join(root, 'scripts/run.mjs'), 'build-pdf', file, '--out', outDir, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...env },
    },
  );
}
