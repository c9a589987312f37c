import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { soffice } from './libreoffice.ts';
import { root } from './run-script.ts';

/**
 * A deck as recipients see it in three font situations, read back from
 * LibreOffice's rendering with poppler's word boxes (`pdftotext -bbox`):
 *
 * - `clones`: the metric-compatible clones of the Office fonts (Carlito for
 *   Calibri, Gelasio for Georgia, Liberation Sans for Arial): what PowerPoint
 *   on Windows or a Mac with Office shows;
 * - `liberation`: Liberation Sans (the metrics of Arial and Helvetica) in place
 *   of Calibri, Georgia kept (macOS ships it): Keynote or LibreOffice without
 *   Office's Calibri;
 * - `dejavu`: no Office font and no clone at all, only DejaVu: LibreOffice on a
 *   stock Linux desktop.
 *
 * Each situation gets a private fontconfig file (FONTCONFIG_FILE) naming only
 * its fonts, so the fonts installed on the machine do not decide the result.
 */

export type FontSituation = 'clones' | 'liberation' | 'dejavu';
export const FONT_SITUATIONS: FontSituation[] = ['clones', 'liberation', 'dejavu'];

const METRICS = path.join(root, 'templates/fonts/office-metrics');
/** Debian's fonts-dejavu-core. */
export const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** Why a situation cannot be rendered here, or undefined when it can. */
export function cannotRender(situation: FontSituation): string | undefined {
  if (!soffice()) return 'soffice not installed (CI installs libreoffice-impress)';
  if (!existsSync('/usr/bin/pdftotext') && spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) return 'pdftotext not installed (CI installs poppler-utils)';
  if (situation === 'dejavu' && !existsSync(path.join(DEJAVU, 'DejaVuSans.ttf'))) return `DejaVu fonts not in ${DEJAVU} (CI installs fonts-dejavu-core)`;
  return undefined;
}

/** The font files of each situation: the clones, the clones without Carlito, or the fonts-dejavu-core faces. */
async function fontFiles(situation: FontSituation, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (situation === 'dejavu') {
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf']) await copyFile(path.join(DEJAVU, file), path.join(dir, file));
    return;
  }
  for (const file of await readdir(METRICS)) {
    if (file.startsWith('Carlito-') && situation === 'liberation') continue;
    if (file.endsWith('.ttf')) await copyFile(path.join(METRICS, file), path.join(dir, file));
    // LibreOffice does not load WOFF fonts: Gelasio is unpacked to the TrueType font it wraps.
    // Only the Latin subset: fontconfig would take the latin-ext file, which lacks basic Latin, as the same face.
    if (file.endsWith('.latin.woff')) await writeFile(path.join(dir, file.replace(/\.latin\.woff$/, '.ttf')), woffToSfnt(await readFile(path.join(METRICS, file))));
  }
}

/** A WOFF 1.0 file's font (https://www.w3.org/TR/WOFF/): the tables inflated, with an sfnt directory in front. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, compressed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compressed);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compressed < length ? zlib.inflateSync(raw) : raw };
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
  const alias = (family: string, to: string) => `  <alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
  const aliases =
    situation === 'dejavu'
      ? []
      : [alias('Calibri', situation === 'clones' ? 'Carlito' : 'Liberation Sans'), alias('Georgia', 'Gelasio'), alias('Arial', 'Liberation Sans'), alias('Helvetica', 'Liberation Sans')];
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
  const result = spawnSync(soffice()!, [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, FONTCONFIG_FILE: config, HOME: dir },
  });
  const pdf = path.join(dir, `${path.basename(pptx, '.pptx')}.pdf`);
  if (result.status !== 0 || !existsSync(pdf)) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  return pdf;
}

/** A word as poppler found it on a page, in points from the top left. */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every page's words (`pdftotext -bbox`). */
export function pageWords(pdf: string): Word[][] {
  const result = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

/** A rectangle in points. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
}

/**
 * The words that collide: each word drawn over another word. Word boxes span
 * the font's ascent to descent; lines of one paragraph set at exact spacing
 * may touch by a few percent of that (a 40 pt title at 46 pt), text written
 * over text overlaps by far more: a collision is a horizontal overlap of more
 * than 1 pt together with a vertical one of more than a fifth of the smaller box.
 */
export function collidingWords(words: Word[]): Word[] {
  const hit = new Set<Word>();
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    for (let j = i + 1; j < words.length; j++) {
      const b = words[j]!;
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (w > 1 && h > 0.2 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) {
        hit.add(a);
        hit.add(b);
      }
    }
  }
  return words.filter((w) => hit.has(w));
}

/**
 * The words that lie outside every text shape of their slide (the slide's own
 * shapes and placeholders, and its layout's): text that ran out of its box.
 * A word's box is the font's ascent to descent; its middle must be inside,
 * and its sides within `tolerancePt`.
 */
export function wordsOutside(words: Word[], boxes: Rect[], tolerancePt = 1.5): Word[] {
  return words.filter((w) => {
    const mid = (w.yMin + w.yMax) / 2;
    return !boxes.some((b) => w.xMin >= b.x - tolerancePt && w.xMax <= b.x + b.w + tolerancePt && mid >= b.y && mid <= b.y + b.h);
  });
}

const EMU_PER_PT = 12700;

/**
 * Each slide's text shapes with their rectangles, in points: the slide's own
 * shapes (a placeholder without a position takes its layout's) and the text
 * shapes of its layout (running head, footer, slide number).
 */
export async function slideTextRects(pptx: string): Promise<Rect[][]> {
  const parts = unzipSync(new Uint8Array(await readFile(pptx)));
  const xml = (name: string) => strFromU8(parts[name]!);
  const target = (from: string, type: string) => {
    const rels = xml(path.posix.join(path.posix.dirname(from), '_rels', `${path.posix.basename(from)}.rels`));
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`/${type}"`));
    return rel && path.posix.normalize(path.posix.join(path.posix.dirname(from), rel.match(/Target="([^"]+)"/)![1]!));
  };
  const presentation = xml('ppt/presentation.xml');
  const presentationRels = xml('ppt/_rels/presentation.xml.rels');
  const slides = [...presentation.matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map((m) => {
    const rel = presentationRels.match(new RegExp(`<Relationship\\b[^>]*Id="${m[1]}"[^>]*>`))![0];
    return path.posix.join('ppt', rel.match(/Target="([^"]+)"/)![1]!.replace(/^\/?ppt\//, ''));
  });
  return slides.map((slide) => {
    const layout = target(slide, 'slideLayout')!;
    const layoutShapes = shapes(xml(layout));
    const own = shapes(xml(slide)).map((s) => {
      if (s.rect || !s.ph) return s;
      const from = layoutShapes.find((l) => l.ph && l.ph.type === s.ph!.type && l.ph.idx === s.ph!.idx) ?? layoutShapes.find((l) => l.ph && l.ph.type === s.ph!.type);
      return { ...s, rect: from?.rect };
    });
    // Layout placeholders draw nothing on a slide unless the slide fills them; other layout text is drawn.
    const fromLayout = layoutShapes.filter((s) => !s.ph || s.ph.type === 'sldNum');
    return [...own, ...fromLayout].filter((s) => s.rect && s.hasText).map((s) => ({ ...s.rect!, name: s.name }));
  });
}

interface Shape {
  name: string;
  ph?: { type: string; idx: string };
  rect?: Omit<Rect, 'name'>;
  hasText: boolean;
}

function shapes(xml: string): Shape[] {
  return [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].map(([, sp]) => {
    const ph = sp!.match(/<p:ph\b([^>]*)\/?>/);
    const off = sp!.match(/<a:off x="(-?\d+)" y="(-?\d+)"\/>/);
    const ext = sp!.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/);
    return {
      name: sp!.match(/<p:cNvPr\b[^>]*name="([^"]*)"/)?.[1] ?? '',
      ph: ph ? { type: ph[1]!.match(/type="([^"]+)"/)?.[1] ?? 'body', idx: ph[1]!.match(/idx="([^"]+)"/)?.[1] ?? '0' } : undefined,
      rect: off && ext ? { x: Number(off[1]) / EMU_PER_PT, y: Number(off[2]) / EMU_PER_PT, w: Number(ext[1]) / EMU_PER_PT, h: Number(ext[2]) / EMU_PER_PT } : undefined,
      hasText: /<a:t>[^<]*\S/.test(sp!) || /<a:fld\b/.test(sp!),
    };
  });
}

/** What one rendering shows: per slide, the words drawn over other words and the words outside every text shape. */
export interface RenderingFindings {
  pages: number;
  colliding: { slide: number; words: string[] }[];
  outside: { slide: number; words: string[] }[];
}

export async function inspectRendering(pptx: string, situation: FontSituation, workDir: string): Promise<RenderingFindings> {
  const pdf = await renderDeck(pptx, situation, workDir);
  const pages = pageWords(pdf);
  const rects = await slideTextRects(pptx);
  const colliding: RenderingFindings['colliding'] = [];
  const outside: RenderingFindings['outside'] = [];
  pages.forEach((words, i) => {
    const hit = collidingWords(words).map((w) => w.text);
    if (hit.length) colliding.push({ slide: i + 1, words: hit });
    const out = wordsOutside(words, rects[i] ?? []).map((w) => w.text);
    if (out.length) outside.push({ slide: i + 1, words: out });
  });
  return { pages: pages.length, colliding, outside };
}

/** Total words in a list of per-slide findings. */
export const count = (findings: { words: string[] }[]) => findings.reduce((sum, f) => sum + f.words.length, 0);
