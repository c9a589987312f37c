import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { pathToString, type Problem } from '../problems.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Characters a report's text must not carry into the brief, the deck and the
 * e-mail, found where they are written:
 *
 * - control characters (C0 but tab and newline, DEL, C1) are errors: they
 *   print as nothing or as boxes, and the deck's XML may not hold them at all;
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
 *   errors unless the report's language is written right to left: they can
 *   make a name display in an order other than the one it is stored in
 *   ("Trojan Source", CVE-2021-42574);
 * - zero-width characters are warnings, except a joiner or non-joiner next to
 *   a letter of a script that shapes with them (Arabic, the Indic scripts…)
 *   and a joiner inside an emoji sequence.
 */

export interface HygieneFindings {
  problems: Problem[];
  /** `file:line:column: field: message`, as the build prints warnings. */
  warnings: string[];
}

/** Every string value of the YAML document, NFC-normalised: é typed as e + combining accent and as one letter
 * are then the same text. */
export function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeText) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeText(v)])) as T;
  }
  return value;
}

/** Checks every text of the document; `language` decides whether bidi controls are allowed. */
export function checkTextHygiene(src: YamlSource, language: string): HygieneFindings {
  const findings: HygieneFindings = { problems: [], warnings: [] };
  const { text } = src;
  const rtl = isRightToLeft(language);
  walk(src.doc.contents as Node | null, [], (node, path) => {
    const value = node.value;
    if (typeof value !== 'string') return;
    const where = pathToString(path);
    const [start, end] = node.range ?? [0, 0];
    const raw = text.slice(start, end);
    const locate = (char: string, nth: number) => src.lines.linePos(start + offsetInSource(raw, char, nth));
    const seen = new Map<string, number>();
    const zeroWidth: { char: string; nth: number }[] = [];
    const chars = [...value];
    chars.forEach((char, i) => {
      const nth = seen.get(char) ?? 0;
      const kind = classify(char, chars[i - 1], chars[i + 1]);
      if (kind) seen.set(char, nth + 1);
      if (kind === 'control' || (kind === 'bidi' && !rtl)) {
        const pos = locate(char, nth);
        findings.problems.push({
          file: src.shown,
          line: pos.line,
          column: pos.col,
          where,
          message: kind === 'control' ? controlMessage(char) : bidiMessage(char),
        });
      } else if (kind === 'zero-width') {
        zeroWidth.push({ char, nth });
      }
    });
    if (zeroWidth.length) {
      const first = zeroWidth[0]!;
      const pos = locate(first.char, first.nth);
      const names = [...new Set(zeroWidth.map((z) => describe(z.char)))].join(', ');
      const count =
        zeroWidth.length === 1
          ? 'an invisible zero-width character'
          : `${zeroWidth.length} invisible zero-width characters`;
      findings.warnings.push(
        `${src.shown}:${pos.line}:${pos.col}: ${where}: ${count} (${names}), the ` +
          `first here: ${zeroWidth.length === 1 ? 'it stops' : 'they stop'} search ` +
          `and copy from finding the words. Delete ${zeroWidth.length === 1 ? 'it' : 'them'} ` +
          `unless a word needs ${zeroWidth.length === 1 ? 'it' : 'them'}.`,
      );
    }
  });
  return findings;
}

type Kind = 'control' | 'bidi' | 'zero-width' | undefined;

function classify(char: string, before: string | undefined, after: string | undefined): Kind {
  const cp = char.codePointAt(0)!;
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp === 0x200c || cp === 0x200d) return joinsHere(cp, before, after) ? undefined : 'zero-width';
  if (cp === 0x200b || cp === 0x2060 || cp === 0xfeff || cp === 0x180e || (cp >= 0x2061 && cp <= 0x2064))
    return 'zero-width';
  return undefined;
}

/** Scripts whose letters join or form conjuncts, where ZWJ and ZWNJ change how a word is drawn. */
const JOINING =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tibetan}]/u;
const EMOJI = /\p{Extended_Pictographic}|\uFE0F/u;

function joinsHere(cp: number, before = '', after = ''): boolean {
  if (JOINING.test(before) || JOINING.test(after)) return true;
  // 👩‍💻: a joiner between emoji makes one picture.
  return cp === 0x200d && EMOJI.test(before) && EMOJI.test(after);
}

/** Right-to-left languages (ISO 639), and any tag naming a right-to-left script. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'ha-Arab',
  'he',
  'iw',
  'ks',
  'ku-Arab',
  'lrc',
  'mzn',
  'nqo',
  'pnb',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RTL_SCRIPTS = /-(Arab|Hebr|Syrc|Thaa|Nkoo|Adlm|Rohg|Mand|Samr)\b/i;

export function isRightToLeft(language: string): boolean {
  const primary = language.split('-')[0]!.toLowerCase();
  return RTL_LANGUAGES.has(primary) || RTL_SCRIPTS.test(language);
}

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BELL',
  0x08: 'BACKSPACE',
  0x0b: 'VERTICAL TAB',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

function describe(char: string): string {
  const cp = char.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp] ?? (cp >= 0x80 && cp <= 0x9f ? 'C1 CONTROL' : cp < 0x20 ? 'CONTROL' : undefined);
  return name ? `${hex} ${name}` : hex;
}

function controlMessage(char: string): string {
  return (
    `a control character (${describe(char)}) is here. Text never holds one: ` +
    `it prints as nothing or as a box, and the deck's XML cannot carry it. Delete ` +
    `it (an editor that shows invisible characters helps), or retype the words around it.`
  );
}

function bidiMessage(char: string): string {
  return (
    `a bidirectional control (${describe(char)}) is here: it can make the text ` +
    `display in an order other than the one it is written in (the "Trojan Source" ` +
    `trick). Delete it. If the report is in a right-to-left language, set \`report.language\` ` +
    `(e.g. ur, ar, he) and it is allowed.`
  );
}

/**
 * Where the `nth` (0-based) `char` of a scalar's value is in its source: the
 * character itself when written raw, else its escape in a double-quoted
 * scalar (`\u202E`, `\x07`, `\0`), else the scalar's start.
 */
function offsetInSource(raw: string, char: string, nth: number): number {
  const cp = char.codePointAt(0)!;
  const hex = cp.toString(16);
  const escapes = [
    char,
    `\\u${hex.padStart(4, '0')}`,
    `\\x${hex.padStart(2, '0')}`,
    `\\U${hex.padStart(8, '0')}`,
    ...(SHORT_ESCAPES[cp] ?? []),
  ];
  const found: number[] = [];
  const lower = raw.toLowerCase();
  for (const escape of escapes) {
    const needle = escape === char ? raw : lower;
    const wanted = escape === char ? char : escape.toLowerCase();
    for (let at = needle.indexOf(wanted); at !== -1; at = needle.indexOf(wanted, at + 1)) found.push(at);
  }
  found.sort((a, b) => a - b);
  return found[nth] ?? found[0] ?? 0;
}

const SHORT_ESCAPES: Record<number, string[]> = {
  0x00: ['\\0'],
  0x07: ['\\a'],
  0x08: ['\\b'],
  0x0b: ['\\v'],
  0x0c: ['\\f'],
  0x0d: ['\\r'],
  0x1b: ['\\e'],
  0x85: ['\\N'],
};

function walk(
  node: Node | null,
  path: PropertyKey[],
  visit: (node: Node & { value: unknown }, path: PropertyKey[]) => void,
): void {
  if (!node) return;
  if (isScalar(node)) visit(node, path);
  else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...path, i], visit));
  else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      walk(pair.value as Node | null, [...path, key], visit);
    }
  }
}
