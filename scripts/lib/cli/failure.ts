/**
 * The one place a failure becomes what the user reads: one located message
 * (file:line:column, or the file or option concerned) and an exit status, 1
 * for a failure and 2 for bad usage (options, environment). Never a stack
 * trace: a trace is for briefpress's developers, printed only with
 * BRIEFPRESS_DEBUG=1.
 *
 * Every command goes through it: scripts/run.mjs catches what a command
 * throws, the process-wide listeners it installs catch what escapes (a
 * rejected promise nobody awaited), and the build server (serve/server.ts)
 * answers its clients with the same message and status.
 *
 * Errors are told apart by name, not instanceof: the build server imports a
 * fresh copy of a command per build, so classes need not be the same objects.
 */

export interface Failure {
  /** Lines for stderr, ending in a newline. */
  message: string;
  /** 1: the work failed; 2: bad usage (an option or environment value). */
  status: 1 | 2;
}

/** Errno codes in the user's words: what happened, and what to do. */
const SYSTEM: Record<string, string> = {
  ENOENT: 'no such file or folder. Check the path.',
  ENOTDIR: 'a part of this path is a file, not a folder. Check the path, or name another folder.',
  EISDIR: 'is a folder where a file was expected. Name a file.',
  EEXIST: 'already exists and is in the way. Move it, or name another path.',
  EACCES: 'permission denied. Check the permissions of the file and its folder.',
  EPERM: 'operation not permitted. Check the permissions of the file and its folder.',
  EROFS: 'is on a read-only file system. Name a folder you can write to.',
  ENOSPC: 'the disk is full. Free some space and run again.',
  EDQUOT: 'the disk quota is used up. Free some space and run again.',
  ENAMETOOLONG:
    'the file name is too long for this system. Use a shorter name (e.g. set report.slug) or folder.',
  EMFILE: 'too many files are open. Run again, or raise the limit (ulimit -n).',
  ELOOP: 'the path has a loop of symbolic links. Name the file itself.',
  EXDEV: 'cannot move a file between disks. Keep the output folder on one disk.',
  EBUSY: 'the file is in use by another program. Close it and run again.',
};

/** Whether BRIEFPRESS_DEBUG asks for stack traces. */
function debugging(env: NodeJS.ProcessEnv): boolean {
  return !!env.BRIEFPRESS_DEBUG && env.BRIEFPRESS_DEBUG !== '0';
}

/**
 * The message and status for any error. `where` names what was being worked
 * on (the report file) for errors that do not say it themselves; `command`
 * prefixes usage errors (`build:pdf: --out names a file…`).
 */
export function describeFailure(
  error: unknown,
  options: { command?: string; where?: string; env?: NodeJS.ProcessEnv } = {},
): Failure {
  const env = options.env ?? process.env;
  const prefix = options.where ? `${options.where}: ` : '';
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const trace = debugging(env) && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  if (name === 'UsageError') {
    return {
      message: `${options.command ? `${options.command}: ` : ''}${message}\nRun with --help for usage.\n${trace}`,
      status: 2,
    };
  }
  // Already located (file:line:column: …), one line per problem.
  if (name === 'InputError') return { message: `${message}\n${trace}`, status: 1 };
  if (name === 'UnreadableFileError' || name === 'OutputError')
    return { message: `${name === 'OutputError' ? prefix : ''}${message}\n${trace}`, status: 1 };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && SYSTEM[code]) {
    const file = (error as NodeJS.ErrnoException).path;
    const target = (error as { dest?: string }).dest;
    const at = file ? `${file}${target ? ` → ${target}` : ''}: ` : prefix;
    return { message: `${at}${SYSTEM[code]}\n${trace}`, status: 1 };
  }
  const first = message.split('\n')[0] || name || 'unknown error';
  return {
    message:
      `${prefix}briefpress failed: ${first}\n` +
      (trace ||
        'This is a bug in briefpress, not in your files: please report it with the ' +
          'command you ran. BRIEFPRESS_DEBUG=1 prints the details.\n'),
    status: 1,
  };
}
