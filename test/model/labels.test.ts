import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { loadBrand } from '../../scripts/lib/load-brand.ts';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { fillLabel, LABELS, labelsFor } from '../../scripts/lib/model/labels.ts';
import { drawableBy } from '../../scripts/lib/render/pdf/glyphs.ts';
import { readZip } from '../../scripts/lib/render/slides/zip.ts';
import { buildPdf } from '../support/build-pdf.ts';
import { readPdf } from '../support/pdf.ts';
import { root, runScript } from '../support/run-script.ts';

/**
 * The words the outputs print of their own follow the report's language
 * (issue 11: the "continued" line was English in every brief).
 */
const GERMAN = path.join(root, 'test/fixtures/german/report.yaml');

/** Every string of a label table, nested objects included. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Object.values(value as object).flatMap(strings);

describe('labels', () => {
  it('are chosen by the primary language subtag, English for a language not in the table', () => {
    assert.equal(labelsFor('de'), LABELS.de);
    assert.equal(labelsFor('de-AT'), LABELS.de);
    assert.equal(labelsFor('FR-ca'), LABELS.fr);
    assert.equal(labelsFor('en-GB'), LABELS.en);
    assert.equal(labelsFor('ur'), LABELS.en);
    assert.equal(fillLabel(LABELS.de!.page, { page: 2, pages: 7 }), 'Seite 2 von 7');
    assert.equal(fillLabel(LABELS.en!.continued, { name: 'Dr. X' }), 'Dr. X (continued)');
  });

  it('every language has every label, with the same slots as English', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const english = LABELS.en!;
    for (const [language, labels] of Object.entries(LABELS)) {
      const pairs = (a: unknown, b: unknown): [string, string][] =>
        typeof a === 'string'
          ? [[a, b as string]]
          : Object.keys(a as object).flatMap((k) =>
              pairs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
            );
      for (const [en, other] of pairs(english, labels)) {
        assert.ok(other?.trim(), `${language}: a label is empty (English: ${en})`);
        assert.deepEqual(slots(other), slots(en), `${language}: "${other}" has the slots of "${en}"`);
      }
    }
  });

  it("every shipped brand's fonts can draw every label of every language", async () => {
    const brands = readdirSync(path.join(root, 'templates/brands'));
    assert.ok(brands.length >= 3);
    for (const name of brands) {
      const drawable = drawableBy((await loadBrand(name)).fonts);
      for (const [language, labels] of Object.entries(LABELS)) {
        for (const text of strings(labels)) {
          const missing = [...text].filter((c) => !drawable(c.codePointAt(0)!));
          assert.deepEqual(missing, [], `brand ${name}, ${language}: "${text}"`);
        }
      }
    }
  });

  it('a German brief says "(Fortsetzung)", "Seite N von M", "ERSTELLT VON" and German headings', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'briefpress-labels-'));
    const run = buildPdf(GERMAN, out);
    assert.equal(run.status, 0, run.stderr);
    const { report } = await loadReport(GERMAN);
    const pdf = await readPdf(path.join(out, `${report.slug}.pdf`));
    const artifacts = pdf.pages.map((p) => p.items.filter((i) => i.artifact).map((i) => i.str.trim()));
    const count = pdf.pages.length - 1;
    // The speaker's points run onto a second page, headed by the German continued line.
    assert.ok(
      artifacts.some((a) => a.includes('Dr. Amna Qureshi (Fortsetzung)')),
      artifacts.flat().join(' | '),
    );
    assert.ok(!artifacts.flat().some((a) => /continued|Page \d/.test(a)), artifacts.flat().join(' | '));
    for (let n = 2; n <= count + 1; n++) {
      assert.ok(
        artifacts[n - 1]!.includes(`Seite ${n} von ${count + 1}`),
        `page ${n}: ${artifacts[n - 1]!.join(' | ')}`,
      );
    }
    const text = pdf.pages.flatMap((p) => p.items.map((i) => i.str)).join('\n');
    for (const heading of [
      'Diskussionspunkte',
      'Politische Empfehlungen',
      'Dankesworte',
      'Kurzbericht',
      'Telefon',
    ]) {
      assert.ok(text.includes(heading), heading);
    }
    assert.match(text.replace(/\s/g, ''), /ERSTELLTVON/);
    // The outline too: its entries are the headings.
    assert.deepEqual(
      pdf.outline.map((o) => o.title),
      ['Diskussionspunkte', 'Politische Empfehlungen', 'Dankesworte', 'Kontakt'],
    );
  });

  it('a German report\'s deck closes with "Vielen Dank"', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'briefpress-labels-deck-'));
    const run = runScript('build-slides', [GERMAN, '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const { report } = await loadReport(GERMAN);
    const parts = readZip(await readFile(path.join(out, `${report.slug}.pptx`)));
    const slides = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const last = slides
      .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]))
      .at(-1)!;
    assert.match(Buffer.from(parts.get(last)!).toString('utf8'), /<a:t>Vielen Dank<\/a:t>/);
  });

  it("a German report's web edition and e-mail use the German words too", async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'briefpress-labels-all-'));
    const run = runScript('build', [GERMAN, '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const { report } = await loadReport(GERMAN);
    const page = await readFile(path.join(out, report.slug, 'index.html'), 'utf8');
    for (const words of [
      'Zum Bericht springen',
      'Inhalt',
      '>Beitrag<',
      'Kurzbericht herunterladen',
      'Präsentation',
    ]) {
      assert.ok(page.includes(words), words);
    }
    assert.ok(!/Skip to|Contents|Speaker|Download|the deck/.test(page.replace(/<head>[\s\S]*<\/head>/, '')));
    const mail = await simpleParser(await readFile(path.join(out, `${report.slug}.eml`)));
    assert.match(mail.text ?? '', /^IM ANHANG$/m);
    assert.match(mail.text ?? '', /: der vollständige Bericht \(PDF/);
    assert.match(mail.text ?? '', /^Telefon: /m);
    assert.match(String(mail.html), /Im Anhang:<\/strong> der vollständige Bericht und die Präsentation/);
  });
});
