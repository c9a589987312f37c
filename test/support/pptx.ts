import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { TextParagraph } from '../../scripts/lib/layout/measure-text.ts';

/**
 * Reads a .pptx back the way PowerPoint would: the slides in presentation
 * order, each text box with its position, insets and runs, and the notes.
 * Only fflate and regular expressions: the parts are small and machine-written.
 */

export interface TextBox {
  name: string;
  /** The placeholder type (`title`, `body`, `sldNum`…) when the shape fills one of its layout's placeholders. */
  placeholder?: string;
  /** Position and size in points. */
  x: number;
  y: number;
  w: number;
  h: number;
  insets: { l: number; t: number; r: number; b: number };
  wrap: boolean;
  paragraphs: TextParagraph[];
  text: string;
}

export interface SlideReadBack {
  file: string;
  xml: string;
  layout: string;
  boxes: TextBox[];
  text: string;
  notes: string[];
}

export interface DeckReadBack {
  parts: Map<string, Uint8Array>;
  slides: SlideReadBack[];
  /** Text boxes of the slide layouts (the masters' objects). */
  layoutBoxes: TextBox[];
  /** The slide layouts: name and XML. */
  layouts: { name: string; xml: string }[];
  xml(name: string): string;
  bytes: Uint8Array;
}

const EMU_PER_PT = 12700;
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Unzips a deck and reads its slides, layouts and notes. */
export async function readDeck(file: string): Promise<DeckReadBack> {
  const bytes = new Uint8Array(await readFile(file));
  const parts = new Map(Object.entries(unzipSync(bytes)));
  const xml = (name: string) => {
    const part = parts.get(name);
    if (!part) throw new Error(`no part ${name} in ${file}`);
    return strFromU8(part);
  };
  const rels = (name: string) => {
    const relsName = path.posix.join(path.posix.dirname(name), '_rels', `${path.posix.basename(name)}.rels`);
    return [...xml(relsName).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      id: attr(m[0], 'Id')!,
      type: attr(m[0], 'Type')!,
      target: path.posix.normalize(path.posix.join(path.posix.dirname(name), attr(m[0], 'Target')!)),
    }));
  };
  const presentation = xml('ppt/presentation.xml');
  const presentationRels = rels('ppt/presentation.xml');
  const slideFiles = [...presentation.matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map(
    (m) => presentationRels.find((r) => r.id === m[1])!.target,
  );
  const slides = slideFiles.map((slideFile): SlideReadBack => {
    const slideXml = xml(slideFile);
    const slideRels = rels(slideFile);
    const layoutFile = slideRels.find((r) => r.type.endsWith('/slideLayout'))!.target;
    const notesFile = slideRels.find((r) => r.type.endsWith('/notesSlide'))?.target;
    const notes = notesFile ? notesText(xml(notesFile)) : [];
    const boxes = textBoxes(slideXml);
    return {
      file: slideFile,
      xml: slideXml,
      layout: attr(xml(layoutFile).match(/<p:cSld\b[^>]*>/)![0], 'name') ?? '',
      boxes,
      text: boxes.map((b) => b.text).join('\n'),
      notes,
    };
  });
  const layoutFiles = [...parts.keys()].filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
  const layoutBoxes = layoutFiles.flatMap((n) => textBoxes(xml(n)));
  const layouts = layoutFiles.map((n) => ({
    name: attr(xml(n).match(/<p:cSld\b[^>]*>/)![0], 'name') ?? '',
    xml: xml(n),
  }));
  return { parts, slides, layoutBoxes, layouts, xml, bytes };
}

/** The text boxes (`p:sp` with a `p:txBody`) of a slide or layout. */
export function textBoxes(slideXml: string): TextBox[] {
  return [...slideXml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].flatMap(([, shape]) => {
    const body = shape!.match(/<p:txBody>(.*?)<\/p:txBody>/s)?.[1];
    const off = shape!.match(/<a:off x="(-?\d+)" y="(-?\d+)"\/>/);
    const ext = shape!.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/);
    if (!body || !off || !ext) return [];
    const bodyPr = body.match(/<a:bodyPr\b[^>]*>/)![0];
    const inset = (name: string, fallback: number) => Number(attr(bodyPr, name) ?? fallback) / EMU_PER_PT;
    // Run properties a layout sets once for the box (pptxgenjs does this for slide numbers).
    const defaults = body.match(/<a:lstStyle>.*?<a:defRPr\b[^>]*?(?:\/>|>.*?<\/a:defRPr>)/s)?.[0] ?? '';
    const paragraphs = [...body.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
      .map(([, p]) => paragraph(p!, defaults))
      .filter((p) => p.runs.length > 0);
    const ph = shape!.match(/<p:ph\b([^>]*)>/)?.[1];
    return [
      {
        name: attr(shape!.match(/<p:cNvPr\b[^>]*>/)?.[0] ?? '', 'name') ?? '',
        placeholder: ph === undefined ? undefined : (attr(ph, 'type') ?? 'body'),
        x: Number(off[1]) / EMU_PER_PT,
        y: Number(off[2]) / EMU_PER_PT,
        w: Number(ext[1]) / EMU_PER_PT,
        h: Number(ext[2]) / EMU_PER_PT,
        // PowerPoint's defaults when bodyPr says nothing: 0.1 in left and right, 0.05 in top and bottom.
        insets: {
          l: inset('lIns', 91440),
          t: inset('tIns', 45720),
          r: inset('rIns', 91440),
          b: inset('bIns', 45720),
        },
        wrap: attr(bodyPr, 'wrap') !== 'none',
        paragraphs,
        text: paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n'),
      },
    ];
  });
}

/** A paragraph with the style of its first run (the layouts write one style per paragraph) and every run's text. */
function paragraph(xml: string, defaults: string): TextParagraph {
  const pPr = xml.match(/^<a:pPr\b[^>]*?(?:\/>|>.*?<\/a:pPr>)/s)?.[0] ?? '';
  const pts = (tag: string) => {
    const value = pPr.match(new RegExp(`<a:${tag}><a:spcPts val="(\\d+)"/></a:${tag}>`))?.[1];
    return value === undefined ? undefined : Number(value) / 100;
  };
  const runs = [
    ...xml.matchAll(/<a:(r|fld)\b[^>]*>\s*(<a:rPr\b[^>]*?(?:\/>|>.*?<\/a:rPr>))?\s*<a:t>(.*?)<\/a:t>/gs),
  ].map(([, , rPr = '', text]) => ({ rPr, text: unescape(text!) }));
  const first = runs[0]?.rPr ?? '';
  const size = Number(attr(first, 'sz') ?? attr(defaults, 'sz') ?? 1800) / 100;
  const font = (first.match(/<a:latin typeface="([^"]+)"/)?.[1] ??
    defaults.match(/<a:latin typeface="([^"]+)"/)?.[1] ??
    'Calibri') as TextParagraph['style']['font'];
  return {
    runs: runs.map((r) => ({
      text: r.text,
      bold: attr(r.rPr, 'b') === '1' || undefined,
      italic: attr(r.rPr, 'i') === '1' || undefined,
    })),
    style: {
      font,
      sizePt: size,
      // Without an exact spacing the renderer picks the font's own; 1.2 em is PowerPoint's single spacing for
      // most fonts.
      lineSpacingPt: pts('lnSpc') ?? size * 1.2,
      charSpacingPt: attr(first, 'spc') ? Number(attr(first, 'spc')) / 100 : undefined,
    },
    spaceBeforePt: pts('spcBef'),
    indentPt: attr(pPr, 'marL') ? Number(attr(pPr, 'marL')) / EMU_PER_PT : undefined,
  };
}

/** The notes placeholder's paragraphs. */
function notesText(xml: string): string[] {
  const body =
    [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].map((m) => m[1]!).find((s) => /<p:ph type="body"/.test(s)) ??
    '';
  return [...body.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
    .map(([, p]) => [...p!.matchAll(/<a:t>(.*?)<\/a:t>/gs)].map((t) => unescape(t[1]!)).join(''))
    .filter(Boolean);
}

/**
 * Problems that make an XML part not well-formed: unbalanced or crossed tags,
 * unquoted attributes, stray `&` or `<`. Empty when the part is fine.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  for (const m of body.matchAll(
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g,
  )) {
    if (!m[2]) {
      problems.push(`stray "${m[0]}" at ${m.index}`);
      continue;
    }
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) problems.push(`</${m[2]}> closes <${open}> at ${m.index}`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  return problems;
}

/** Compression method of every entry, from the zip's local headers (8 = DEFLATE, 0 = stored). */
export function entryMethods(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const methods = new Map<string, number>();
  let at = 0;
  while (at + 30 <= zip.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    methods.set(strFromU8(zip.subarray(at + 30, at + 30 + nameLength)), method);
    at += 30 + nameLength + extraLength + size;
  }
  return methods;
}
