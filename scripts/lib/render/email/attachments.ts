import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../../model/types.ts';
import { OutputError, type RenderContext } from '../output.ts';

/** A built output travelling with the e-mail. */
export interface Attachment {
  filename: string;
  contentType: string;
  /** What it is, in the reader's words: "the full brief". */
  description: string;
  /** The kind of file, as people name it: "PDF". */
  format: string;
  bytes: Uint8Array;
}

/** The outputs the e-mail carries, in the order recipients see them, and the command that builds each. */
const ATTACHED = [
  {
    extension: '.pdf',
    contentType: 'application/pdf',
    description: 'brief',
    format: 'PDF',
    command: 'build:pdf',
  },
  {
    extension: '.pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    description: 'deck',
    format: 'PowerPoint',
    command: 'build:slides',
  },
] as const;

/**
 * Reads the PDF brief and the deck already built into the output folder.
 * A missing one stops the e-mail with the command that builds it; one older
 * than the report is attached with a warning, since it may not say what the report now says.
 */
export async function readAttachments(report: Report, context: RenderContext): Promise<Attachment[]> {
  const found = await Promise.all(
    ATTACHED.map(async (kind) => {
      const file = path.join(context.outDir, `${report.slug}${kind.extension}`);
      // Built just before in this run (npm run build): current by construction.
      const fresh = context.built?.get(kind.extension);
      return { kind, file, built: fresh ? { bytes: fresh, modified: Infinity } : await readBuilt(file) };
    }),
  );
  const missing = found.filter((f) => !f.built);
  if (missing.length) {
    const files = missing.map((m) => m.file).join(' and ');
    const out = path.normalize(context.outDir) === 'out' ? '' : ` --out ${context.outDir}`;
    const commands = missing
      .map((m) => `\`npm run ${m.kind.command} -- ${report.source}${out}\``)
      .join(' and ');
    throw new OutputError(
      `the e-mail attaches ${files}, not built yet. ` +
        (`Run \`npm run build -- ${report.source}${out}\` to build the brief, the ` +
          `deck and the e-mail in order, or ${commands} first.`),
    );
  }
  const reportModified = await stat(report.source).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  return found.flatMap(({ kind, file, built }) => {
    if (!built) return [];
    if (reportModified !== undefined && built.modified < reportModified) {
      context.warn(
        `${file} is older than ${report.source}; run \`npm run build -- ${report.source}\` ` +
          `so the e-mail carries the current ${kind.extension.slice(1)}.`,
      );
    }
    return [
      {
        filename: path.basename(file),
        contentType: kind.contentType,
        description: report.labels.email[kind.description],
        format: kind.format,
        bytes: built.bytes,
      },
    ];
  });
}

async function readBuilt(file: string): Promise<{ bytes: Uint8Array; modified: number } | undefined> {
  try {
    const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
    return { bytes, modified: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
