import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import type { Report } from '../../../scripts/lib/model/types.ts';
import { assertInOrder, expectedTexts, readPdf, squash, type PdfReadBack } from '../../support/pdf.ts';
import { root } from '../../support/run-script.ts';
import { buildPdf } from '../../support/build-pdf.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
describe('the sample brief (build:pdf)', () => {
  let pdf: PdfReadBack;
  let report: Report;
  let outDir: string;

  before(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-pdf-'));
    const run = buildPdf(SAMPLE, outDir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /2026-01-20-evolving-militant-ecosystem\.pdf {2}\d+ pages, \d+ kB, [\d.]+ s/);
    report = (await loadReport(SAMPLE)).report;
    pdf = await readPdf(path.join(outDir, `${report.slug}.pdf`));
  });

  it('holds every paragraph, point and recommendation, in order', () => {
    const texts = expectedTexts(report);
    assert.ok(texts.length > 30, 'the sample has its full content');
    assertInOrder(pdf, texts);
  });

  it('has a cover with kind, title, subtitle, date and time, venue and label', () => {
    const cover = squash(pdf.pages[0]!.items.map((i) => i.str).join(''));
    for (const text of [
      'WEBINAR',
      'The Evolving Militant Ecosystem',
      'Spillover States, Traveling Militancy',
      'Tuesday 20 January 2026',
      '5:00 – 6:00 pm PKT',
      'Online (Zoom)',
      'Brief Report',
      'South Asia Times',
    ]) {
      assert.ok(cover.includes(squash(text)), `cover lacks "${text}"`);
    }
  });

  it('numbers the body pages "Page N of M"', () => {
    const total = pdf.pages.length;
    for (let n = 2; n <= total; n++) {
      const text = pdf.pages[n - 1]!.items.map((i) => i.str).join(' ');
      assert.ok(text.includes(`Page ${n} of ${total}`), `page ${n} has no "Page ${n} of ${total}"`);
    }
  });

  it('has an outline entry per section and per speaker', () => {
    assert.deepEqual(
      pdf.outline.map((o) => o.title),
      [
        'Conceptual Framework',
        'Discussion Points',
        'Policy Recommendations',
        'Executive Summary',
        'Conclusion',
        'Thanking Remarks',
        'Contact',
      ],
    );
    assert.deepEqual(
      pdf.outline[1]!.items.map((i) => i.title),
      ['Dr. Khurram Iqbal', 'Mr Hassan Khan'],
    );
  });

  it('carries title, author, subject, keywords, language, creator and the SOURCE_DATE_EPOCH date', () => {
    assert.equal(
      pdf.info.Title,
      'The Evolving Militant Ecosystem: Spillover States, Traveling Militancy, and Who Gets Targeted Next',
    );
    assert.equal(pdf.info.Author, 'South Asia Times');
    assert.equal(pdf.info.Subject, 'Brief Report: Webinar, Tuesday 20 January 2026');
    assert.equal(
      pdf.info.Keywords,
      'militancy, spillover, Afghanistan, Pakistan, counterterrorism, South Asia',
    );
    assert.equal(pdf.info.Language, 'en');
    assert.equal(pdf.info.Creator, 'briefpress');
    assert.equal(pdf.info.CreationDate, 'D:20260120090640Z');
  });

  it('links the contact details', () => {
    const links = pdf.pages.flatMap((p) => p.links);
    assert.ok(links.includes('mailto:contact@southasiatimes.org'), `links: ${links.join(', ')}`);
    assert.ok(links.includes('https://www.southasiatimes.org/'), `links: ${links.join(', ')}`);
    assert.ok(links.includes('tel:+923184274642'), `links: ${links.join(', ')}`);
  });

  it('embeds subset fonts only', () => {
    const raw = pdf.bytes.toString('latin1');
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1]!);
    assert.ok(baseFonts.length >= 3, `fonts: ${baseFonts.join(', ')}`);
    for (const name of baseFonts)
      assert.match(name, /^[A-Z]{6}\+Noto(Sans|Serif)/, `not an embedded subset: ${name}`);
    assert.equal(
      (raw.match(/\/FontFile2/g) ?? []).length,
      new Set(baseFonts).size,
      'every font has its file embedded',
    );
  });

  it('never strands a section heading or speaker name at the bottom of a page', () => {
    const headingSizes = new Set([20, 13]); // section headings and speaker names (templates/pdf/theme.ts)
    pdf.pages.slice(1).forEach((page, i) => {
      const body = page.items.filter((item) => item.top > 60 && item.top < page.height - 50);
      const last = body[body.length - 1];
      assert.ok(last, `page ${i + 2} has body text`);
      assert.ok(!headingSizes.has(Math.round(last.size)), `page ${i + 2} ends with a heading: "${last.str}"`);
    });
  });

  it('is small enough to e-mail', async () => {
    assert.ok(pdf.bytes.length < 400_000, `${pdf.bytes.length} bytes`);
  });

  it('is byte-identical when built again with the same SOURCE_DATE_EPOCH', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'briefpress-pdf-again-'));
    const run = buildPdf(SAMPLE, again);
    assert.equal(run.status, 0, run.stderr);
    const second = await readFile(path.join(again, `${report.slug}.pdf`));
    assert.ok(second.equals(pdf.bytes), 'two builds differ');
  });

  it('passes qpdf --check', (t) => {
    const probe = spawnSync('qpdf', ['--version']);
    if (probe.error) return t.skip('qpdf not installed');
    const check = spawnSync('qpdf', ['--check', path.join(outDir, `${report.slug}.pdf`)], {
      encoding: 'utf8',
    });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /No syntax or stream encoding errors found/);
  });
});
