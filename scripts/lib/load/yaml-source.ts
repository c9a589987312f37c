import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';
import { InputError, type Problem } from '../problems.ts';
import {
  explainUnresolvedAlias,
  explainUnresolvedTag,
  explainYamlError,
  type ExplainedError,
} from './yaml-errors.ts';

/** A parsed YAML file that still knows where every value came from. */
export interface YamlSource {
  /** The path shown in messages (relative to the project when possible). */
  shown: string;
  /** The file's text, which node ranges index into. */
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

/** Aliases let a 1 KiB file expand to gigabytes ("billion laughs"); a report never needs many. */
const MAX_ALIASES = 50;

/**
 * Parses YAML keeping positions. Syntax errors, duplicate keys, tabs used for
 * indentation, text mis-read as aliases and alias bombs are all reported with
 * their line and column and what to write instead.
 */
export function parseYaml(text: string, shown: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const problem = ({ offset, message }: ExplainedError): Problem => {
    const pos = lines.linePos(offset);
    return { file: shown, line: pos.line, column: pos.col, where: '', message };
  };
  const problems = doc.errors.map((error) => problem(explainYamlError(error, text, doc)));
  // Reports use no tags; an unknown one is text that starts with `!` (`- !Important …`), whose word YAML drops.
  problems.push(
    ...doc.warnings
      .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
      .map((w) => problem(explainUnresolvedTag(w.pos[0], text))),
  );
  if (!problems.length)
    problems.push(...unresolvedAliases(doc).map((offset) => problem(explainUnresolvedAlias(offset, text))));
  if (problems.length) throw new InputError(dedupe(problems));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = firstAlias(doc);
    const message =
      error instanceof Error && /alias/i.test(error.message)
        ? `too many aliases (${MAX_ALIASES} at most): this looks like an alias bomb. ` +
          `Write the text out instead of using &anchors and *aliases.`
        : `cannot read this YAML: ${error instanceof Error ? error.message : String(error)}`;
    throw new InputError([problem({ offset: alias ?? 0, message })]);
  }
  return { shown, text, doc, lines, value };
}

/** Offsets of aliases (`*name`) with no anchor: in a report, nearly always Markdown `*italic*` or `**bold**`
 * at the start of text. */
function unresolvedAliases(doc: Document.Parsed): number[] {
  const found: number[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (!node.resolve(doc)) found.push(node.range?.[0] ?? 0);
    },
  });
  return found;
}

/** One parser mistake often trips several errors at one spot; show it once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
export function positionOf(
  src: YamlSource,
  path: readonly PropertyKey[],
  key?: string,
): { line: number; column: number } {
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const wantKey = key !== undefined && i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const target = wantKey ? pair.key : (pair.value ?? pair.key);
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
