import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A node of pdf.js's structure tree for one page (`page.getStructTree()`). */
export interface PdfJsStructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: 'content' | 'object' | 'annotation';
  id?: string;
  children?: PdfJsStructNode[];
}

export interface PdfJsText {
  str: string;
  size: number;
  /** Baseline, in PDF user space (from the page bottom). */
  baseline: number;
  /** Start of the text, in PDF user space. */
  left: number;
}

export interface PdfJsPage {
  number: number;
  /** The page dictionary's object number, as in pdf.js's marked-content ids (`p12R_mc3`). */
  objectNumber: number;
  height: number;
  structTree: PdfJsStructNode | null;
  /** Text shown inside each marked-content sequence with an MCID, by pdf.js's id for it. */
  markedText: Map<string, string>;
  items: PdfJsText[];
  /** Painting operators (text, images, filled or stroked paths) outside any artifact or MCID-tagged sequence. */
  untagged: { text: number; graphics: number };
}

export interface PdfJsOutlineEntry {
  title: string;
  depth: number;
  /** 1-based page the destination opens, if it resolves to one. */
  page?: number;
  kind?: string;
  left?: number | null;
  top?: number | null;
}

export interface PdfJsReadBack {
  pages: PdfJsPage[];
  outline: PdfJsOutlineEntry[];
}

const TEXT_OPS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
  OPS.shadingFill,
  OPS.rawFillPath,
]);
const PATH_PAINT_OPS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

/**
 * Reads a PDF the way a viewer's accessibility layer does, with pdf.js: each
 * page's structure tree, the text inside each marked-content sequence, the
 * painting operators that are neither tagged nor artifacts, and the outline
 * with each entry's destination resolved to a page.
 */
export async function readWithPdfJs(file: string): Promise<PdfJsReadBack> {
  const data = new Uint8Array(await readFile(file));
  // verbosity 0: pdf.js's own warnings (e.g. about standard fonts it cannot draw) are not findings.
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const pages: PdfJsPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { height } = page.getViewport({ scale: 1 });
      const structTree = (await page.getStructTree()) as PdfJsStructNode | null;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const markedText = new Map<string, string>();
      const open: (string | null)[] = [];
      const items: PdfJsText[] = [];
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
            open.push(item.id ?? null);
          else if (item.type === 'endMarkedContent') open.pop();
          continue;
        }
        const id = [...open].reverse().find((value) => value !== null);
        if (id) markedText.set(id, (markedText.get(id) ?? '') + item.str);
        if (item.str.trim())
          items.push({
            str: item.str,
            size: Math.hypot(item.transform[2]!, item.transform[3]!),
            baseline: item.transform[5]!,
            left: item.transform[4]!,
          });
      }
      pages.push({
        number: n,
        objectNumber: page.ref?.num ?? 0,
        height,
        structTree,
        markedText,
        items,
        untagged: untaggedOperators(await page.getOperatorList()),
      });
    }
    const outline: PdfJsOutlineEntry[] = [];
    type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
    const walk = async (entries: Item[], depth: number) => {
      for (const entry of entries) {
        const dest = typeof entry.dest === 'string' ? await doc.getDestination(entry.dest) : entry.dest;
        const resolved: PdfJsOutlineEntry = { title: entry.title, depth };
        if (Array.isArray(dest) && dest[0] && typeof dest[0] === 'object') {
          resolved.page = (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1;
          resolved.kind = (dest[1] as { name?: string } | undefined)?.name;
          if (resolved.kind === 'XYZ') {
            resolved.left = dest[2] as number | null;
            resolved.top = dest[3] as number | null;
          }
        }
        outline.push(resolved);
        await walk(entry.items, depth + 1);
      }
    };
    await walk(((await doc.getOutline()) ?? []) as Item[], 0);
    return { pages, outline };
  } finally {
    await doc.destroy();
  }
}

/** Counts painting operators outside marked content that is an artifact or carries an MCID. */
function untaggedOperators(list: { fnArray: number[]; argsArray: unknown[][] }): {
  text: number;
  graphics: number;
} {
  const stack: boolean[] = [];
  let text = 0;
  let graphics = 0;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.beginMarkedContent) stack.push(args[0] === 'Artifact');
    else if (fn === OPS.beginMarkedContentProps)
      stack.push(args[0] === 'Artifact' || (args[1] !== null && args[1] !== undefined));
    else if (fn === OPS.endMarkedContent) stack.pop();
    else if (stack.includes(true)) return;
    else if (TEXT_OPS.has(fn)) text++;
    else if (IMAGE_OPS.has(fn) || PATH_PAINT_OPS.has(fn)) graphics++;
    else if (fn === OPS.constructPath && PATH_PAINT_OPS.has(args[0] as number)) graphics++;
  });
  return { text, graphics };
}
