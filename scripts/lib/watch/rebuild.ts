import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadReport, type LoadedReport } from '../load-report.ts';
import type { OutputKind } from '../render/output.ts';
import { describeFailure } from '../cli/failure.ts';
import { writeOutput } from '../write/folder.ts';
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
 * Builds one report's outputs as the build commands do (same renderers, atomic
 * writes). Each output is written only when it rendered; a failure keeps the
 * last good file and says so.
 */
export async function rebuild(file: string, settings: RebuildSettings): Promise<RebuildResult> {
  let loaded: LoadedReport;
  try {
    loaded = await loadReport(file);
  } catch (error) {
    return { written: [], failures: [`${describe(file, error)}\n(outputs of ${file} kept as they were)`] };
  }
  loaded.warnings.forEach(settings.warn);
  const result: RebuildResult = { dependencies: dependenciesOf(loaded), written: [], failures: [] };
  for (const kind of settings.kinds) {
    const target = path.join(settings.outDir, `${loaded.report.slug}${kind.extension}`);
    try {
      const rendered = await kind.render(loaded, {
        creationDate: settings.creationDate,
        outDir: settings.outDir,
        warn: settings.warn,
      });
      const size = await writeOutput(target, rendered);
      result.written.push(`${target} (${rendered.summary}, ${formatBytes(size)})`);
    } catch (error) {
      const kept = existsSync(target) ? `kept the last good ${target}` : `${target} not written`;
      result.failures.push(`${describe(file, error)}\n(${kept})`);
    }
  }
  return result;
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
