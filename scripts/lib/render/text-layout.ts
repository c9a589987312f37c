/**
 * Where a brief's text is drawn: the text lines of each page with their boxes,
 * in drawing order, and whether each is an artifact (running header, footer,
 * "continued" line) or content. Two sources give the same lines: react-pdf
 * telling, as it draws, each run of text it draws and where (`drawnText`,
 * which the build's guard uses, render/pdf/guard.ts), and pdf.js reading a
 * written file back (verify/read-text-layout.ts, which the tests use; they hold
 * the two to each other, line for line, on every brief fixture). Either finds
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

/** A piece of text on a page, before pieces are joined into lines: a run drawn, or an item pdf.js read. */
export interface TextItem {
  str: string;
  /** Where its baseline starts and where its last glyph that is not a space ends, in PDF points. */
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  artifact: boolean;
}

/**
 * A run of text as react-pdf draws it, given to the Document's `onText` (the
 * @react-pdf/render patch, scripts/patches/README.md): the characters a PDF
 * viewer gets for its glyphs (the font's ToUnicode entries), where its baseline
 * starts and the width of its glyphs up to the last one that is not a space,
 * in PDF points from the page's bottom left, and whether it is an artifact.
 */
export interface DrawnRun {
  page: number;
  pageWidth: number;
  pageHeight: number;
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  artifact: boolean;
}

/**
 * Collects the runs react-pdf draws (pass `onText` to the Document) and gives
 * them as lines per page: what pdf.js would read from the written file, without
 * parsing it again (some 100 ms a build for the sample, and loading pdf.js
 * another 0.2–0.5 s in a new process).
 */
export function drawnText(): { onText(run: DrawnRun): void; pages(): PageText[] } {
  const pages: { number: number; width: number; height: number; items: TextItem[] }[] = [];
  return {
    onText(run) {
      const page = (pages[run.page - 1] ??= {
        number: run.page,
        width: run.pageWidth,
        height: run.pageHeight,
        items: [],
      });
      if (run.text.trim())
        page.items.push({
          str: run.text,
          x0: run.x,
          x1: run.x + run.width,
          baseline: run.y,
          size: run.size,
          artifact: run.artifact,
        });
    },
    pages() {
      // A page with no text at all (a cover of images only) still counts.
      return Array.from(pages, (page, i) =>
        page
          ? {
              number: page.number,
              width: page.width,
              height: page.height,
              lines: linesOf(page.number, page.items),
            }
          : { number: i + 1, width: 0, height: 0, lines: [] },
      );
    },
  };
}

/**
 * Items in drawing order joined into lines. An item continues the line before
 * it when it sits on about the same baseline and does not start left of where
 * that line ends (a combining mark, drawn back over its letter with no advance
 * of its own, also continues it). A line drawn over another starts left of the
 * other's end, so it is never mistaken for its continuation.
 */
export function linesOf(page: number, items: TextItem[]): TextLine[] {
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
