import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { markdownParagraphs, parseInline, plainParagraphs } from '../../scripts/lib/model/inline.ts';
import { root } from '../support/run-script.ts';

/** Every string in the sample report and in the fixtures' reports. */
function reportStrings(): string[] {
  const files = [
    ...readdirSync(path.join(root, 'content'))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(root, 'content', f)),
    ...readdirSync(path.join(root, 'test/fixtures'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(root, 'test/fixtures', f)),
  ];
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of files) {
    try {
      walk(parse(readFileSync(file, 'utf8')));
    } catch {
      // Some fixtures are broken YAML on purpose.
    }
  }
  return found;
}

/** Plain-looking text that block Markdown would treat specially, white space in every place, and Markdown proper. */
const EDGE_CASES = [
  '',
  ' ',
  '\n',
  '  \n  \n',
  'word',
  '  leading and trailing  ',
  'one\ntwo',
  'one \ntwo',
  'one\n   two',
  'one\n\ntwo',
  'one\n   \ntwo',
  '\n\nafter blank lines\n\n',
  'one   inner   spaces',
  '    four spaces first',
  'para\n    indented continuation',
  '1. not a list',
  '1) nor this',
  '- nor this',
  '+ nor this',
  '# not a heading',
  '## nor\n### this',
  '> not a quote',
  'Setext?\n===',
  'Setext?\n---',
  '---',
  '***',
  '~~~\nnot code\n~~~',
  'a | table\n-|-\nb | c',
  'ends with a bracket ]',
  'exclamation! (parenthesis)',
  'News & Current Affairs',
  'AT&T',
  '&amp; an entity',
  '&#169; a number',
  'www.example.org',
  'https://example.org/path?q=1',
  'e-mail: a@b.org',
  'hard  \nbreak',
  'not hard \nbreak',
  'tab\tinside',
  'CR\r\nLF',
  'lone\rCR',
  'no\u00a0break',
  '\u00a0leading no-break space',
  'a\u00a0\nb',
  '\u2003em spaces\u2003',
  'form\ffeed',
  'line\u2028separator',
  'nul\u0000char',
  '**bold** and _italic_',
  '[a link](https://example.org)',
  '`code`',
  'back\\slash',
  '<https://example.org>',
  'a < b > c',
  'Ünïcödé — “quotes” ‘and’ …',
  'emoji 😀 too',
  '=====',
];

/** Deterministic pseudo-random strings of plain characters, spaces and newlines. */
function* randomStrings(count: number): Generator<string> {
  const alphabet = [
    'a',
    'b',
    ' ',
    ' ',
    '\n',
    '\n',
    '#',
    '-',
    '=',
    '>',
    '1',
    '.',
    ')',
    '+',
    '~',
    '|',
    '!',
    ']',
    '(',
    '&',
    ' &',
  ];
  let seed = 20260120;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next() % 24;
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

test('text without Markdown gets the same paragraphs without the parser as with it', () => {
  const corpus = [...reportStrings(), ...EDGE_CASES, ...randomStrings(5000)];
  let fast = 0;
  for (const text of corpus) {
    const plain = plainParagraphs(text);
    if (plain === undefined) continue;
    fast++;
    assert.deepEqual(plain, markdownParagraphs(text), `differs for ${JSON.stringify(text)}`);
  }
  assert.ok(fast > corpus.length / 2, `the fast path took only ${fast} of ${corpus.length} strings`);
});

test('most of the sample report is plain text, and Markdown still goes to the parser', () => {
  const sample = reportStrings();
  assert.ok(sample.filter((s) => plainParagraphs(s) !== undefined).length > sample.length * 0.8);
  assert.equal(plainParagraphs('News & Current Affairs')?.length, 1);
  for (const text of [
    '**bold**',
    '_italic_',
    '[link](https://example.org)',
    '`code`',
    'a\\*b',
    '&amp;',
    'hard  \nbreak',
    '<https://example.org>',
  ]) {
    assert.equal(plainParagraphs(text), undefined, JSON.stringify(text));
  }
  assert.deepEqual(parseInline('  one\n  two\n\nthree  '), [{ text: 'one two three' }]);
  assert.deepEqual(parseInline('a **b**'), [{ text: 'a ' }, { text: 'b', bold: true }]);
});
