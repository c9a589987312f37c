import path from 'node:path';
import { loadReport, type LoadedReport } from '../load-report.ts';
import type { OutputKind } from '../render/output.ts';
import { describeFailure } from '../cli/failure.ts';
import { commitOutputs, type PendingOutput } from '../write/commit.ts';
import { formatBytes } from '../model/bytes.ts';

/** What a report's outputs are made from besides the report file: its brand folder and every file it names. */
export interface Dependencies {
  brandDir: string;
  files: Set<string>;
}

export interface RebuildResult {
  /** The new dependencies, or undefined when the report could not be loaded. */
  dependencies?: Dependencies;
  /** One line per file written: `out/x.pdf (7 pages, 84 kB)`. */
  written: string[];
  /** Problems as the CLI prints them (file:line:column), and which good files were kept. */
  failures: string[];
}

export interface RebuildSettings {
  kinds: OutputKind[];
  outDir: string;
  creationDate: Date;
  warn(message: string): void;
}

/**
 * Builds one report's outputs as the build commands do (same renderers, in the
 * same order, the e-mail and the web edition taking the PDF and deck just
 * made), then puts them all in place together (write/commit.ts). A failure
 * anywhere writes nothing: every earlier file stays as it was, and the message says so.
 */
export async function rebuild(file: string, settings: RebuildSettings): Promise<RebuildResult> {
  let loaded: LoadedReport;
  try {
    loaded = await loadReport(file);
  } catch (error) {
    return { written: [], failures: [`${describe(file, error)}\n${kept(file)}`] };
  }
  loaded.warnings.forEach(settings.warn);
  const dependencies = dependenciesOf(loaded);
  const built = new Map<string, Uint8Array>();
  const pending: (PendingOutput & { summary: string })[] = [];
  try {
    for (const kind of settings.kinds) {
      const rendered = await kind.render(loaded, {
        creationDate: settings.creationDate,
        outDir: settings.outDir,
        warn: settings.warn,
        built,
      });
      if (!rendered.files) built.set(kind.extension, rendered.bytes);
      pending.push({
        target: path.join(settings.outDir, `${loaded.report.slug}${kind.extension}`),
        bytes: rendered.bytes,
        files: rendered.files,
        summary: rendered.summary,
      });
    }
    const sizes = await commitOutputs(pending);
    const written = pending.map((p, i) => `${p.target} (${p.summary}, ${formatBytes(sizes[i]!)})`);
    return { dependencies, written, failures: [] };
  } catch (error) {
    return { dependencies, written: [], failures: [`${describe(file, error)}\n${kept(file)}`] };
  }
}

/** What a failed rebuild leaves: nothing of it was written. */
function kept(file: string): string {
  return `(outputs of ${file} kept as they were)`;
}

function dependenciesOf({ report }: LoadedReport): Dependencies {
  const people = [...report.moderators, ...report.speakers];
  const files = [
    ...people.flatMap((p) => (p.photo ? [p.photo.file] : [])),
    ...report.highlights.map((h) => h.image.file),
    ...(report.brand.logo ? [report.brand.logo.file] : []),
    ...[report.brand.fonts.body, report.brand.fonts.heading].flatMap((f) => f.faces.map((face) => face.file)),
  ];
  return { brandDir: report.brand.dir, files: new Set(files) };
}

function describe(file: string, error: unknown): string {
  return describeFailure(error, { where: file }).message.trimEnd();
}
