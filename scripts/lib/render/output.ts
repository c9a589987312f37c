import type { LoadedReport } from '../load-report.ts';

/** What every renderer is given besides the report. */
export interface RenderContext {
  /** The document date: from SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  creationDate: Date;
  /** Folder the outputs go to (the e-mail attaches the PDF and deck from there). */
  outDir: string;
  /** Reports a problem that does not stop the build (e.g. a character no font can draw). */
  warn(message: string): void;
}

export interface Rendered {
  bytes: Uint8Array;
  /** A short description for the progress line, e.g. "9 pages" or "14 slides". */
  summary: string;
}

/** One kind of output file, as the build commands see it. */
export interface OutputKind {
  /** Used in help text and messages: "PDF brief". */
  title: string;
  extension: string;
  render(loaded: LoadedReport, context: RenderContext): Promise<Rendered>;
}

/** The build clock: SOURCE_DATE_EPOCH (seconds) when set, else now. Taken once, passed in. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date();
}
