import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { guardPage } from './guard.ts';
import type { LoadedReport } from '../../load-report.ts';
import { toolRoot } from '../../io/project.ts';
import type { FolderFile, OutputKind, RenderContext, Rendered } from '../output.ts';
import { Page } from '../../../../templates/web/Page.tsx';
import { brandTokens } from '../../../../templates/web/theme.ts';
import type { WebView } from '../../../../templates/web/view.ts';
import { ogImage, webCards } from './cards/index.ts';
import { endSubsetWorker } from '../../layout/subset-in-worker.ts';
import { webDownloads } from './downloads.ts';
import { webFonts } from './fonts.ts';
import { webImages } from './images.ts';
import { eventDates, jsonLd, pageDescription, pageTitle } from './metadata.ts';

/**
 * The web edition: a folder OUT/<slug>/ to upload as it is to any static host
 * or CMS media folder: index.html, style.css, the images (WebP, 1× and 2×),
 * the brand fonts as subset WOFF2, the share cards (cards/), and the PDF and
 * deck for download when they were built. Nothing on the page loads from another site.
 */
export const webOutput: OutputKind = {
  title: 'web edition',
  extension: '/',
  note:
    'The web edition is a folder: upload OUT/<slug>/ as it is (index.html and ' +
    'what it names); cards/ holds its share\n' +
    'cards (og.png for link previews, one per recommendation and per speaker to post). It offers OUT/<slug>.pdf\n' +
    'and OUT/<slug>.pptx for download when they were built first: `npm run build` makes everything in order.\n' +
    'Set report.url to the address the folder will have, for the canonical link and link previews.',
  render: renderWeb,
};

const STYLESHEET = 'style.css';

async function renderWeb({ report }: LoadedReport, context: RenderContext): Promise<Rendered> {
  const [images, downloads, layoutCss] = await Promise.all([
    webImages(report),
    webDownloads(report, context.outDir, context.built),
    readFile(path.join(toolRoot, 'templates/web/style.css'), 'utf8'),
  ]);
  const preview = ogImage(report);
  const description = pageDescription(report);
  const dates = eventDates(report);
  if (dates.unknownZone) {
    context.warn(
      `${report.source}: event.timezone "${dates.unknownZone}" is not a time ` +
        `zone briefpress can turn into a UTC offset, so the web page's event data ` +
        `gives local time only. Write an IANA name such as Asia/Karachi, or an offset ` +
        `such as UTC+5.`,
    );
  }
  const pdf = downloads.downloads.find((d) => d.format === 'PDF');
  const og = {
    url: absolute(preview.path, report.url),
    width: preview.width,
    height: preview.height,
    alt: preview.alt,
  };
  const view: WebView = {
    report,
    images: images.images,
    downloads: downloads.downloads,
    stylesheet: STYLESHEET,
    meta: {
      title: pageTitle(report),
      description,
      canonical: report.url,
      image: og,
      jsonLd: jsonLd(report, {
        canonical: report.url,
        description,
        dates,
        image: og.url,
        pdf: pdf && absolute(pdf.href, report.url),
      }),
    },
  };
  const html = `<!doctype html>\n${renderToStaticMarkup(createElement(Page, { view }))}\n`;
  // The page as written, checked: every text of the report is in it.
  guardPage(report, html);
  const fonts = await webFonts(report.brand, html);
  // The share cards last, once HarfBuzz's worker has gone: drawing them and subsetting the fonts each
  // take some 60-90 MB outside the heap (resvg and libvips, HarfBuzz's WebAssembly memory); one after
  // the other they no longer add up (build:web drawing all 13 cards of the sample: 374 -> 316 MB peak).
  await endSubsetWorker();
  const cards = await webCards(report, context);
  const css = `${brandTokens(report.brand)}\n${fonts.css}\n${layoutCss}`;
  const files: FolderFile[] = [
    { path: 'index.html', bytes: Buffer.from(html) },
    { path: STYLESHEET, bytes: Buffer.from(css) },
    ...fonts.files,
    ...images.files,
    ...cards.files,
    ...downloads.files,
  ];
  const summary = [
    `${files.length} files`,
    `${images.files.length} images`,
    `${fonts.files.length} fonts`,
    `${cards.files.length} share cards`,
    downloads.downloads.length
      ? `with ${downloads.downloads.map((d) => d.format).join(' and ')}`
      : 'no downloads (build the PDF and deck first)',
  ].join(', ');
  return { bytes: new Uint8Array(), files, summary };
}

/** An address relative to the page made absolute with report.url; relative when the report has no url. */
function absolute(relative: string, base: string | undefined): string {
  return base ? new URL(relative, base).href : relative;
}
