import { parseArgs } from 'node:util';

export interface BuildArgs {
  files: string[];
  outDir: string;
  help: boolean;
}

/** Thrown for bad command-line usage; the CLI prints it with the help hint and exits 2. */
export class UsageError extends Error {}

/** The options every build command shares: `[FILE…] [--out DIR] [--help]`. */
export function parseBuildArgs(argv: string[]): BuildArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.out === '') throw new UsageError('--out needs a folder');
    return { files: positionals, outDir: values.out ?? 'out', help: values.help ?? false };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
}
