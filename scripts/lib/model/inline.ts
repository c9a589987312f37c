/**
 * The model's inline text: runs of plain, bold, italic and linked text, and
 * paragraphs of them. Parsing the Markdown a report is written in is part of
 * reading it (load/markdown.ts), so validation can check links and words
 * before the model exists; the model and its layouts use it from here.
 */
export {
  markdownParagraphs,
  parseInline,
  parseParagraphs,
  plain,
  plainParagraphs,
  type Inline,
  type Paragraphs,
  type Run,
} from '../load/markdown.ts';
