import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { toolRoot } from '../io/project.ts';

/**
 * A deck rendered by LibreOffice as recipients see it in three font situations:
 *
 * - `clones`: the metric-compatible clones of the Office fonts (Carlito for
 *   Calibri, Gelasio for Georgia, Liberation Sans for Arial): what PowerPoint
 *   on Windows or a Mac with Office shows;
 * - `liberation`: Liberation Sans (the metrics of Arial and Helvetica) in place
 *   of Calibri, Georgia kept (macOS ships it): Keynote or LibreOffice without
 *   Office's Calibri;
 * - `dejavu`: no Office font and no clone at all, only DejaVu (Debian's
 *   fonts-dejavu-core): LibreOffice on a stock Linux desktop.
 *
 * Each situation gets a private fontconfig file (FONTCONFIG_FILE) naming only
 * its fonts, so the fonts installed on the machine do not decide the result.
 * Used by the tests (test/render/slides/slide-fonts.test.ts) and the README's pictures.
 */

export type FontSituation = 'clones' | 'liberation' | 'dejavu';
export const FONT_SITUATIONS: FontSituation[] = ['clones', 'liberation', 'dejavu'];

const METRICS = path.join(toolRoot, 'templates/fonts/office-metrics');
/** Debian's fonts-dejavu-core. */
export const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** The font files of each situation: the clones, the clones without Carlito, or the fonts-dejavu-core faces. */
async function fontFiles(situation: FontSituation, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (situation === 'dejavu') {
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'])
      await copyFile(path.join(DEJAVU, file), path.join(dir, file));
    return;
  }
  for (const file of await readdir(METRICS)) {
    if (file.startsWith('Carlito-') && situation === 'liberation') continue;
    if (file.endsWith('.ttf')) await copyFile(path.join(METRICS, file), path.join(dir, file));
    // LibreOffice does not load WOFF fonts: Gelasio is unpacked to the TrueType font it wraps.
    // Only the Latin subset: fontconfig would take the latin-ext file, which lacks basic Latin, as the same face.
    if (file.endsWith('.latin.woff'))
      await writeFile(
        path.join(dir, file.replace(/\.latin\.woff$/, '.ttf')),
        woffToSfnt(await readFile(path.join(METRICS, file))),
      );
  }
}

/** A WOFF 1.0 file's font (https://www.w3.org/TR/WOFF/): the tables inflated, with an sfnt directory in front. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, compressed, length] = [
      woff.readUInt32BE(at + 4),
      woff.readUInt32BE(at + 8),
      woff.readUInt32BE(at + 12),
    ];
    const raw = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? zlib.inflateSync(raw) : raw,
    };
  });
  const pad = (n: number) => (n + 3) & ~3;
  const head = 12 + 16 * count;
  const out = Buffer.alloc(head + tables.reduce((sum, t) => sum + pad(t.data.length), 0));
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: the sfnt version
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = head;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + 16 * i);
    out.writeUInt32BE(t.checksum, 16 + 16 * i);
    out.writeUInt32BE(offset, 20 + 16 * i);
    out.writeUInt32BE(t.data.length, 24 + 16 * i);
    t.data.copy(out, offset);
    offset += pad(t.data.length);
  });
  return out;
}

function fontconfig(situation: FontSituation, fontDir: string, cacheDir: string): string {
  const alias = (family: string, to: string) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
  const aliases =
    situation === 'dejavu'
      ? []
      : [
          alias('Calibri', situation === 'clones' ? 'Carlito' : 'Liberation Sans'),
          alias('Georgia', 'Gelasio'),
          alias('Arial', 'Liberation Sans'),
          alias('Helvetica', 'Liberation Sans'),
        ];
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fontDir}</dir>
${aliases.join('\n')}
  <cachedir>${cacheDir}</cachedir>
</fontconfig>
`;
}

/** Converts a deck to PDF with LibreOffice in one font situation; returns the PDF's path (in `workDir`). */
export async function renderDeck(pptx: string, situation: FontSituation, workDir: string): Promise<string> {
  const dir = path.join(workDir, situation);
  await mkdir(dir, { recursive: true });
  const config = path.join(dir, 'fonts.conf');
  await fontFiles(situation, path.join(dir, 'fonts'));
  await writeFile(config, fontconfig(situation, path.join(dir, 'fonts'), path.join(dir, 'fontconfig-cache')));
  const result = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      pptx,
    ],
    {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, FONTCONFIG_FILE: config, HOME: dir },
    },
  );
  const pdf = path.join(dir, `${path.basename(pptx, '.pptx')}.pdf`);
  if (result.status !== 0 || !existsSync(pdf))
    throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  return pdf;
}
