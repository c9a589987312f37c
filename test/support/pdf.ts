import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  str: string;
  /** Font size in points, from the text matrix. */
  size: number;
  /** Distance from the page top, in points. */
  top: number;
  fontName: string;
}

export interface PdfPage {
  items: PdfText[];
  links: string[];
  height: number;
}

export interface PdfReadBack {
  pages: PdfPage[];
  info: Record<string, unknown>;
  outline: { title: string; items: { title: string }[] }[];
  bytes: Buffer;
}

/** Reads a PDF back the way a reader's viewer would: text with positions, links, outline, metadata. */
export async function readPdf(file: string): Promise<PdfReadBack> {
  const bytes = await readFile(file);
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [{ str: item.str, size: Math.hypot(item.transform[2]!, item.transform[3]!), top: height - item.transform[5]!, fontName: item.fontName }]
        : [],
    );
    const annotations = await page.getAnnotations();
    const links = annotations.flatMap((a: { subtype?: string; url?: string }) => (a.subtype === 'Link' && a.url ? [a.url] : []));
    pages.push({ items, links, height });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).map((o: { title: string; items: { title: string }[] }) => ({ title: o.title, items: o.items.map((i) => ({ title: i.title })) }));
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, outline, bytes };
}

/** All text of the document with whitespace removed, for order-preserving containment checks that ignore line breaks. */
export function squashedText(pdf: PdfReadBack): string {
  return squash(pdf.pages.flatMap((p) => p.items.map((i) => i.str)).join(''));
}

export function squash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '');
}

/** The page content streams of a PDF, inflated: the drawing operators as text. */
export function contentStreams(pdf: Buffer): string[] {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  const pattern = /\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not every deflated stream ends exactly at `endstream` (trailing EOL); those are fonts and images here.
    }
  }
  return streams;
}
