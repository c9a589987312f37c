import { UsageError } from '../problems.ts';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { BuildOption } from '../render/output.ts';

export interface BuildArgs {
  files: string[];
  outDir: string;
  help: boolean;
  /** Values of the outputs' own options (e.g. `max-size`), by name; only those given. */
  options: Record<string, string>;
}

/**
 * node's parseArgs, with its errors turned into UsageError and cut to the
 * part a user needs (node appends advice about `--` that does not apply here).
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error),
    );
  }
}

/**
 * The options every build command shares, `[FILE…] [--out DIR] [--help]`,
 * plus the ones its outputs add (`extra`), each checked here so bad usage stops before any build.
 */
export function parseBuildArgs(argv: string[], extra: readonly BuildOption[] = []): BuildArgs {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(
        extra.map((o) => [o.name, { type: o.placeholder ? ('string' as const) : ('boolean' as const) }]),
      ),
    },
  });
  if (values.out === '') throw new UsageError('--out needs a folder');
  const given: Record<string, string | boolean | undefined> = values;
  const options: Record<string, string> = {};
  for (const option of extra) {
    const value = given[option.name];
    if (value === true) options[option.name] = 'true';
    if (typeof value !== 'string') continue;
    const problem = option.check?.(value);
    if (problem) throw new UsageError(`--${option.name}: ${problem}`);
    options[option.name] = value;
  }
  return {
    files: positionals,
    outDir: typeof values.out === 'string' ? values.out : 'out',
    help: values.help === true,
    options,
  };
}
