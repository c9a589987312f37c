import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Writes a report `factor` times the size of `source` into `dir`: its speakers
 * (each with all their points) and its recommendations repeated `factor` times,
 * the rest as it is. The sample at 16× is 46 pages, at 100× 264 pages, about the
 * most its shape allows under the 1 MiB a report may be. Every copy is written
 * out in full: YAML aliases for the repeated items would be refused past 50 (an
 * alias bomb to the loader). Images the source names are copied beside the new
 * file, so it stays valid wherever `dir` is.
 */
export async function scaleReport(source: string, factor: number, dir: string): Promise<string> {
  const report = parse(await readFile(source, 'utf8')) as Record<string, unknown> & {
    speakers: { name: string }[];
    recommendations: unknown[];
    report?: Record<string, unknown>;
  };
  const repeat = <T>(items: T[], rename?: (item: T, copy: number) => T): T[] =>
    Array.from({ length: factor }, (_, copy) =>
      items.map((item) => (copy && rename ? rename(item, copy) : item)),
    ).flat();
  report.speakers = repeat(report.speakers, (s, copy) => ({ ...s, name: `${s.name} (${copy + 1})` }));
  report.recommendations = repeat(report.recommendations);
  report.report = { ...report.report, slug: `bench-${factor}x` };
  await copyImages(report, path.dirname(source), dir);
  const file = path.join(dir, `bench-${factor}x.yaml`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, stringify(report, { lineWidth: 0, aliasDuplicateObjects: false }));
  return file;
}

/** Every `photo:` and `image:` value, copied to DIR/images/ and renamed there. */
async function copyImages(node: unknown, from: string, to: string): Promise<void> {
  if (Array.isArray(node)) {
    for (const item of node) await copyImages(item, from, to);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if ((key === 'photo' || key === 'image') && typeof value === 'string') {
        const target = path.join('images', path.basename(value));
        await mkdir(path.join(to, 'images'), { recursive: true });
        await copyFile(path.resolve(from, value), path.join(to, target));
        record[key] = target;
      } else await copyImages(value, from, to);
    }
  }
}

/** A report in the bench's folder that can be edited as a writer edits between builds. */
export interface EditableReport {
  file: string;
  /** Rewrites the file with edit number `revision` in it (nothing else changes). */
  edit(revision: number): Promise<void>;
  /** Adds `words` to the event title, which every share card shows: the next build draws them all anew. */
  retitle(words: string): Promise<void>;
}

/**
 * The sample (made `factor` times longer) written into `dir`, changed before
 * each warm build as a writer's save changes it: the first speaker's last
 * point ends with "(revision N)", a text in the brief, the deck's notes, the
 * e-mail and the web page but on no share card. Warm rebuilds keep what does
 * not change (shaped text in the fonts, prepared images, share cards): built
 * again unchanged, a report would measure those caches, not a rebuild.
 */
export async function editableReport(source: string, factor: number, dir: string): Promise<EditableReport> {
  const file = await scaleReport(source, factor, dir);
  const text = await readFile(file, 'utf8');
  const report = parse(text) as {
    event: { title: string };
    speakers: { points: (string | { text: string })[] }[];
  };
  const points = report.speakers[0]?.points;
  if (!points?.length)
    throw new Error(`${source}: the bench edits the first speaker's last point, and there is none`);
  const last = points.length - 1;
  const original = points[last]!;
  const title = report.event.title;
  return {
    file,
    async retitle(words) {
      report.event.title = `${title} ${words}`;
      await writeFile(file, stringify(report, { lineWidth: 0 }));
    },
    async edit(revision) {
      const edited = (point: string) => `${point} (revision ${revision})`;
      points[last] =
        typeof original === 'string' ? edited(original) : { ...original, text: edited(original.text) };
      await writeFile(file, stringify(report, { lineWidth: 0 }));
    },
  };
}
