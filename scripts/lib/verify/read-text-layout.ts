import { linesOf, type PageText, type TextItem } from '../render/text-layout.ts';

/** The tag of a marked-content sequence (`Artifact`, `P`…): pdf.js gives it, though its types do not list it. */
const tagOf = (item: object): unknown => (item as { tag?: unknown }).tag;

/**
 * The text lines of every page of a written PDF, as pdf.js reads them: the
 * same lines render/text-layout.ts's `drawnText` collects while react-pdf
 * draws (the tests hold the two to each other on every brief fixture).
 */
export async function readTextLayout(bytes: Uint8Array): Promise<PageText[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's in-thread ("fake") worker, handed over as pdf.js looks for it, rather than imported by pdf.js
  // from beside its own file, which a bundle does not have.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??=
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [left, bottom, right, top] = page.view as [number, number, number, number];
      const content = await page.getTextContent({ includeMarkedContent: true });
      const artifacts: boolean[] = [];
      const items: TextItem[] = [];
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')
            artifacts.push(tagOf(item) === 'Artifact' || artifacts.at(-1) === true);
          else if (item.type === 'endMarkedContent') artifacts.pop();
          continue;
        }
        if (!item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
        items.push({
          str: item.str,
          x0: e! - left,
          x1: e! - left + item.width,
          baseline: f! - bottom,
          size,
          artifact: artifacts.at(-1) === true,
        });
      }
      pages.push({ number: n, width: right - left, height: top - bottom, lines: linesOf(n, items) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
