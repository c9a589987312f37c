import { spawnSync } from 'node:child_process';

/** A PDF object as qpdf's JSON (version 2) writes it: names `/Name`, strings `u:text`, references `N 0 R`. */
export type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue };
export type QpdfDict = { [key: string]: QpdfValue };

/** A PDF read back by qpdf, the independent reader: its objects, the trailer, and helpers to follow references. */
export interface QpdfFile {
  version: string;
  trailer: QpdfDict;
  /** The dictionary of an object (a stream's dictionary for streams), by reference `N 0 R`. */
  object(ref: string): QpdfDict | undefined;
  /** Follows a reference; anything else is returned as it is. */
  resolve(value: QpdfValue | undefined): QpdfValue | undefined;
  /** Every indirect object's dictionary with its reference. */
  objects(): [string, QpdfDict][];
  /** A stream's data, decoded (for the XMP metadata). */
  streamData(ref: string): Buffer;
}

const REF = /^(\d+) (\d+) R$/;

/** Whether the qpdf command is installed. */
export function hasQpdf(): boolean {
  return !spawnSync('qpdf', ['--version']).error;
}

/** Reads a PDF with `qpdf --json`; throws when qpdf is missing or cannot read the file. */
export function readWithQpdf(file: string): QpdfFile {
  const run = spawnSync('qpdf', ['--json=2', '--json-key=qpdf', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 3)
    throw new Error(`qpdf could not read ${file}: ${run.stderr.trim()}`);
  const [header, objects] = (
    JSON.parse(run.stdout) as {
      qpdf: [{ pdfversion: string }, Record<string, { value?: QpdfValue; stream?: { dict: QpdfDict } }>];
    }
  ).qpdf;
  const dictOf = (
    entry: { value?: QpdfValue; stream?: { dict: QpdfDict } } | undefined,
  ): QpdfDict | undefined => {
    const value = entry?.stream?.dict ?? entry?.value;
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  };
  const object = (ref: string) => dictOf(objects[`obj:${ref}`]);
  return {
    version: header.pdfversion,
    trailer: dictOf(objects.trailer) ?? {},
    object,
    resolve: (value) =>
      typeof value === 'string' && REF.test(value)
        ? (objects[`obj:${value}`]?.stream?.dict ?? objects[`obj:${value}`]?.value)
        : value,
    objects: () =>
      Object.keys(objects).flatMap((key) => {
        const dict = key.startsWith('obj:') ? dictOf(objects[key]) : undefined;
        return dict ? [[key.slice(4), dict] as [string, QpdfDict]] : [];
      }),
    streamData: (ref) => {
      const [, num] = REF.exec(ref) ?? [];
      const shown = spawnSync('qpdf', [`--show-object=${num}`, '--filtered-stream-data', file], {
        maxBuffer: 64 * 1024 * 1024,
      });
      if (shown.status !== 0 && shown.status !== 3)
        throw new Error(`qpdf could not decode object ${ref} of ${file}`);
      return shown.stdout;
    },
  };
}

/** A qpdf text string (`u:…`, or `b:` hex for bytes) as text. */
export function textOf(value: QpdfValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}

/** Whether a value is a reference `N 0 R`. */
export function isRef(value: QpdfValue | undefined): value is string {
  return typeof value === 'string' && REF.test(value);
}

/** The object number of a reference, as pdf.js names pages in its marked-content ids (`p12R_mc3`). */
export function objectNumber(ref: string): number {
  return Number(REF.exec(ref)?.[1]);
}

/** Runs `qpdf --check`; null when it finds nothing, else what it printed. */
export function qpdfCheck(file: string): string | null {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  if (run.status === 0 && /No syntax or stream encoding errors found/.test(run.stdout)) return null;
  return (run.stdout + run.stderr).trim();
}
