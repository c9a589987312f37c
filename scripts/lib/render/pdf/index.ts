// First: it must wrap console.error before react-pdf's reconciler keeps a reference to it.
import { holdingConsoleErrors, passOn } from './console-gate.ts';
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { Brief } from '../../../../templates/pdf/Brief.tsx';
import { MAX_PAGES } from '../../validate/limits.ts';
import { OutputError, type OutputKind, type RenderContext } from '../output.ts';
import type { LoadedReport } from '../../load-report.ts';
import { drawnText, type PageText } from '../text-layout.ts';
import { registerBrandFonts } from './fonts.ts';
import { describeMissing, drawableBy, missingGlyphs, textCodePoints } from './glyphs.ts';
import { coverProblem, guardBrief } from './guard.ts';
import { pdfFonts } from '../../layout/font-subsets.ts';
import { prepareBriefImages } from './images.ts';

/**
 * The PDF brief: fonts registered, glyphs checked, images prepared, laid out
 * by react-pdf, then its text as drawn checked against the report (guard.ts).
 */
export const pdfOutput: OutputKind = {
  title: 'PDF brief',
  extension: '.pdf',
  options: [
    {
      name: 'allow-missing-glyphs',
      help: 'build the PDF even when no brand font can draw some characters (they print wrong)',
    },
  ],
  async render(loaded, context) {
    const { bytes, pages, dropped } = await renderBrief(loaded, context);
    context.progress?.(`${pages.length} pages laid out; checking`);
    // A cover that ran onto a second page: the report's text is too long for it, located in the report.
    const cover = coverProblem(loaded.report, pages, loaded.locate);
    if (cover) throw new OutputError(cover);
    // Every text of the report drawn once, in order, not over another and not off the page.
    guardBrief(loaded.report, pages, dropped);
    return { bytes, summary: `${countPages(bytes)} pages` };
  },
};

/**
 * The brief's bytes, and its text lines as react-pdf drew them (the lines
 * pdf.js would read from the bytes, render/text-layout.ts), unchecked; with
 * the characters no brand font can draw, when `--allow-missing-glyphs` let
 * them through.
 */
export async function renderBrief(
  { report, input, locate }: LoadedReport,
  context: RenderContext,
): Promise<{ bytes: Buffer; pages: PageText[]; dropped: Set<string> }> {
  // Drawn with the brand's fonts cut down to Latin when the report's text is all Latin: faster to load.
  const fonts = await pdfFonts(report.brand, textCodePoints(report), drawableBy(report.brand.fonts));
  const brand = { ...report.brand, fonts };
  const missing = missingGlyphs(input, fonts);
  const lines = missing.map((m) => `${locate(m.path)}: ${describeMissing(m, report.brand)}`);
  if (lines.length && context.options?.['allow-missing-glyphs'] === undefined) {
    throw new OutputError(
      `no font of brand ${report.brand.name} can draw some characters, so the ` +
        `PDF would print other letters in their place:\n  ${lines.join('\n  ')}\nAdd ` +
        `a font for them to the brand, or build anyway with --allow-missing-glyphs.`,
    );
  }
  lines.forEach((line) => context.warn(`${line} (built anyway: --allow-missing-glyphs)`));
  registerBrandFonts(brand);
  const images = await prepareBriefImages(report);
  const onPage = (n: number) => {
    // react-pdf lays the pages out twice (the footer's page count): the progress counts the pages of a round.
    if (n > MAX_PAGES)
      throw new OutputError(
        `the brief runs past ${MAX_PAGES} pages, the most briefpress makes; split the report into several.`,
      );
    context.progress?.(`${n + 1} pages`);
  };
  const drawn = drawnText();
  const bytes = await renderReporting(
    createElement(Brief, {
      report: { ...report, brand },
      images,
      creationDate: context.creationDate,
      onPage,
      onText: drawn.onText,
    }),
  );
  const dropped = new Set(missing.flatMap((m) => m.scripts.flatMap((s) => s.chars)));
  return { bytes, pages: drawn.pages(), dropped };
}

/**
 * renderToBuffer, failing with the error that stopped it: an error thrown while
 * React renders the layouts reaches only console.error (see console-gate.ts),
 * and react-pdf then fails with an unrelated TypeError. Held back here, the
 * first logged error is thrown instead, for the CLI to report as one line;
 * what was logged during a render that succeeded is passed on.
 */
async function renderReporting(element: Parameters<typeof renderToBuffer>[0]): Promise<Buffer> {
  const { value, error, logged } = await holdingConsoleErrors(() => renderToBuffer(element));
  if (value) {
    passOn(logged);
    return value;
  }
  throw logged.flat().find((item) => item instanceof Error) ?? error;
}

/** Page count from the page tree: pdfkit writes each page object uncompressed. */
function countPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g)?.length ?? 0
  );
}
