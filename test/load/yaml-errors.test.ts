import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../scripts/lib/load/yaml-source.ts';
import { InputError } from '../../scripts/lib/problems.ts';

/**
 * Report text is prose with Markdown, so the YAML mistakes editors make are
 * mostly text that YAML reads as syntax. Each must be reported at the mistake
 * with the line rewritten as it should be.
 */
const cases: [name: string, yaml: string, expected: string][] = [
  [
    'bold at the start of a point',
    'points:\n  - **Bold** point here\n',
    '2:5: text starting with `*` means something else to YAML. Put the whole ' +
      'text in double quotes: - "**Bold** point here"',
  ],
  [
    'italic alone, read as an alias',
    'points:\n  - *Italic*\n',
    '2:5: text starting with `*` is read by YAML as a reference (alias). Put ' +
      'the whole text in double quotes: - "*Italic*"',
  ],
  [
    'a link at the start of a point',
    'points:\n  - [NNPC](https://nnpcgroup.com/) reports monthly\n',
    '2:5: text starting with `[` means something else to YAML. Put the whole ' +
      'text in double quotes: - "[NNPC](https://nnpcgroup.com/) reports monthly"',
  ],
  [
    'code at the start of a point',
    'points:\n  - `npm run new` starts a report\n',
    '2:5: text starting with a backtick (`) means something else to YAML. Put ' +
      'the whole text in double quotes: - "`npm run new` starts a report"',
  ],
  [
    'a colon inside a title',
    'event:\n  title: Water: the Indus\n',
    '2:15: this ": " inside the text makes YAML read a new key. Put the whole ' +
      'text in double quotes: title: "Water: the Indus"',
  ],
  [
    'a quote never closed',
    'event:\n  title: "Water Sharing\n  date: 2026-01-20\n',
    '2:10: this quote is never closed, so the text runs on into the lines below. ' +
      'Add the closing quote at the end of the text.',
  ],
  [
    'a quoted word followed by more text',
    'title: "Water" Sharing\n',
    '1:8: text starting with `"` means something else to YAML. Put the whole ' +
      'text in double quotes: title: "\\"Water\\" Sharing"',
  ],
  [
    'a second document',
    'event: {}\n---\nspeakers: []\n',
    '2:1: a line `---` starts a second document, but a report is one document. Remove the `---` line.',
  ],
  [
    'a key out of line',
    'speakers:\n  - name: A\n   points:\n      - x\n',
    '3:1: this line does not line up with the lines above it (or its `- ` is ' +
      'missing). Keys of one item start at the same column; indent with spaces only.',
  ],
  [
    'a list left open',
    'keywords: [water, Indus\nbrand: default\n',
    '2:1: a list in [ ] or a mapping in { } is not closed. End it with ] or ' +
      '} on the same line, or put text that starts with [ or { in double quotes.',
  ],
];

for (const [name, yaml, expected] of cases) {
  test(`YAML mistake explained at the mistake: ${name}`, () => {
    assert.throws(
      () => parseYaml(yaml, 'r.yaml'),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.message, `r.yaml:${expected}`);
        return true;
      },
    );
  });
}

test('quoted Markdown parses as the text it says', () => {
  const { value } = parseYaml(
    'points:\n  - "**Bold** point: here"\n  - "[NNPC](https://nnpcgroup.com/) reports"\n',
    'r.yaml',
  );
  assert.deepEqual(value, { points: ['**Bold** point: here', '[NNPC](https://nnpcgroup.com/) reports'] });
});
