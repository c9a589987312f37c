/**
 * Issue 15, item 3: a word wider than its column (a URL, a long German
 * compound, a one-word name or title) is warned about at file:line:column and
 * broken across lines in the PDF between two letters, without a hyphen, as the
 * deck breaks it: every glyph stays inside the page's margins, and the whole
 * word is still in the text a reader copies (pdf.js), with its link intact.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { page } from '../../../templates/pdf/theme.ts';
import { buildPdf } from '../../support/build-pdf.ts';
import { readPdf, squash, squashedText, type PdfReadBack } from '../../support/pdf.ts';
import { root } from '../../support/run-script.ts';

const URL_WORD = `https://data.example.org/indus/${'a1b2c3d4e5'.repeat(37)}`;
const COMPOUND = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt'.repeat(5);
// Combining marks (Yoruba Ọ̀ṣun, decomposed): a break must never fall between a letter and its mark.
const MARKED = 'O\u0323\u0300s\u0323un'.repeat(40);
const NAME = 'Qureshi'.repeat(12);
const TITLE = 'Wasserstraßenverwaltungsbehördenzuständigkeitsverordnung'.repeat(2);
const LABEL = 'Flussgebietsbewirtschaftungsplanungsgrundlagen'.repeat(4);
const CAPTION = 'Abflussmessungsstationsbetreiberinnen'.repeat(4);

const REPORT = `event:
  kind: Roundtable
  title: ${TITLE}
  date: 2026-03-04
framework:
  - The ${COMPOUND} is one word in this paragraph.
speakers:
  - name: ${NAME}
    points:
      - Read the data at <${URL_WORD}> before the next session.
      - The word ${MARKED} keeps its marks.
recommendations:
  - Publish the [${LABEL}](https://example.org/plans) every month.
highlights:
  - image: highlight.jpg
    caption: ${CAPTION}
`;
// In the brief's order: highlights come before the recommendations.
const LONG = [TITLE, COMPOUND, NAME, URL_WORD, MARKED, CAPTION, LABEL];

let temp = '';
let pdf: PdfReadBack;
let stderr = '';

describe('words wider than their column (issue 15)', () => {
  before(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'briefpress-long-words-'));
    await copyFile(path.join(root, 'test/fixtures/photos/highlight-2.jpg'), path.join(temp, 'highlight.jpg'));
    await writeFile(path.join(temp, 'report.yaml'), REPORT);
    const run = buildPdf(path.join(temp, 'report.yaml'), path.join(temp, 'out'), [], {
      BRIEFPRESS_SERVER: 'off',
    });
    assert.equal(run.status, 0, run.stderr);
    stderr = run.stderr;
    const [file] = run.stdout.trim().split(/\s+/);
    pdf = await readPdf(file!);
  });
  after(() => rm(temp, { recursive: true, force: true }));

  it('warns about each at its line and column, saying how it is broken', () => {
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: '));
    for (const [line, field] of [
      [3, 'event.title'],
      [6, 'framework[0]'],
      [8, 'speakers[0].name'],
      [10, 'speakers[0].points[0]'],
      [11, 'speakers[0].points[1]'],
      [13, 'recommendations[0]'],
      [16, 'highlights[0].caption'],
    ] as const) {
      assert.ok(
        warnings.some((w) =>
          new RegExp(
            `report\\.yaml:${line}:\\d+: ${field.replace(/[.[\]]/g, '\\$&')}: the word ".*" \\(\\d+ characters\\) is \\d+ pt wide .* wider than its column \\(\\d+ pt\\): the PDF breaks it between two letters where a line ends`,
          ).test(w),
        ),
        `no warning for ${field} at line ${line}:\n${warnings.join('\n')}`,
      );
    }
  });

  it('draws every glyph inside the page margins', () => {
    const outside = pdf.pages.flatMap((p, n) =>
      p.items
        .filter((i) => i.left < page.marginX - 0.5 || i.left + i.width > p.width - page.marginX + 0.5)
        .map(
          (i) =>
            `page ${n + 1}: «${i.str.slice(0, 30)}» from ${i.left.toFixed(1)} to ${(i.left + i.width).toFixed(1)} pt`,
        ),
    );
    assert.deepEqual(
      outside,
      [],
      `text outside ${page.marginX}–${(page.width - page.marginX).toFixed(1)} pt`,
    );
  });

  it('breaks each over several lines, with no hyphen added: the whole word is in the text, in order', () => {
    const text = squashedText(pdf);
    let from = 0;
    for (const word of LONG) {
      const at = text.indexOf(squash(word), from);
      assert.ok(at >= 0, `not found whole, in order: ${word.slice(0, 40)}…`);
      from = at + squash(word).length;
      // Broken: the line that starts the word holds only part of it.
      const start = squash(word).slice(0, 24);
      const first = pdf.pages.flatMap((p) => p.items).find((i) => squash(i.str).includes(start));
      assert.ok(
        first && squash(first.str).length < squash(word).length,
        `${word.slice(0, 24)}… is on one line: ${first?.str.slice(0, 60)}`,
      );
    }
  });

  it('keeps combining marks on their letters at the breaks', () => {
    const pieces = pdf.pages
      .flatMap((p) => p.items.map((i) => i.str.normalize('NFD')))
      .filter((s) => s.includes('s\u0323un'));
    assert.ok(pieces.length > 1, 'the marked word is on several lines');
    for (const piece of pieces)
      assert.doesNotMatch(piece, /^[\u0300-\u036f]/, `a line starts with a mark: ${piece.slice(0, 12)}`);
  });

  it('keeps the link of a broken address whole', () => {
    const links = pdf.pages.flatMap((p) => p.links);
    assert.ok(links.includes(URL_WORD), `no link to the whole address: ${links.join(', ')}`);
    assert.ok(links.includes('https://example.org/plans'));
    for (const link of links)
      assert.ok(!/-$/.test(link) && (link === URL_WORD || link.length < 100), `a link was cut: ${link}`);
  });
});
