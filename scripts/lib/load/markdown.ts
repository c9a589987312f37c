import { fromMarkdown } from 'mdast-util-from-markdown';
import type { PhrasingContent, RootContent } from 'mdast';

/** A run of text with one style; a text field is a list of runs. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Link target for `[label](url)`. */
  href?: string;
}
export type Inline = Run[];
/** Paragraphs of inline text, as written with blank lines between them. */
export type Paragraphs = Inline[];

/**
 * Report text is inline Markdown only; block constructs are switched off so
 * that a point starting "1." or "#" stays text instead of becoming a list or heading.
 */
const inlineOnly = {
  disable: {
    null: [
      'list',
      'headingAtx',
      'setextUnderline',
      'blockQuote',
      'codeIndented',
      'codeFenced',
      'thematicBreak',
      'htmlFlow',
      'htmlText',
      'definition',
    ],
  },
};

/** Parses paragraphs of inline Markdown (blank line between paragraphs). */
export function parseParagraphs(markdown: string): Paragraphs {
  return plainParagraphs(markdown) ?? markdownParagraphs(markdown);
}

/** Parses with the Markdown parser, whatever the text holds. */
export function markdownParagraphs(markdown: string): Paragraphs {
  const tree = fromMarkdown(markdown, { extensions: [inlineOnly] });
  return tree.children.flatMap((node) =>
    node.type === 'paragraph' ? [normalise(phrasing(node.children, {}))] : fallback(node),
  );
}

/**
 * What can make Markdown of inline text: emphasis, code, links and autolinks,
 * escapes, character references, hard breaks (two spaces before a newline);
 * also carriage returns, tabs, NUL and any white space but space and newline,
 * whose handling is the parser's business. Text without any is plain.
 */
const MARKDOWN_SIGNIFICANT = /[*_`[\\<\r\t\0]|&[#A-Za-z]| {2}\n|(?![ \n])\s/;

/**
 * The paragraphs of text that holds no Markdown, as the parser would give
 * them, without running it (the parser took a third of loading the sample,
 * some 35 of 100 ms, and most fields are plain); undefined when the text needs the
 * parser. Lines are trimmed and joined by a space, as soft breaks read; lines
 * of spaces only separate paragraphs. test/model/inline.test.ts compares both ways.
 */
export function plainParagraphs(text: string): Paragraphs | undefined {
  if (MARKDOWN_SIGNIFICANT.test(text)) return undefined;
  return text
    .split(/\n(?: *\n)+/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
    .map((line) => [{ text: line }]);
}

/** Parses one text field of inline Markdown; several paragraphs are joined by a space. */
export function parseInline(markdown: string): Inline {
  const paragraphs = parseParagraphs(markdown);
  const runs: Inline = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) runs.push({ text: ' ' });
    runs.push(...p);
  });
  return normalise(runs);
}

/** The text of runs without styling, for metadata, notes and plain-text e-mail. */
export function plain(runs: Inline): string {
  return runs.map((r) => r.text).join('');
}

function phrasing(nodes: PhrasingContent[], style: Omit<Run, 'text'>): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
        // A line break inside a YAML block is a soft break: it reads as a space.
        return [{ ...style, text: node.value.replace(/\s*\n\s*/g, ' ') }];
      case 'strong':
        return phrasing(node.children, { ...style, bold: true });
      case 'emphasis':
        return phrasing(node.children, { ...style, italic: true });
      case 'link':
        return phrasing(node.children, { ...style, href: node.url });
      case 'inlineCode':
        return [{ ...style, text: node.value }];
      case 'break':
        return [{ ...style, text: '\n' }];
      default:
        return 'value' in node && typeof node.value === 'string' ? [{ ...style, text: node.value }] : [];
    }
  });
}

/** Anything that is not a paragraph (should not occur with block constructs off) is kept as its text. */
function fallback(node: RootContent): Paragraphs {
  const text = 'value' in node && typeof node.value === 'string' ? node.value : '';
  return text ? [[{ text }]] : [];
}

/** Merges neighbouring runs of the same style, so renderers see as few runs as possible. */
function normalise(runs: Run[]): Inline {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href)
      last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}
