import type { PdfJsPage } from './pdfjs.ts';
import { isRef, objectNumber, textOf, type QpdfDict, type QpdfFile, type QpdfValue } from './qpdf.ts';

/** One structure element of the document, read from the file's structure tree with qpdf. */
export interface StructElement {
  role: string;
  /** The role it maps to through the RoleMap (the same when standard). */
  standardRole: string;
  alt?: string;
  actualText?: string;
  lang?: string;
  /** Its text in content order, children's included, read by pdf.js from the marked content it owns. */
  text: string;
  children: StructElement[];
  /** Annotations it owns (OBJR), by reference, with the page the OBJR says each is on. */
  annotations: string[];
  annotationPages: (number | undefined)[];
  /** 1-based pages its content is on. */
  pages: number[];
}

/** The structure types of ISO 32000-1, 14.8.4, which need no role mapping. */
export const STANDARD_TYPES = new Set([
  'Document',
  'Part',
  'Art',
  'Sect',
  'Div',
  'BlockQuote',
  'Caption',
  'TOC',
  'TOCI',
  'Index',
  'NonStruct',
  'Private',
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'THead',
  'TBody',
  'TFoot',
  'Span',
  'Quote',
  'Note',
  'Reference',
  'BibEntry',
  'Code',
  'Link',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'Figure',
  'Formula',
  'Form',
]);

const name = (value: QpdfValue | undefined) =>
  typeof value === 'string' && value.startsWith('/') ? value.slice(1) : undefined;

/**
 * The document's structure tree (the StructTreeRoot's kids), each element with
 * the text of the marked content it owns: structure from qpdf, text from pdf.js,
 * joined by page and MCID. Null when the file has no structure tree.
 */
export function readStructureTree(qpdf: QpdfFile, pages: PdfJsPage[]): StructElement[] | null {
  const catalog = qpdf.object(qpdf.trailer['/Root'] as string);
  const root = catalog && (qpdf.resolve(catalog['/StructTreeRoot']) as QpdfDict | undefined);
  if (!root) return null;
  const roleMap = (qpdf.resolve(root['/RoleMap']) as QpdfDict | undefined) ?? {};
  const pageNumberOf = new Map<string, number>();
  const pageByObject = new Map(pages.map((p) => [p.objectNumber, p]));
  for (const [ref, dict] of qpdf.objects())
    if (dict['/Type'] === '/Page') pageNumberOf.set(ref, pageByObject.get(objectNumber(ref))?.number ?? 0);
  const seen = new Set<string>();

  const element = (ref: string | undefined, dict: QpdfDict): StructElement => {
    const role = name(dict['/S']) ?? '?';
    let standardRole = role;
    for (let hops = 0; !STANDARD_TYPES.has(standardRole) && roleMap[`/${standardRole}`] && hops < 10; hops++)
      standardRole = name(roleMap[`/${standardRole}`]) ?? standardRole;
    const out: StructElement = {
      role,
      standardRole,
      alt: textOf(dict['/Alt']),
      actualText: textOf(dict['/ActualText']),
      lang: textOf(dict['/Lang']),
      text: '',
      children: [],
      annotations: [],
      annotationPages: [],
      pages: [],
    };
    if (ref) seen.add(ref);
    const pageOf = (pg: QpdfValue | undefined) => (isRef(pg) ? pageNumberOf.get(pg) : undefined);
    const addContent = (page: number | undefined, mcid: number) => {
      if (page === undefined) return;
      const pdfPage = pages[page - 1];
      out.text += pdfPage?.markedText.get(`p${pdfPage.objectNumber}R_mc${mcid}`) ?? '';
      if (!out.pages.includes(page)) out.pages.push(page);
    };
    const kids = dict['/K'];
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === 'number') addContent(pageOf(dict['/Pg']), kid);
      else if (isRef(kid)) {
        const child = qpdf.object(kid);
        if (!child || seen.has(kid)) continue;
        if (child['/Type'] === '/OBJR') {
          out.annotations.push(String(child['/Obj']));
          out.annotationPages.push(pageOf(child['/Pg'] ?? dict['/Pg']));
        } else if (child['/Type'] === '/MCR')
          addContent(pageOf(child['/Pg'] ?? dict['/Pg']), Number(child['/MCID']));
        else {
          const sub = element(kid, child);
          out.children.push(sub);
          out.text += sub.text;
        }
      } else if (kid && typeof kid === 'object' && !Array.isArray(kid)) {
        if (kid['/Type'] === '/OBJR') {
          out.annotations.push(String(kid['/Obj']));
          out.annotationPages.push(pageOf(kid['/Pg'] ?? dict['/Pg']));
        } else if (kid['/Type'] === '/MCR' || '/MCID' in kid)
          addContent(pageOf(kid['/Pg'] ?? dict['/Pg']), Number(kid['/MCID']));
      }
    }
    return out;
  };

  const kids = root['/K'];
  return (Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]).flatMap((kid) => {
    const dict = qpdf.resolve(kid) as QpdfDict | undefined;
    return dict && typeof dict === 'object' ? [element(isRef(kid) ? kid : undefined, dict)] : [];
  });
}

/** Every element of a tree in document (reading) order. */
export function flatten(tree: StructElement[]): StructElement[] {
  return tree.flatMap((e) => [e, ...flatten(e.children)]);
}

/** How many elements of each type a tree has, most frequent first. */
export function countRoles(tree: StructElement[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of flatten(tree)) counts.set(e.role, (counts.get(e.role) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The parent tree's entries (number tree, ISO 32000-1 7.9.7), by key: a page's MCIDs or an annotation's element. */
export function parentTree(qpdf: QpdfFile): Map<number, QpdfValue> {
  const catalog = qpdf.object(qpdf.trailer['/Root'] as string);
  const root = catalog && (qpdf.resolve(catalog['/StructTreeRoot']) as QpdfDict | undefined);
  const entries = new Map<number, QpdfValue>();
  const visit = (node: QpdfDict | undefined, depth: number) => {
    if (!node || depth > 20) return;
    const nums = node['/Nums'];
    if (Array.isArray(nums))
      for (let i = 0; i + 1 < nums.length; i += 2) entries.set(Number(nums[i]), nums[i + 1]!);
    const kids = node['/Kids'];
    if (Array.isArray(kids)) for (const kid of kids) visit(qpdf.resolve(kid) as QpdfDict, depth + 1);
  };
  visit(root && (qpdf.resolve(root['/ParentTree']) as QpdfDict), 0);
  return entries;
}
