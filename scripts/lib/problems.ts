/**
 * A problem found in an input file, located by line and column, with what to do.
 * Every stage reports bad input this way so the CLI prints one consistent form:
 *   content/x.yaml:12:5: speakers[1].points: must not be empty. Add at least one point.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Where in the document, e.g. `speakers[1].points`; empty for file-level problems. */
  where: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const at = `${p.file}:${p.line}:${p.column}`;
  return p.where ? `${at}: ${p.where}: ${p.message}` : `${at}: ${p.message}`;
}

/** Thrown when an input cannot be built; carries every problem of the file at once. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** `['speakers', 1, 'points']` → `speakers[1].points` */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Thrown for bad command-line usage (an option, a value): the CLI prints it with the help hint and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
