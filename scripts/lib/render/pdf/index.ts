// First: it must wrap console.error before react-pdf's reconciler keeps a reference to it.
import { holdingConsoleErrors, passOn } from './console-gate.ts';
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { Brief } from '../../../../templates/pdf/Brief.tsx';
import type { OutputKind } from '../output.ts';
import { registerBrandFonts } from './fonts.ts';
import { drawableBy, missingGlyphs, textCodePoints } from './glyphs.ts';
import { pdfFonts } from '../../layout/font-subsets.ts';
import { prepareBriefImages } from './images.ts';

/** The PDF brief: fonts registered, glyphs checked, images prepared, then laid out by react-pdf. */
export const pdfOutput: OutputKind = {
  title: 'PDF brief',
  extension: '.pdf',
  async render({ report, input }, context) {
    // Drawn with the brand's fonts cut down to Latin when the report's text is all Latin: faster to load.
    const fonts = await pdfFonts(report.brand, textCodePoints(report), drawableBy(report.brand.fonts));
    const brand = { ...report.brand, fonts };
    registerBrandFonts(brand);
    for (const warning of missingGlyphs(input, report.brand, report.source, fonts)) context.warn(warning);
    const images = await prepareBriefImages(report);
    const bytes = await renderReporting(createElement(Brief, { report: { ...report, brand }, images, creationDate: context.creationDate }));
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
  return Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
