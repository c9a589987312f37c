import { UsageError } from '../problems.ts';
import type { LoadedReport } from '../load-report.ts';

/** What every renderer is given besides the report. */
export interface RenderContext {
  /** The document date: from SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  creationDate: Date;
  /** Folder the outputs go to (the e-mail attaches the PDF and deck from there). */
  outDir: string;
  /** Reports a problem that does not stop the build (e.g. a character no font can draw). */
  warn(message: string): void;
  /** Says how far a long render has got ("120 pages"); shown once it has taken over a second. */
  progress?(done: string): void;
  /** Values of the outputs' own command-line options, by name (e.g. `max-size`); absent when not given. */
  options?: Readonly<Record<string, string>>;
  /**
   * This report's outputs already rendered in this build, by extension (`.pdf`,
   * `.pptx`), not yet in the out dir: all of a report's outputs are put in place
   * together once all are built, so the e-mail and the web edition take the PDF
   * and the deck from here, and from the out dir only when built by an earlier command.
   */
  built?: ReadonlyMap<string, Uint8Array>;
}

export interface Rendered {
  /** The output file; empty for an output that is a folder (an extension ending in "/"). */
  bytes: Uint8Array;
  /** A folder output's files (the web edition), by path inside the folder. */
  files?: FolderFile[];
  /** A short description for the progress line, e.g. "9 pages" or "14 slides". */
  summary: string;
}

/** One file of a folder output: `cards/og.png`. */
export interface FolderFile {
  path: string;
  bytes: Uint8Array;
}

/** A command-line option one output adds to the build commands that make it, e.g. the e-mail's `--max-size MB`. */
export interface BuildOption {
  /** Without the dashes: `max-size`. */
  name: string;
  /** Stands for the value in the help text: `MB`; absent for a flag that takes none
   * (`--allow-missing-glyphs`, given as "true"). */
  placeholder?: string;
  help: string;
  /** What is wrong with a value, or undefined when it is fine; checked before anything is built. */
  check?(value: string): string | undefined;
}

/** One kind of output file, as the build commands see it. */
export interface OutputKind {
  /** Used in help text and messages: "PDF brief". */
  title: string;
  extension: string;
  /** Options this output understands, added to the command line of every build that makes it. */
  options?: BuildOption[];
  /** A line for the help text, e.g. what the output needs built first. */
  note?: string;
  render(loaded: LoadedReport, context: RenderContext): Promise<Rendered>;
}

/**
 * A reason one output cannot be made that is the user's to fix, not a bug
 * (e.g. the e-mail over its size budget): shown as a message, without a stack.
 */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** 9999-12-31T23:59:59Z: PDF, ZIP and e-mail dates have four-digit years. */
const LAST_EPOCH = 253402300799;

/**
 * The build clock: SOURCE_DATE_EPOCH (seconds since 1970, as reproducible-builds.org
 * defines it) when set, else now. Taken once, passed in. A value that is not
 * a whole number, or past the year 9999, is bad usage: said before anything is built.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && epoch !== '') {
    const shown = JSON.stringify(epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch);
    if (!/^\d+$/.test(epoch))
      throw new UsageError(
        `SOURCE_DATE_EPOCH=${shown} is not a whole number of seconds since 1970; ` +
          `set it to e.g. $(date +%s) or $(git log -1 --format=%ct), or unset it to ` +
          `use the time of the build.`,
      );
    if (Number(epoch) > LAST_EPOCH)
      throw new UsageError(
        `SOURCE_DATE_EPOCH=${shown} is after the year 9999 (${LAST_EPOCH} at most); set it to e.g. $(date +%s).`,
      );
    return new Date(Number(epoch) * 1000);
  }
  return new Date();
}
