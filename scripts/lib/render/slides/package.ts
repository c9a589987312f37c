import { readZip, writeZip } from './zip.ts';

/**
 * Rewrites the zip pptxgenjs makes into a package PowerPoint opens without a
 * repair prompt, and that is the same bytes for the same input:
 * - `[Content_Types].xml` lists only parts that exist, with registered MIME types;
 * - a paragraph has at most one `<a:pPr>`, first;
 * - speaker notes are one paragraph per line, in the report's language;
 * - `docProps/core.xml` carries the build date and the language;
 * - entries DEFLATE-compressed, in a stable order, with fixed dates, no folder entries.
 */

export interface PackageInfo {
  creationDate: Date;
  /** BCP 47 tag, e.g. `en`. */
  language: string;
}

/** Entry dates: zip stores local date fields, so a date made from local fields is the same bytes in every
 * time zone. */
const ENTRY_DATE = new Date(1980, 0, 1);

/** Takes pptxgenjs's zip, returns the repaired, reproducible package. */
export function repackage(zip: Uint8Array, info: PackageInfo): Uint8Array {
  const parts = new Map([...readZip(zip)].filter(([name]) => !name.endsWith('/')));
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let xml = decoder.decode(bytes);
    xml = fixParagraphs(xml);
    if (name === '[Content_Types].xml') xml = fixContentTypes(xml, parts);
    if (name.startsWith('ppt/notesSlides/notesSlide')) xml = notesParagraphs(xml, info.language);
    if (name === 'docProps/core.xml') xml = fixCore(xml, info);
    if (name === 'ppt/notesMasters/notesMaster1.xml') xml = plainNotesMaster(xml);
    // Solid backgrounds need an effect list (https://github.com/gitbrent/PptxGenJS/issues/1442).
    xml = xml.replace(/(<p:bgPr>(?:(?!<\/p:bgPr>).)*?)(<\/p:bgPr>)/gs, (all, body: string, end: string) =>
      body.includes('<a:effectLst') ? all : `${body}<a:effectLst/>${end}`,
    );
    if (/="(?:NaN|undefined|null)"|>(?:NaN|undefined)</.test(xml))
      throw new Error(`slide deck: ${name} has a NaN or undefined value; this is a bug in a slide layout`);
    parts.set(name, encoder.encode(xml));
  }
  const order = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  // DEFLATE here: pptxgenjs's `compression` option has no effect on write()
  // (https://github.com/gitbrent/PptxGenJS/issues/1009).
  return writeZip(new Map(order.map((name) => [name, parts.get(name)!])), ENTRY_DATE);
}

/** `[Content_Types].xml` first, as Office writes it, then the package relationships, then the rest by name. */
function rank(name: string): number {
  return name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2;
}

/**
 * Drops overrides for parts that are not in the package: pptxgenjs 4.0.1 lists
 * a slide master per slide (https://github.com/gitbrent/PptxGenJS/issues/1444).
 * `image/jpg` is not a registered type (https://github.com/gitbrent/PptxGenJS/pull/1462).
 */
function fixContentTypes(xml: string, parts: Map<string, Uint8Array>): string {
  return xml
    .replace(/\s*<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
      parts.has(part) ? override : '',
    )
    .replace('ContentType="image/jpg"', 'ContentType="image/jpeg"');
}

/**
 * pptxgenjs writes a `<a:pPr>` before every run of a paragraph, but the schema
 * allows one, first (https://github.com/gitbrent/PptxGenJS/issues/1081): keep the first.
 */
function fixParagraphs(xml: string): string {
  return xml.replace(/<a:p>(.*?)<\/a:p>/gs, (_all, body: string) => {
    let seen = false;
    const kept = body.replace(/<a:pPr\b[^>]*?(?:\/>|>.*?<\/a:pPr>)/gs, (pPr, offset: number) => {
      const first = !seen && offset === 0;
      seen = true;
      return first ? pPr : '';
    });
    return `<a:p>${kept}</a:p>`;
  });
}

/** pptxgenjs puts all notes in one run with line feeds; PowerPoint wants a paragraph per line. */
function notesParagraphs(xml: string, language: string): string {
  return xml.replace(
    /<a:p><a:r><a:rPr lang="[^"]*" dirty="0"\/><a:t>(.*?)<\/a:t><\/a:r><a:endParaRPr lang="[^"]*" dirty="0"\/><\/a:p>/s,
    (_all, text: string) =>
      text
        .split(/\r?\n/)
        .map((line) => `<a:p><a:r><a:rPr lang="${language}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`)
        .join(''),
  );
}

/**
 * PowerPoint repairs pptxgenjs's notes master by removing its six placeholders
 * and their extension list (https://github.com/gitbrent/PptxGenJS/issues/1443);
 * write it the way the repaired file has it: background, empty shape tree,
 * colour map, notes style.
 */
function plainNotesMaster(xml: string): string {
  return xml
    .replace(/(<\/p:grpSpPr>).*?(<\/p:spTree>)/s, '$1$2')
    .replace(/<p:extLst>.*?<\/p:extLst>(<\/p:cSld>)/s, '$1');
}

/** The build date instead of the clock (reproducible builds), a fixed revision, and the language (`dc:language`). */
function fixCore(xml: string, info: PackageInfo): string {
  const when = info.creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*/g, `$1${when}`)
    .replace(/<cp:revision>[^<]*<\/cp:revision>/, '<cp:revision>1</cp:revision>')
    .replace('</cp:coreProperties>', `<dc:language>${info.language}</dc:language></cp:coreProperties>`);
}
