import type { z } from 'zod';
import { positionOf, type YamlSource } from '../load/yaml-source.ts';
import { pathToString, InputError, type Problem } from '../problems.ts';
import { didYouMean } from './did-you-mean.ts';

/**
 * Validates a parsed YAML file against a schema and returns the typed value,
 * or throws an InputError listing every problem with its line and column.
 */
export function checkAgainst<S extends z.ZodType>(schema: S, src: YamlSource): z.output<S> {
  const result = schema.safeParse(src.value);
  if (result.success) return result.data;
  const context: Context = { src, schema, guessed: new Set() };
  // Typos first: a missing key that a misspelt one was meant to be is reported once, as the typo.
  const issues = [...result.error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  const problems = issues.flatMap((issue) => toProblems(issue, context));
  throw new InputError(dedupe(sortByPosition(problems)));
}

type Issue = z.core.$ZodIssue;
interface Context {
  src: YamlSource;
  schema: z.ZodType;
  /** `parent|key` for every key suggested by "did you mean". */
  guessed: Set<string>;
}

/** What to add for a missing key, where a bare `key: …` would not be enough to go on. */
const HOW_TO_ADD: Record<string, string> = {
  speakers: 'with at least one `- name: …` and its `points:`',
  recommendations: 'with at least one line `- …` below it',
  points: 'with at least one line `- …` below it',
};

function toProblems(issue: Issue, context: Context): Problem[] {
  const { src, schema } = context;
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path, src.value);
    return issue.keys.map((key) => {
      const guess = didYouMean(key, known);
      if (guess) context.guessed.add(`${pathToString(path)}|${guess}`);
      const hint = guess
        ? `did you mean \`${guess}\`? Rename it.`
        : known.length
          ? `keys allowed here: ${known.join(', ')}. Fix the name or remove it.`
          : 'Remove it.';
      return at(src, [...path, key], `unknown key \`${key}\`; ${hint}`, key, path);
    });
  }
  if (issue.code === 'invalid_union') {
    // A mapping given where text-or-mapping is allowed: the mapping's own problems are the useful ones.
    const value = valueAt(src.value, path);
    const branch = issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.path.length > 0));
    if (value && typeof value === 'object' && branch) {
      return branch.flatMap((inner) =>
        toProblems({ ...inner, path: [...path, ...inner.path] } as Issue, context),
      );
    }
  }
  const value = valueAt(src.value, path);
  if (issue.code === 'invalid_type' && value === undefined && path.length > 0)
    return missingKey(path, context);
  if (issue.code === 'invalid_type') return [at(src, path, typeMessage(issue, value, path))];
  return [at(src, path, issue.message)];
}

/** A missing key is reported at its parent (the key of the mapping it belongs in), saying what to add there. */
function missingKey(path: readonly PropertyKey[], context: Context): Problem[] {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  if (context.guessed.has(`${pathToString(parent)}|${key}`)) return [];
  const last = parent[parent.length - 1];
  const where =
    typeof last === 'string'
      ? `under \`${last}:\``
      : last === undefined
        ? 'at the top level, not indented'
        : 'to this entry';
  const pos =
    typeof last === 'string'
      ? positionOf(context.src, parent.slice(0, -1), last)
      : positionOf(context.src, parent);
  const message = `is missing. Add \`${key}:\` ${HOW_TO_ADD[key] ? `${HOW_TO_ADD[key]}, ` : ''}${where}.`;
  return [
    { file: context.src.shown, line: pos.line, column: pos.column, where: pathToString(path), message },
  ];
}

/** zod's "expected object, received string" in the words of someone editing YAML. */
function typeMessage(
  issue: Issue & { code: 'invalid_type' },
  value: unknown,
  path: readonly PropertyKey[],
): string {
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  if (path.length === 0 && value == null)
    return 'the file holds only comments or blank lines. Write its keys, one per line as `key: value`.';
  const got =
    value === null
      ? 'nothing'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'a mapping'
          : `\`${String(value)}\``;
  if (issue.expected === 'object')
    return `must be a mapping (indented \`key: value\` lines below it), not ${got}.`;
  if (issue.expected === 'array') return `must be a list (one line \`- …\` per entry below it), not ${got}.`;
  return `must be ${issue.expected}, not ${got}.`;
}

function at(
  src: YamlSource,
  path: readonly PropertyKey[],
  message: string,
  key?: string,
  where: readonly PropertyKey[] = path,
): Problem {
  const pos = key === undefined ? positionOf(src, path) : positionOf(src, path.slice(0, -1), key);
  return {
    file: src.shown,
    line: pos.line,
    column: pos.column,
    where: pathToString(where.length ? where : path),
    message,
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step as string];
  }
  return v;
}

/** The keys the schema allows at `path`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[], root: unknown): string[] {
  let s: unknown = schema;
  let value: unknown = root;
  for (const step of [...path, null]) {
    s = unwrap(s, value);
    if (step === null) break;
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && def.shape) s = def.shape[String(step)];
    else if (def?.type === 'array') s = def.element;
    else if (def?.type === 'record')
      return Object.values(
        (def as unknown as { keyType: { def: { entries: Record<string, string> } } }).keyType.def.entries ??
          {},
      );
    else return [];
    value =
      value && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[step as string]
        : undefined;
  }
  const def = (
    s as {
      def?: {
        type?: string;
        shape?: Record<string, unknown>;
        keyType?: { def?: { entries?: Record<string, string> } };
      };
    }
  ).def;
  if (def?.type === 'object' && def.shape) return Object.keys(def.shape).filter((k) => k !== '$schema');
  if (def?.type === 'record') return Object.values(def.keyType?.def?.entries ?? {});
  return [];
}

/** Looks through optional/refinement wrappers, and into the object branch of a union for mappings. */
function unwrap(s: unknown, value: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (s as { def?: { type?: string; innerType?: unknown; in?: unknown; options?: unknown[] } })
      ?.def;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union' && def.options) {
      const wantObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      s =
        def.options.find((o) => ((o as { def?: { type?: string } }).def?.type === 'object') === wantObject) ??
        def.options[0];
    } else return s;
  }
  return s;
}

function sortByPosition(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
