import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { writeFileAtomic } from '../write/atomic.ts';

const run = promisify(execFile);

export interface Snapshot {
  /** File name under the output folder, e.g. cover.png. */
  name: string;
  from: 'pdf' | 'deck';
  /** 1-based page (PDF) or slide (deck). */
  page: number;
  /** Width of the picture in pixels. */
  width: number;
}

export interface SnapshotOptions {
  toolRoot: string;
  report: string;
  outDir: string;
  snapshots: Snapshot[];
}

/**
 * Pictures for the README from the real outputs: the report is built with the
 * project's own commands, pages rendered by pdftoppm, the deck converted to
 * PDF by LibreOffice first (as a reader would see it), each picture shrunk
 * to a small palette PNG. Returns the files written.
 */
export async function writeSnapshots(options: SnapshotOptions): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'briefpress-readme-'));
  try {
    const env = { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1768900000' };
    const build = (command: string) => run(process.execPath, [path.join(options.toolRoot, 'scripts/run.mjs'), command, options.report, '--out', work], { cwd: options.toolRoot, env });
    const sources: Record<Snapshot['from'], string> = { pdf: '', deck: '' };
    const wanted = new Set(options.snapshots.map((s) => s.from));
    if (wanted.has('pdf')) {
      await build('build-pdf');
      sources.pdf = await only(work, '.pdf');
    }
    if (wanted.has('deck')) {
      await build('build-slides');
      const deck = await only(work, '.pptx');
      // A private profile: a LibreOffice already open on this machine must not take the job.
      const profile = `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`;
      await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', path.join(work, 'deck'), deck], { timeout: 120_000 });
      sources.deck = path.join(work, 'deck', `${path.basename(deck, '.pptx')}.pdf`);
    }
    const written: string[] = [];
    for (const shot of options.snapshots) {
      const stem = path.join(work, `shot-${shot.name}`);
      await run('pdftoppm', ['-png', '-singlefile', '-f', String(shot.page), '-l', String(shot.page), '-scale-to-x', String(shot.width * 2), '-scale-to-y', '-1', sources[shot.from], stem]);
      // Rendered at twice the size, then shrunk: smoother text than rendering small.
      const png = await sharp(await readFile(`${stem}.png`)).resize({ width: shot.width }).png({ palette: true, compressionLevel: 9 }).toBuffer();
      const target = path.join(options.outDir, shot.name);
      await writeFileAtomic(target, png);
      written.push(target);
    }
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function only(dir: string, extension: string): Promise<string> {
  const found = (await readdir(dir)).filter((f) => f.endsWith(extension));
  if (found.length !== 1) throw new Error(`expected one ${extension} in ${dir}, found ${found.length}`);
  return path.join(dir, found[0]!);
}
