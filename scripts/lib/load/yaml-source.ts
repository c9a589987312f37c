import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';
import { InputError, type Problem } from '../problems.ts';

/** A parsed YAML file that still knows where every value came from. */
export interface YamlSource {
  /** The path shown in messages (relative to the project when possible). */
  shown: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

/** Aliases let a 1 KiB file expand to gigabytes ("billion laughs"); a report never needs many. */
const MAX_ALIASES = 50;

/**
 * Parses YAML keeping positions. Syntax errors, duplicate keys, tabs used for
 * indentation and alias bombs are all reported with their line and column.
 */
export function parseYaml(text: string, shown: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const pos = lines.linePos(error.pos[0]);
    problems.push({ file: shown, line: pos.line, column: pos.col, where: '', message: explainYamlError(error.code, error.message, text, error.pos[0]) });
  }
  if (problems.length) throw new InputError(problems);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = firstAlias(doc);
    const pos = alias ? lines.linePos(alias) : { line: 1, col: 1 };
    const message = error instanceof Error && /alias/i.test(error.message)
      ? `too many aliases (${MAX_ALIASES} at most): this looks like an alias bomb. Write the text out instead of using &anchors and *aliases.`
      : `cannot read this YAML: ${error instanceof Error ? error.message : String(error)}`;
    throw new InputError([{ file: shown, line: pos.line, column: pos.col, where: '', message }]);
  }
  return { shown, doc, lines, value };
}

function explainYamlError(code: string, message: string, text: string, offset: number): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  if (code === 'DUPLICATE_KEY') return `${first}. Each key may appear once; merge the two or rename one.`;
  if (code === 'TAB_AS_INDENT' || (text[offset] === '\t' || /\t/.test(lineAt(text, offset)) && /indent/i.test(message))) {
    return 'tab used for indentation; YAML indents with spaces only. Replace the tab with spaces.';
  }
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') {
    return `${first}. Check the indentation and the quoting on this line; text containing ": " or starting with a special character needs quotes.`;
  }
  return `${first}.`;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end);
}

function firstAlias(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * The line and column of the value at `path`, or of the nearest ancestor that
 * exists (a missing key is reported where its parent is). With `key`, points
 * at the key of a mapping entry instead of its value.
 */
export function positionOf(src: YamlSource, path: readonly PropertyKey[], key?: string): { line: number; column: number } {
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const wantKey = key !== undefined && i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const target = wantKey ? pair.key : pair.value ?? pair.key;
      offset = (target as Node | null)?.range?.[0] ?? offset;
      node = target;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!item) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = src.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
