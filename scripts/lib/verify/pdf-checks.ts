import { readWithPdfJs, type PdfJsReadBack } from './pdfjs.ts';
import {
  hasQpdf,
  isRef,
  objectNumber,
  qpdfCheck,
  readWithQpdf,
  textOf,
  type QpdfDict,
  type QpdfFile,
} from './qpdf.ts';
import {
  countRoles,
  flatten,
  parentTree,
  readStructureTree,
  STANDARD_TYPES,
  type StructElement,
} from './structure.ts';

/** One failed check: which rule, what is wrong, and where. */
export interface Finding {
  /** The clause or checkpoint: "PDF/UA-1 7.1 (Matterhorn 01-005)", "ISO 32000-1 12.3.3". */
  rule: string;
  message: string;
  page?: number;
}

export interface PdfCheckResult {
  findings: Finding[];
  /** The structure tree read back (null when the file has none, or qpdf is missing). */
  tree: StructElement[] | null;
  /** Element counts of the tree, by type. */
  counts: [string, number][];
  /** Checks that could not run, with why. */
  skipped: string[];
  pdfjs: PdfJsReadBack;
}

/**
 * The machine-checkable PDF/UA-1 conditions (ISO 14289-1, as the Matterhorn
 * Protocol lists them) that apply to what briefpress writes, plus the PDF
 * structure checks of the outline, metadata and version. Everything is read
 * back from the file by pdf.js and qpdf, never from our writer's data.
 */
export async function checkPdf(file: string): Promise<PdfCheckResult> {
  const pdfjs = await readWithPdfJs(file);
  const findings: Finding[] = [];
  const fail = (rule: string, message: string, page?: number) =>
    findings.push({ rule, message, ...(page ? { page } : {}) });

  pdfjs.pages.forEach((page) => {
    const { text, graphics } = page.untagged;
    if (text || graphics) {
      fail(
        'PDF/UA-1 7.1 (Matterhorn 01-005)',
        `content neither tagged nor an artifact: ${text} text and ${graphics} graphics operators`,
        page.number,
      );
    }
  });

  if (!hasQpdf()) {
    return {
      findings,
      tree: null,
      counts: [],
      skipped: ['qpdf is not installed: only the content-marking check ran (install qpdf for the rest)'],
      pdfjs,
    };
  }
  const check = qpdfCheck(file);
  if (check) fail('qpdf --check', check.split('\n').slice(0, 3).join(' '));
  const qpdf = readWithQpdf(file);
  const catalog = qpdf.object(qpdf.trailer['/Root'] as string) ?? {};
  const info = (qpdf.resolve(qpdf.trailer['/Info']) as QpdfDict | undefined) ?? {};
  const tree = readStructureTree(qpdf, pdfjs.pages);

  // Document level.
  const markInfo = qpdf.resolve(catalog['/MarkInfo']) as QpdfDict | undefined;
  if (markInfo?.['/Marked'] !== true)
    fail('PDF/UA-1 7.1', 'the document is not marked as tagged (MarkInfo /Marked true)');
  if (markInfo?.['/Suspects'] === true)
    fail('PDF/UA-1 7.1 (Matterhorn 01-007)', 'MarkInfo /Suspects is true');
  if (!tree) fail('PDF/UA-1 7.1', 'no structure tree (StructTreeRoot)');
  const lang = textOf(catalog['/Lang']);
  if (!lang) fail('PDF/UA-1 7.2', 'the document language (catalog /Lang) is not set');
  const prefs = qpdf.resolve(catalog['/ViewerPreferences']) as QpdfDict | undefined;
  if (prefs?.['/DisplayDocTitle'] !== true)
    fail(
      'PDF/UA-1 7.1 (Matterhorn 07-001)',
      'viewers are not told to show the title (ViewerPreferences /DisplayDocTitle true)',
    );
  const xmp = isRef(catalog['/Metadata']) ? qpdf.streamData(catalog['/Metadata']).toString('utf8') : null;
  if (!xmp) fail('PDF/UA-1 7.1 (Matterhorn 06-001)', 'no XMP metadata stream');
  else {
    if (xmpValue(xmp, 'pdfuaid:part') !== '1')
      fail('PDF/UA-1 5 (Matterhorn 06-002)', 'the XMP metadata has no PDF/UA identifier (pdfuaid:part 1)');
    if (!xmpValue(xmp, 'dc:title'))
      fail('PDF/UA-1 7.1 (Matterhorn 06-003)', 'the XMP metadata has no dc:title');
    const badEntity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xmp);
    if (badEntity)
      fail(
        'XMP (ISO 16684-1)',
        `the XMP metadata is not well-formed XML: a bare "&" at "${xmp.slice(badEntity.index, badEntity.index + 30)}"`,
      );
    findings.push(...metadataAgreement(info, xmp));
  }
  if ('/ModificationDate' in info)
    fail(
      'ISO 32000-1 14.3.3',
      'the info dictionary writes /ModificationDate, which no reader knows, instead of /ModDate',
    );
  findings.push(...versionFindings(qpdf, catalog));
  findings.push(...fontFindings(qpdf));

  // The structure tree.
  if (tree) {
    const elements = flatten(tree);
    for (const e of elements) {
      if (!STANDARD_TYPES.has(e.standardRole))
        fail('PDF/UA-1 7.1', `structure type /${e.role} is neither standard nor role-mapped to one`);
      if (e.standardRole === 'Figure' && !e.alt && !e.actualText)
        fail('PDF/UA-1 7.3 (Matterhorn 13-004)', 'a Figure has no alternate text (/Alt)', e.pages[0]);
    }
    let previous = 0;
    for (const e of elements) {
      const level = /^H([1-6])$/.exec(e.standardRole)?.[1];
      if (!level) continue;
      const n = Number(level);
      if (previous === 0 && n !== 1)
        fail(
          'PDF/UA-1 7.4.2 (Matterhorn 14-002)',
          `the first heading is H${n}, not H1: "${short(e.text)}"`,
          e.pages[0],
        );
      else if (n > previous + 1 && previous > 0)
        fail(
          'PDF/UA-1 7.4.2 (Matterhorn 14-003)',
          `heading levels skip from H${previous} to H${n}: "${short(e.text)}"`,
          e.pages[0],
        );
      previous = n;
    }
    pdfjs.pages.forEach((page) => {
      if (page.items.length > 0 && !page.structTree?.children?.length)
        fail('PDF/UA-1 7.1', 'pdf.js finds no structure tree for a page with text', page.number);
    });
  }
  findings.push(...annotationFindings(qpdf, tree, pdfjs));
  findings.push(...outlineFindings(qpdf, catalog, pdfjs));
  return { findings, tree, counts: tree ? countRoles(tree) : [], skipped: [], pdfjs };
}

/** Link annotations: a description, inside a Link element, on a page with structure tab order. */
function annotationFindings(qpdf: QpdfFile, tree: StructElement[] | null, pdfjs: PdfJsReadBack): Finding[] {
  const findings: Finding[] = [];
  const owners = parentTree(qpdf);
  // Each annotation a Link element owns, and the page its OBJR names.
  const owned = new Map<string, number | undefined>();
  for (const e of tree ? flatten(tree) : [])
    if (e.standardRole === 'Link') e.annotations.forEach((ref, i) => owned.set(ref, e.annotationPages[i]));
  const pageNumbers = new Map(pdfjs.pages.map((p) => [p.objectNumber, p.number]));
  for (const [ref, page] of qpdf.objects()) {
    if (page['/Type'] !== '/Page') continue;
    const annots = qpdf.resolve(page['/Annots']);
    if (!Array.isArray(annots) || annots.length === 0) continue;
    const number = pageNumbers.get(objectNumber(ref));
    if (page['/Tabs'] !== '/S')
      findings.push({
        rule: 'PDF/UA-1 7.18.3',
        message: 'a page with annotations has no structure tab order (/Tabs /S)',
        page: number,
      });
    for (const ref of annots) {
      const annot = qpdf.resolve(ref) as QpdfDict | undefined;
      if (!annot || annot['/Subtype'] !== '/Link') continue;
      const target =
        textOf((qpdf.resolve(annot['/A']) as QpdfDict | undefined)?.['/URI']) ?? 'an internal destination';
      if (!textOf(annot['/Contents'])?.trim())
        findings.push({
          rule: 'PDF/UA-1 7.18.5',
          message: `a link to ${target} has no description (/Contents)`,
          page: number,
        });
      const key = annot['/StructParent'];
      const owner =
        typeof key === 'number' ? (qpdf.resolve(owners.get(key)) as QpdfDict | undefined) : undefined;
      if (!owner || owner['/S'] !== '/Link' || (tree && isRef(ref) && !owned.has(ref))) {
        findings.push({
          rule: 'PDF/UA-1 7.18.5 (Matterhorn 28-011)',
          message: `a link to ${target} is not inside a Link structure element`,
          page: number,
        });
      } else if (isRef(ref) && owned.has(ref) && owned.get(ref) !== number) {
        findings.push({
          rule: 'ISO 32000-1 14.7.4.3',
          message:
            `the structure tree puts the link to ${target} on page ${owned.get(ref)} ` +
            `(OBJR /Pg), not on its page`,
          page: number,
        });
      }
    }
  }
  return findings;
}

/** Every font embedded, with a ToUnicode map so each glyph can be spoken and copied. */
function fontFindings(qpdf: QpdfFile): Finding[] {
  const findings: Finding[] = [];
  for (const [, font] of qpdf.objects()) {
    if (
      font['/Type'] !== '/Font' ||
      font['/Subtype'] === '/CIDFontType2' ||
      font['/Subtype'] === '/CIDFontType0' ||
      font['/Subtype'] === '/Type3'
    )
      continue;
    const label = String(font['/BaseFont'] ?? '?').slice(1);
    const descendants = qpdf.resolve(font['/DescendantFonts']);
    const withDescriptor =
      font['/Subtype'] === '/Type0' && Array.isArray(descendants)
        ? (qpdf.resolve(descendants[0]) as QpdfDict)
        : font;
    const descriptor = qpdf.resolve(withDescriptor?.['/FontDescriptor']) as QpdfDict | undefined;
    if (!descriptor || !['/FontFile', '/FontFile2', '/FontFile3'].some((key) => key in descriptor)) {
      findings.push({ rule: 'PDF/UA-1 7.21.4.1', message: `font ${label} is not embedded` });
    }
    if (!font['/ToUnicode'])
      findings.push({ rule: 'PDF/UA-1 7.21.7', message: `font ${label} has no ToUnicode map` });
  }
  return findings;
}

/** The header's version must be at least that of every feature the file uses. */
function versionFindings(qpdf: QpdfFile, catalog: QpdfDict): Finding[] {
  const needs: [string, number][] = [];
  const pages = qpdf
    .objects()
    .filter(([, d]) => d['/Type'] === '/Page')
    .map(([, d]) => d);
  if (pages.some((p) => '/UserUnit' in p)) needs.push(['/UserUnit on pages', 1.6]);
  if (pages.some((p) => '/Tabs' in p)) needs.push(['/Tabs on pages', 1.5]);
  if ('/Metadata' in catalog) needs.push(['XMP metadata', 1.4]);
  if ('/MarkInfo' in catalog) needs.push(['/MarkInfo', 1.4]);
  if ('/Lang' in catalog) needs.push(['/Lang', 1.4]);
  const declared = Math.max(Number(qpdf.version), Number(name(catalog['/Version']) ?? 0));
  return needs
    .filter(([, version]) => version > declared)
    .map(([feature, version]) => ({
      rule: 'ISO 32000-1 7.5.2',
      message: `the file says PDF ${qpdf.version} but uses ${feature} (PDF ${version})`,
    }));
}

/** The outline: /Count on the root, and every entry an XYZ destination at its heading on the page it is on. */
function outlineFindings(qpdf: QpdfFile, catalog: QpdfDict, pdfjs: PdfJsReadBack): Finding[] {
  const findings: Finding[] = [];
  const outlines = qpdf.resolve(catalog['/Outlines']) as QpdfDict | undefined;
  if (pdfjs.outline.length > 0 && typeof outlines?.['/Count'] !== 'number') {
    findings.push({
      rule: 'ISO 32000-1 12.3.3',
      message: 'the outline root has no /Count although it has entries',
    });
  }
  for (const entry of pdfjs.outline) {
    if (!entry.page) {
      findings.push({
        rule: 'ISO 32000-1 12.3.3',
        message: `outline entry "${entry.title}" leads to no page`,
      });
      continue;
    }
    if (entry.kind !== 'XYZ' || typeof entry.top !== 'number') {
      findings.push({
        rule: 'ISO 32000-1 12.3.2.2',
        message:
          `outline entry "${entry.title}" fits the page (/${entry.kind}) instead ` +
          `of opening at its heading (XYZ)`,
        page: entry.page,
      });
    }
    // The heading is the occurrence of the title nearest below the destination (a name may also be quoted in
    // text above).
    const occurrences = findText(pdfjs.pages[entry.page - 1]!.items, entry.title);
    const below =
      typeof entry.top === 'number'
        ? occurrences.filter((o) => o.baseline <= entry.top!).sort((a, b) => b.baseline - a.baseline)
        : [];
    const heading = below[0] ?? occurrences[0];
    if (!heading) {
      findings.push({
        rule: 'ISO 32000-1 12.3.3',
        message: `outline entry "${entry.title}" opens page ${entry.page}, which does not show its heading`,
        page: entry.page,
      });
    } else if (
      typeof entry.top === 'number' &&
      (heading.baseline > entry.top || entry.top - heading.baseline > 3 * heading.size + 40)
    ) {
      findings.push({
        rule: 'ISO 32000-1 12.3.2.2',
        message:
          `outline entry "${entry.title}" opens at y ${Math.round(entry.top)}, not ` +
          `at its heading (baseline y ${Math.round(heading.baseline)})`,
        page: entry.page,
      });
    } else if (typeof entry.left === 'number' && (entry.left < 0 || entry.left > heading.left + 1)) {
      findings.push({
        rule: 'ISO 32000-1 12.3.2.2',
        message:
          `outline entry "${entry.title}" opens at x ${Math.round(entry.left)}, right ` +
          `of its heading (x ${Math.round(heading.left)})`,
        page: entry.page,
      });
    }
  }
  return findings;
}

/** The text items where `title` starts on a page, ignoring spaces, case and letter-spacing. */
function findText(items: { str: string; size: number; baseline: number; left: number }[], title: string) {
  const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  const wanted = squash(title);
  let joined = '';
  const starts: number[] = [];
  for (const item of items) {
    starts.push(joined.length);
    joined += squash(item.str);
  }
  const found: typeof items = [];
  for (let at = joined.indexOf(wanted); at >= 0 && wanted; at = joined.indexOf(wanted, at + 1)) {
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > at) index--;
    found.push(items[index]!);
  }
  return found;
}

/** Info dictionary and XMP say the same (ISO 32000-1 14.3.2; PDF/A and PDF/UA readers compare them). */
function metadataAgreement(info: QpdfDict, xmp: string): Finding[] {
  const pairs: [string, string, 'text' | 'date'][] = [
    ['/Title', 'dc:title', 'text'],
    ['/Author', 'dc:creator', 'text'],
    ['/Subject', 'dc:description', 'text'],
    ['/Keywords', 'pdf:Keywords', 'text'],
    ['/Creator', 'xmp:CreatorTool', 'text'],
    ['/Producer', 'pdf:Producer', 'text'],
    ['/CreationDate', 'xmp:CreateDate', 'date'],
    ['/ModDate', 'xmp:ModifyDate', 'date'],
  ];
  const findings: Finding[] = [];
  for (const [key, tag, kind] of pairs) {
    const fromInfo = textOf(info[key]);
    if (fromInfo === undefined) continue;
    const fromXmp = xmpValue(xmp, tag);
    const same =
      kind === 'date'
        ? fromXmp !== undefined && infoDate(fromInfo) === xmpDate(fromXmp)
        : fromXmp === fromInfo;
    if (!same)
      findings.push({
        rule: 'ISO 32000-1 14.3.2',
        message:
          `info ${key} "${fromInfo}" and XMP ${tag} ${fromXmp === undefined ? 'missing' : `"${fromXmp}"`}` +
          ' disagree',
      });
  }
  return findings;
}

/** A simple XMP property's text, or the first item of an rdf:Alt/Seq/Bag. */
export function xmpValue(xmp: string, tag: string): string | undefined {
  const element = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xmp)?.[1];
  if (element === undefined) return undefined;
  const item = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(element)?.[1] ?? element;
  return item
    .trim()
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** D:YYYYMMDDHHmmSS with Z or an offset → ISO instant (seconds), for comparing with XMP dates. */
function infoDate(value: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  return xmpDate(
    `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`,
  );
}

function xmpDate(value: string): string | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function name(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') ? value.slice(1) : undefined;
}

function short(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 50 ? `${clean.slice(0, 49)}…` : clean;
}
