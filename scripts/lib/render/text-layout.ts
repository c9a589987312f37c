/**
 * Where a PDF's text is drawn, read back with pdf.js from the bytes written:
 * the text lines of each page with their boxes, in drawing order, and whether
 * each is an artifact (running header, footer, "continued" line) or content.
 * The build's guard (render/pdf/guard.ts) and the tests both use it to find
 * text printed over other text, or outside the page.
 */

export interface TextLine {
  /** 1-based page number. */
  page: number;
  text: string;
  /** Left, right, bottom and top of the glyphs' band, in PDF points from the page's bottom left. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Font size in points. */
  size: number;
  /** Inside an /Artifact marked-content sequence (a tagged PDF's page furniture). */
  artifact: boolean;
}

export interface PageText {
  number: number;
  width: number;
  height: number;
  lines: TextLine[];
}

interface Item {
  str: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  artifact: boolean;
}

/** The tag of a marked-content sequence (`Artifact`, `P`…): pdf.js gives it, though its types do not list it. */
const tagOf = (item: object): unknown => (item as { tag?: unknown }).tag;

/** Text of every page as lines, read by pdf.js. */
export async function readTextLayout(bytes: Uint8Array): Promise<PageText[]> {
  // Loaded when first needed: pdf.js keeps handles that a start-up snapshot (scripts/lib/snapshot) cannot hold.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's in-thread ("fake") worker, handed over as pdf.js looks for it, rather than imported by pdf.js
  // from beside its own file, which a bundle (the start-up snapshot's) does not have.
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
      const items: Item[] = [];
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
      pages.push({ number: n, width: right - left, height: top - bottom, lines: toLines(n, items) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Items in drawing order joined into lines. An item continues the line before
 * it when it sits on about the same baseline and does not start left of where
 * that line ends (a combining mark, drawn back over its letter with no advance
 * of its own, also continues it). A line drawn over another starts left of the
 * other's end, so it is never mistaken for its continuation.
 */
function toLines(page: number, items: Item[]): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextLine | undefined;
  let baseline = 0;
  for (const item of items) {
    const band = { y0: item.baseline - 0.2 * item.size, y1: item.baseline + 0.72 * item.size };
    const mark = item.x1 - item.x0 < 0.3 * item.size;
    const continues =
      current !== undefined &&
      current.artifact === item.artifact &&
      Math.abs(item.baseline - baseline) < 0.35 * Math.min(item.size, current.size) &&
      (mark || item.x0 >= current.x1 - 0.3 * item.size);
    if (continues) {
      current!.text += item.str;
      current!.x0 = Math.min(current!.x0, item.x0);
      current!.x1 = Math.max(current!.x1, item.x1);
      // A raised mark does not make the line taller than its letters.
      if (!mark) {
        current!.y0 = Math.min(current!.y0, band.y0);
        current!.y1 = Math.max(current!.y1, band.y1);
        current!.size = Math.max(current!.size, item.size);
      }
    } else {
      current = {
        page,
        text: item.str,
        x0: item.x0,
        x1: item.x1,
        ...band,
        size: item.size,
        artifact: item.artifact,
      };
      baseline = item.baseline;
      lines.push(current);
    }
  }
  return lines;
}

export interface Overlap {
  page: number;
  first: TextLine;
  second: TextLine;
}

/**
 * Pairs of lines on a page whose glyph bands overlap: text printed over text.
 * Bands are the x-height-to-descender part of each line, so the normal leading
 * of the tightest heading (1.1) leaves a gap; an overlap of more than a quarter
 * of the smaller band, across at least a point of width, is text a reader
 * cannot read.
 */
export function overlappingLines(pages: PageText[]): Overlap[] {
  const found: Overlap[] = [];
  for (const page of pages) {
    const lines = [...page.lines].sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < lines.length; i++) {
      const a = lines[i]!;
      for (let j = i + 1; j < lines.length && lines[j]!.y0 < a.y1; j++) {
        const b = lines[j]!;
        const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (dx > 1 && dy > 0.25 * Math.min(a.y1 - a.y0, b.y1 - b.y0))
          found.push({ page: page.number, first: a, second: b });
      }
    }
  }
  return found;
}

/** Lines drawn (partly) outside their page, where no viewer shows them. */
export function linesOffPage(pages: PageText[]): TextLine[] {
  return pages.flatMap((page) =>
    page.lines.filter(
      (l) => l.x0 < -1 || l.x1 > page.width + 1 || l.y0 + 0.2 * l.size < -1 || l.y1 > page.height + 1,
    ),
  );
}
