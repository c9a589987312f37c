// First: it must wrap console.error before react-pdf's reconciler keeps a reference to it.
import { holdingConsoleErrors, passOn } from './console-gate.ts';
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { Brief } from '../../../../templates/pdf/Brief.tsx';
import { MAX_PAGES } from '../../validate/limits.ts';
import { OutputError, type OutputKind } from '../output.ts';
import { registerBrandFonts } from './fonts.ts';
import { describeMissing, drawableBy, missingGlyphs, textCodePoints } from './glyphs.ts';
import { guardBrief } from './guard.ts';
import { pdfFonts } from '../../layout/font-subsets.ts';
import { prepareBriefImages } from './images.ts';

/**
 * The PDF brief: fonts registered, glyphs checked, images prepared, laid out
 * by react-pdf, then read back and checked against the report (guard.ts).
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
  async render({ report, input, locate }, context) {
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
    let pages = 0;
    const onPage = (n: number) => {
      // react-pdf lays the pages out twice (the footer's page count): the progress counts the pages of a round.
      pages = n;
      if (n > MAX_PAGES)
        throw new OutputError(
          `the brief runs past ${MAX_PAGES} pages, the most briefpress makes; split the report into several.`,
        );
      context.progress?.(`${n + 1} pages`);
    };
    const bytes = await renderReporting(
      createElement(Brief, {
        report: { ...report, brand },
        images,
        creationDate: context.creationDate,
        onPage,
      }),
    );
    context.progress?.(`${pages + 1} pages laid out; checking`);
    const dropped = new Set(missing.flatMap((m) => m.scripts.flatMap((s) => s.chars)));
    // The brief read back from its bytes: nothing lost, repeated, overprinted or off the page.
    await guardBrief(report, bytes, dropped);
    return { bytes, summary: `${countPages(bytes)} pages` };
  },
};

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
