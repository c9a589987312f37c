import { isScalar, visit, type Document, type YAMLError } from 'yaml';

/**
 * YAML parser errors in the words of someone editing a report: where the
 * mistake is (not where the parser noticed it) and what to type instead.
 * Report text is prose with Markdown, so most errors are text that YAML reads
 * as syntax: a ": " inside a sentence, a point starting with `**` or `[`.
 */

export interface ExplainedError {
  offset: number;
  message: string;
}

/** Characters that mean something to YAML at the start of a value; such text needs quotes. */
const SPECIAL_START = /^[*&![\]{}|>%@`'"]/;

/** Explains one parser error; `text` is the whole file. */
export function explainYamlError(error: YAMLError, text: string, doc: Document.Parsed): ExplainedError {
  const offset = error.pos[0];
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  const line = lineAround(text, offset);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return {
        offset,
        message: 'tab used for indentation; YAML indents with spaces only. Replace the tab with spaces.',
      };
    case 'DUPLICATE_KEY':
      return duplicateKey(offset, text, doc);
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `title: Water Sharing: the Indus` — the second ": " starts a mapping inside the value.
      const colon = text.indexOf(': ', offset);
      const at = colon !== -1 && colon < line.end ? colon : offset;
      return {
        offset: at,
        message:
          `this ": " inside the text makes YAML read a new key. Put the whole text ` +
          `in double quotes: ${quoted(text, line, offset)}`,
      };
    }
    case 'MISSING_CHAR':
      if (/closing "?quote/i.test(first)) return unclosedQuote(offset, doc);
      break;
    case 'MULTIPLE_DOCS':
      return {
        offset,
        message:
          'a line `---` starts a second document, but a report is one document. Remove the `---` line.',
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        offset,
        message:
          'a key without its colon, or text running onto the next line. Write `key: ' +
          'value` with ": " after the key, and indent continued text under its key.',
      };
  }
  if (/^Flow (sequence|map)/i.test(first)) {
    return {
      offset,
      message:
        'a list in [ ] or a mapping in { } is not closed. End it with ] or } on ' +
        'the same line, or put text that starts with [ or { in double quotes.',
    };
  }
  if (isIndentTrouble(error)) {
    return {
      offset,
      message:
        'this line does not line up with the lines above it (or its `- ` is missing). ' +
        'Keys of one item start at the same column; indent with spaces only.',
    };
  }
  const start = valueStart(text, line);
  if (SPECIAL_START.test(text.slice(start, line.end))) {
    return {
      offset: start,
      message:
        `text starting with ${shownChar(text[start]!)} means something else to ` +
        `YAML. Put the whole text in double quotes: ${quoted(text, line, start)}`,
    };
  }
  return {
    offset,
    message:
      `${first}. Check the indentation on this line, and put text that holds ` +
      `": " or starts with a sign such as * [ \` @ in double quotes.`,
  };
}

/** Text with a leading `*`, `[`… that YAML mis-read; the unresolved alias it became is explained here too. */
export function explainUnresolvedAlias(offset: number, text: string): ExplainedError {
  const line = lineAround(text, offset);
  return {
    offset,
    message:
      `text starting with \`*\` is read by YAML as a reference (alias). Put the ` +
      `whole text in double quotes: ${quoted(text, line, offset)}`,
  };
}

/**
 * Text with a leading `!Word` that YAML read as a tag: the word would silently
 * vanish from the point (or the whole value, for a lone `!Word`).
 */
export function explainUnresolvedTag(offset: number, text: string): ExplainedError {
  const line = lineAround(text, offset);
  const tag = /^!\S*/.exec(text.slice(offset))?.[0] ?? '!';
  return {
    offset,
    message:
      `text starting with \`${tag}\` is read by YAML as a tag, and \`${tag}\` ` +
      `would be lost from the text. Put the whole text in double quotes: ${quoted(text, line, offset)}`,
  };
}

function isIndentTrouble(error: YAMLError): boolean {
  return error.code === 'BAD_INDENT' || /same column|without - indicator|indent/i.test(error.message);
}

function shownChar(char: string): string {
  return char === '`' ? 'a backtick (`)' : `\`${char}\``;
}

function duplicateKey(offset: number, text: string, doc: Document.Parsed): ExplainedError {
  const key = /^[^\s:#]+|^"[^"]*"/.exec(text.slice(offset))?.[0] ?? 'this key';
  let firstLine: number | undefined;
  visit(doc, {
    Pair(_k, pair) {
      if (
        isScalar(pair.key) &&
        String(pair.key.value) === key.replace(/^"|"$/g, '') &&
        pair.key.range &&
        pair.key.range[0] < offset
      ) {
        const before = text.slice(0, pair.key.range[0]);
        firstLine = before.split('\n').length;
      }
    },
  });
  const where = firstLine ? ` (first on line ${firstLine})` : '';
  return {
    offset,
    message:
      `\`${key}\` is written twice in the same place${where}. Each key may appear ` +
      `once: keep one and delete the other.`,
  };
}

function unclosedQuote(offset: number, doc: Document.Parsed): ExplainedError {
  let opened: number | undefined;
  visit(doc, {
    Scalar(_k, node) {
      const [start, end] = node.range ?? [0, 0];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start < offset && end >= offset)
        opened = start;
    },
  });
  return {
    offset: opened ?? offset,
    message:
      'this quote is never closed, so the text runs on into the lines below. Add ' +
      'the closing quote at the end of the text.',
  };
}

function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, end: end === -1 ? text.length : end };
}

/** Where the value of a line starts: after `- ` and `key: `, else after the indentation. */
function valueStart(text: string, line: { start: number; end: number }): number {
  const content = text.slice(line.start, line.end);
  const match = /^(\s*(?:-\s+)*)(?:[^\s:#'"][^:#]*:\s+)?/.exec(content)!;
  return line.start + match[0].length;
}

/** The line rewritten with its text from `from` on in double quotes, as a suggestion. */
function quoted(text: string, line: { start: number; end: number }, from: number): string {
  const lead = text.slice(line.start, from).trimStart();
  const value = text.slice(from, line.end).trimEnd().replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `${lead}"${value}"`;
}
