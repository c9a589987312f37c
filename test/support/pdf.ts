import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { plain } from '../../scripts/lib/model/inline.ts';
import type { Report } from '../../scripts/lib/model/types.ts';

export interface PdfText {
  str: string;
  /** Font size in points, from the text matrix. */
  size: number;
  /** Distance from the page top, in points. */
  top: number;
  /** Where the text starts, from the page's left edge, and its advance width, in points. */
  left: number;
  width: number;
  fontName: string;
  /** Inside an /Artifact sequence: running header, footer, a "continued" line. */
  artifact: boolean;
}

export interface PdfPage {
  items: PdfText[];
  links: string[];
  height: number;
  width: number;
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
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { height, width } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: true });
    const artifacts: boolean[] = [];
    const items: PdfText[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') artifacts.pop();
        // pdf.js gives the sequence's tag (`Artifact`, `P`…), though its types do not list it.
        else
          artifacts.push((item as { tag?: string | null }).tag === 'Artifact' || artifacts.at(-1) === true);
      } else if (item.str.trim() !== '') {
        items.push({
          str: item.str,
          size: Math.hypot(item.transform[2]!, item.transform[3]!),
          top: height - item.transform[5]!,
          left: item.transform[4]!,
          width: item.width,
          fontName: item.fontName,
          artifact: artifacts.at(-1) === true,
        });
      }
    }
    const annotations = await page.getAnnotations();
    const links = annotations.flatMap((a: { subtype?: string; url?: string }) =>
      a.subtype === 'Link' && a.url ? [a.url] : [],
    );
    pages.push({ items, links, height, width });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).map(
    (o: { title: string; items: { title: string }[] }) => ({
      title: o.title,
      items: o.items.map((i) => ({ title: i.title })),
    }),
  );
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, outline, bytes };
}

/**
 * The document's content text (not its artifacts: running header and footer,
 * "continued" lines) with whitespace removed, for order-preserving containment
 * checks that ignore line and page breaks.
 */
export function squashedText(pdf: PdfReadBack): string {
  return squash(pdf.pages.flatMap((p) => p.items.filter((i) => !i.artifact).map((i) => i.str)).join(''));
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

/** Every text of the report a reader must find in the brief, in reading order. */
export function expectedTexts(report: Report): string[] {
  const people = (list: Report['moderators']) =>
    list.flatMap((p) => [p.nameText, ...(p.role ? [p.role] : []), ...p.affiliation]);
  return [
    report.event.titleText,
    ...(report.framework ?? []).map(plain),
    ...people(report.moderators),
    ...report.moderation.map(plain),
    ...report.speakers.flatMap((s) => [...people([s]), ...s.points.map(plain)]),
    ...report.recommendations.flatMap((r) => [
      ...(r.headline ? [plain(r.headline)] : []),
      ...r.text.map(plain),
    ]),
    ...(report.summary ?? []).map(plain),
    ...(report.conclusion ?? []).map(plain),
    ...(report.thanks ? [report.thanks.nameText, ...report.thanks.text.map(plain)] : []),
  ];
}

/** Asserts each text occurs in the PDF's content text after the previous one. */
export function assertInOrder(pdf: PdfReadBack, texts: string[]): void {
  const all = squashedText(pdf);
  let from = 0;
  for (const text of texts) {
    const at = all.indexOf(squash(text), from);
    assert.ok(at >= 0, `not found in order after offset ${from}: "${text.slice(0, 80)}…"`);
    from = at + squash(text).length;
  }
}
