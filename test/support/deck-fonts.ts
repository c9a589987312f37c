import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DEJAVU, renderDeck, type FontSituation } from '../../scripts/lib/readme/font-situations.ts';
import { soffice } from './libreoffice.ts';

export { FONT_SITUATIONS, renderDeck, type FontSituation } from '../../scripts/lib/readme/font-situations.ts';

/**
 * A deck as recipients see it in three font situations (metric clones;
 * Liberation Sans for Calibri; DejaVu only: see
 * scripts/lib/readme/font-situations.ts), read back from LibreOffice's
 * rendering with poppler's word boxes (`pdftotext -bbox`): words drawn over
 * other words, and words outside every text shape.
 */

/** Why a situation cannot be rendered here, or undefined when it can. */
export function cannotRender(situation: FontSituation): string | undefined {
  if (!soffice()) return 'soffice not installed (CI installs libreoffice-impress)';
  if (spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0)
    return 'pdftotext not installed (CI installs poppler-utils)';
  if (situation === 'dejavu' && !existsSync(path.join(DEJAVU, 'DejaVuSans.ttf')))
    return `DejaVu fonts not in ${DEJAVU} (CI installs fonts-dejavu-core)`;
  return undefined;
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
  const result = spawnSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: m[5]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
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
    return !boxes.some(
      (b) =>
        w.xMin >= b.x - tolerancePt && w.xMax <= b.x + b.w + tolerancePt && mid >= b.y && mid <= b.y + b.h,
    );
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
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .find((r) => r.includes(`/${type}"`));
    return (
      rel &&
      path.posix.normalize(path.posix.join(path.posix.dirname(from), rel.match(/Target="([^"]+)"/)![1]!))
    );
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
      const from =
        layoutShapes.find((l) => l.ph && l.ph.type === s.ph!.type && l.ph.idx === s.ph!.idx) ??
        layoutShapes.find((l) => l.ph && l.ph.type === s.ph!.type);
      return { ...s, rect: from?.rect };
    });
    // Layout placeholders draw nothing on a slide unless the slide fills them; other layout text is drawn.
    const fromLayout = layoutShapes.filter((s) => !s.ph || s.ph.type === 'sldNum');
    return [...own, ...fromLayout]
      .filter((s) => s.rect && s.hasText)
      .map((s) => ({ ...s.rect!, name: s.name }));
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
      ph: ph
        ? {
            type: ph[1]!.match(/type="([^"]+)"/)?.[1] ?? 'body',
            idx: ph[1]!.match(/idx="([^"]+)"/)?.[1] ?? '0',
          }
        : undefined,
      rect:
        off && ext
          ? {
              x: Number(off[1]) / EMU_PER_PT,
              y: Number(off[2]) / EMU_PER_PT,
              w: Number(ext[1]) / EMU_PER_PT,
              h: Number(ext[2]) / EMU_PER_PT,
            }
          : undefined,
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

export async function inspectRendering(
  pptx: string,
  situation: FontSituation,
  workDir: string,
): Promise<RenderingFindings> {
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
export const count = (findings: { words: string[] }[]) =>
  findings.reduce((sum, f) => sum + f.words.length, 0);
