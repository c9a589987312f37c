import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import sharp from 'sharp';
import { launchBrowser } from '../browser/chromium.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { readZip } from '../render/slides/zip.ts';
import { renderDeck, type FontSituation } from './font-situations.ts';

const run = promisify(execFile);

/** A page of the PDF or a slide of the deck, as pdftoppm draws it (the deck through LibreOffice). */
export interface PageSnapshot {
  /** File name under the output folder, e.g. cover.png. */
  name: string;
  from: 'pdf' | 'deck';
  /** 1-based page (PDF) or slide (deck). */
  page?: number;
  /** Deck only, instead of `page`: the first slide on this layout (e.g. `Speaker`). */
  layout?: string;
  /** Deck only: the fonts LibreOffice draws with (default: the Office fonts' metric clones). */
  fonts?: FontSituation;
  /** Width of the picture in pixels. */
  width: number;
}

/** The top of the web edition in chromium at a screen width, as a reader scrolls it. */
export interface WebSnapshot {
  name: string;
  from: 'web';
  /** The browser's width in CSS pixels: 390 for a phone, 1280 for a laptop. */
  viewport: number;
  /** How much of the page, from the top, in CSS pixels. */
  height: number;
  width: number;
}

/** A share card of the web edition, e.g. cards/speaker-01.png. */
export interface CardSnapshot {
  name: string;
  from: 'card';
  card: string;
  width: number;
}

export type Snapshot = PageSnapshot | WebSnapshot | CardSnapshot;

export interface SnapshotOptions {
  toolRoot: string;
  report: string;
  outDir: string;
  snapshots: Snapshot[];
}

/**
 * Pictures for the README from the real outputs: the report is built with the
 * project's own commands, pages rendered by pdftoppm, the deck converted to
 * PDF by LibreOffice first (as a reader would see it, with the fonts asked
 * for), the web edition screenshot in chromium at a phone's and a laptop's
 * width, share cards as built; each picture shrunk to a small palette PNG.
 * Returns the files written.
 */
export async function writeSnapshots(options: SnapshotOptions): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'briefpress-readme-'));
  try {
    const env = { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1768900000' };
    const build = (command: string) =>
      run(
        process.execPath,
        [path.join(options.toolRoot, 'scripts/run.mjs'), command, options.report, '--out', work],
        { cwd: options.toolRoot, env },
      );
    const sources: Record<PageSnapshot['from'], string> = { pdf: '', deck: '' };
    const wanted = new Set(options.snapshots.map((s) => s.from));
    let webFolder = '';
    if (wanted.has('web') || wanted.has('card')) {
      // The whole build, so the page offers the PDF and deck as it will when published.
      await build('build');
      webFolder = path.join(work, path.basename(await only(work, '.pdf'), '.pdf'));
    }
    if (wanted.has('pdf')) {
      if (!webFolder) await build('build-pdf');
      sources.pdf = await only(work, '.pdf');
    }
    // The deck as LibreOffice draws it with each font situation asked for (a private profile and fontconfig each).
    const renderings = new Map<FontSituation, string>();
    let layouts: string[] = [];
    if (wanted.has('deck')) {
      if (!webFolder) await build('build-slides');
      const deck = await only(work, '.pptx');
      layouts = slideLayouts(await readFile(deck));
      for (const fonts of new Set(
        options.snapshots.flatMap((s) => (s.from === 'deck' ? [s.fonts ?? 'clones'] : [])),
      ))
        renderings.set(fonts, await renderDeck(deck, fonts, path.join(work, 'deck')));
    }
    const written: string[] = [];
    const browser = wanted.has('web') ? await launchBrowser() : undefined;
    try {
      for (const shot of options.snapshots) {
        let large: Buffer;
        if (shot.from === 'web')
          large = await screenshot(browser!.browser, path.join(webFolder, 'index.html'), shot);
        else if (shot.from === 'card') large = await readFile(path.join(webFolder, shot.card));
        else {
          const stem = path.join(work, `shot-${shot.name}`);
          const page = shot.layout ? layouts.indexOf(shot.layout) + 1 : shot.page;
          if (!page)
            throw new Error(
              `${shot.name}: ` +
                (shot.layout
                  ? `no slide on the layout "${shot.layout}" (the deck has ${[...new Set(layouts)].join(', ')})`
                  : 'no page given'),
            );
          const source = shot.from === 'pdf' ? sources.pdf : renderings.get(shot.fonts ?? 'clones')!;
          await run('pdftoppm', [
            '-png',
            '-singlefile',
            '-f',
            String(page),
            '-l',
            String(page),
            '-scale-to-x',
            String(shot.width * 2),
            '-scale-to-y',
            '-1',
            source,
            stem,
          ]);
          large = await readFile(`${stem}.png`);
        }
        // Rendered at twice the size (or more), then shrunk: smoother text than rendering small.
        const png = await sharp(large)
          .resize({ width: shot.width })
          .png({ palette: true, compressionLevel: 9 })
          .toBuffer();
        const target = path.join(options.outDir, shot.name);
        await writeFileAtomic(target, png);
        written.push(target);
      }
    } finally {
      await browser?.close();
    }
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The top of the page at the snapshot's screen width, drawn at 2× with every image loaded (none lazily left
 * blank). */
async function screenshot(browser: Browser, file: string, shot: WebSnapshot): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: shot.viewport, height: shot.height, deviceScaleFactor: 2 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(async () => {
      for (const img of document.images) {
        img.loading = 'eager';
        await img.decode().catch(() => undefined);
      }
      await document.fonts.ready;
    });
    return Buffer.from(
      await page.screenshot({ clip: { x: 0, y: 0, width: shot.viewport, height: shot.height } }),
    );
  } finally {
    await page.close();
  }
}

/** Each slide's layout name, in presentation order. */
export function slideLayouts(pptx: Uint8Array): string[] {
  const parts = readZip(pptx);
  const text = (name: string) => new TextDecoder().decode(parts.get(name));
  const target = (rels: string, match: RegExp) =>
    rels.match(new RegExp(`<Relationship\\b[^>]*${match.source}[^>]*>`))?.[0].match(/Target="([^"]+)"/)?.[1];
  const presentationRels = text('ppt/_rels/presentation.xml.rels');
  return [...text('ppt/presentation.xml').matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map((m) => {
    const slide = path.posix.join('ppt', target(presentationRels, new RegExp(`Id="${m[1]}"`))!);
    const layout = path.posix.normalize(
      path.posix.join(
        path.posix.dirname(slide),
        target(
          text(path.posix.join(path.posix.dirname(slide), '_rels', `${path.posix.basename(slide)}.rels`)),
          /Type="[^"]*\/slideLayout"/,
        )!,
      ),
    );
    return text(layout).match(/<p:cSld name="([^"]*)"/)?.[1] ?? '';
  });
}

async function only(dir: string, extension: string): Promise<string> {
  const found = (await readdir(dir)).filter((f) => f.endsWith(extension));
  if (found.length !== 1) throw new Error(`expected one ${extension} in ${dir}, found ${found.length}`);
  return path.join(dir, found[0]!);
}
