import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { Document, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import { plain } from '../../../scripts/lib/model/inline.ts';
import type { Report } from '../../../scripts/lib/model/types.ts';
import { checkPdf, xmpValue, type PdfCheckResult } from '../../../scripts/lib/verify/pdf-checks.ts';
import { hasQpdf, readWithQpdf, type QpdfDict } from '../../../scripts/lib/verify/qpdf.ts';
import { flatten } from '../../../scripts/lib/verify/structure.ts';
import { buildPdf } from '../../support/build-pdf.ts';
import { squash } from '../../support/pdf.ts';
import { root } from '../../support/run-script.ts';

/**
 * The tagged brief read back with pdf.js and qpdf (scripts/lib/verify), never
 * with our writer's data. Each react-pdf/pdfkit patch in scripts/patches has a
 * test here that fails without it (see scripts/patches/README.md).
 */
const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const fixture = (name: string) => path.join(root, 'test/fixtures', name, 'report.yaml');
const QPDF = hasQpdf();
const needsQpdf = (t: { skip: (reason: string) => void }) => {
  if (!QPDF) t.skip('qpdf not installed');
  return !QPDF;
};

interface Built {
  report: Report;
  file: string;
  check: PdfCheckResult;
}

async function build(file: string): Promise<Built> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-a11y-'));
  const run = buildPdf(file, outDir);
  assert.equal(run.status, 0, run.stderr);
  const { report } = await loadReport(file);
  const pdf = path.join(outDir, `${report.slug}.pdf`);
  return { report, file: pdf, check: await checkPdf(pdf) };
}

const same = (a: string, b: string) => squash(a).toLowerCase() === squash(b).toLowerCase();
const elements = (b: Built, role?: string) =>
  flatten(b.check.tree ?? []).filter((e) => !role || e.role === role);

/** Every brief fixture, by name. The glyphs fixture is checked apart: its missing character falls back to an
 * unembedded font. */
const BRIEFS: Record<string, string> = {
  sample: SAMPLE,
  photos: fixture('photos'),
  stress: fixture('stress'),
  minimal: fixture('minimal'),
  'email-default-brand': fixture('email-default-brand'),
  'long-paragraph': fixture('long-paragraph'),
  'long-speaker': fixture('long-speaker'),
  'many-points': fixture('many-points'),
  'long-framework': fixture('long-framework'),
  'long-recommendation': fixture('long-recommendation'),
};
const built = new Map<string, Promise<Built>>();
const brief = (name: string) => {
  if (!built.has(name)) built.set(name, build(BRIEFS[name]!));
  return built.get(name)!;
};

describe('every brief fixture, read back by pdf.js and qpdf (npm run check:pdf)', () => {
  for (const name of Object.keys(BRIEFS)) {
    it(
      `${name}: 0 PDF/UA-1 and structure failures (qpdf --check, outline on its ` +
        `headings, metadata, version)`,
      async (t) => {
        if (needsQpdf(t)) return;
        const { check } = await brief(name);
        assert.deepEqual(check.findings, []);
        assert.ok(
          check.tree && check.tree.length === 1 && check.tree[0]!.role === 'Document',
          'one Document element at the root',
        );
      },
    );
    it(`${name}: every text, image and path is tagged content or an artifact (pdf.js operator lists)`, async () => {
      const { check } = await brief(name);
      for (const page of check.pdfjs.pages)
        assert.deepEqual(page.untagged, { text: 0, graphics: 0 }, `page ${page.number}`);
    });
  }

  it('the check reports what a character no brand font can draw costs: an unembedded fallback font', async (t) => {
    if (needsQpdf(t)) return;
    const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-a11y-glyphs-'));
    assert.equal(buildPdf(fixture('glyphs'), outDir, ['--allow-missing-glyphs']).status, 0);
    const { report } = await loadReport(fixture('glyphs'));
    const { findings } = await checkPdf(path.join(outDir, `${report.slug}.pdf`));
    assert.ok(
      findings.some((f) => /font Helvetica is not embedded/.test(f.message)),
      JSON.stringify(findings),
    );
  });

  it('check:pdf fails an untagged PDF (react-pdf without tagging, as briefs were before)', async (t) => {
    if (needsQpdf(t)) return;
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'briefpress-untagged-')), 'untagged.pdf');
    const untagged = createElement(
      Document,
      { title: 'Untagged' },
      createElement(Page, { size: 'A6' }, createElement(Text, null, 'Plain text')),
    );
    await writeFile(file, await renderToBuffer(untagged));
    const { findings } = await checkPdf(file);
    for (const expected of [
      /not marked as tagged/,
      /no structure tree/,
      /neither tagged nor an artifact/,
      /no XMP metadata/,
      /PDF 1\.3 but uses \/UserUnit/,
    ]) {
      assert.ok(
        findings.some((f) => expected.test(f.message)),
        `${expected} not found in ${JSON.stringify(findings)}`,
      );
    }
  });
});

describe('the structure tree mirrors the report', () => {
  for (const name of ['sample', 'photos', 'stress']) {
    describe(name, () => {
      let b: Built;
      before(async () => {
        b = await brief(name);
      });

      it('one Sect per section, each with one H1: the cover title, then each outline section', (t) => {
        if (needsQpdf(t)) return;
        const sects = b.check.tree![0]!.children;
        assert.ok(
          sects.every((s) => s.role === 'Sect'),
          sects.map((s) => s.role).join(' '),
        );
        const h1s = sects.map((s) => s.children.filter((c) => c.role === 'H1'));
        assert.ok(
          h1s.every((h) => h.length === 1),
          'every Sect has exactly one H1',
        );
        const sections = b.check.pdfjs.outline.filter((o) => o.depth === 0).map((o) => o.title);
        const titles = h1s.map((h) => h[0]!.text);
        assert.ok(same(titles[0]!, b.report.event.titleText), `cover H1 "${titles[0]}"`);
        assert.deepEqual(
          titles.slice(1).map((t) => squash(t).toLowerCase()),
          sections.map((t) => squash(t).toLowerCase()),
        );
      });

      it('one H2 per moderator and speaker, in report order, with role and affiliation as P', (t) => {
        if (needsQpdf(t)) return;
        const people = [...b.report.moderators, ...b.report.speakers];
        const h2s = elements(b, 'H2');
        assert.deepEqual(
          h2s.map((h) => squash(h.text)),
          people.map((p) => squash(p.nameText)),
        );
        const ps = elements(b, 'P').map((p) => squash(p.text));
        for (const person of people)
          for (const line of [person.role, ...person.affiliation].filter(Boolean))
            assert.ok(ps.includes(squash(line!)), `no P "${line}"`);
      });

      it('every framework paragraph, framing point and speaker point is its own P, in report order', (t) => {
        if (needsQpdf(t)) return;
        const expected = [
          ...(b.report.framework ?? []),
          ...b.report.moderation,
          ...b.report.speakers.flatMap((s) => s.points),
        ].map(plain);
        const ps = elements(b, 'P').map((p) => squash(p.text));
        let from = 0;
        for (const text of expected) {
          const at = ps.indexOf(squash(text), from);
          assert.ok(at >= 0, `no P, in order, for "${text.slice(0, 60)}…"`);
          from = at + 1;
        }
      });

      it('recommendations are one numbered list: LI with Lbl "01"… and LBody holding headline and text', (t) => {
        if (needsQpdf(t)) return;
        const lists = elements(b, 'L');
        assert.equal(lists.length, 1);
        const items = lists[0]!.children;
        assert.equal(items.length, b.report.recommendations.length);
        items.forEach((li, i) => {
          assert.equal(li.role, 'LI');
          assert.deepEqual(
            li.children.map((c) => c.role),
            ['Lbl', 'LBody'],
          );
          assert.equal(li.children[0]!.text, String(i + 1).padStart(2, '0'));
          const rec = b.report.recommendations[i]!;
          assert.equal(
            squash(li.children[1]!.text),
            squash([...(rec.headline ? [plain(rec.headline)] : []), ...rec.text.map(plain)].join('')),
          );
        });
      });

      it(
        'photos and highlight images are Figures with alt text; the header, footer ' +
          'and decoration are not in the tree',
        (t) => {
          if (needsQpdf(t)) return;
          const alts = elements(b, 'Figure').map((f) => f.alt);
          const expected = [
            ...(b.report.brand.logo ? [`${b.report.brand.organisation.full} logo`] : []),
            ...[...b.report.moderators, ...b.report.speakers]
              .filter((p) => p.photo)
              .map((p) => `Photo of ${p.nameText}`),
            ...b.report.highlights.map((h, i) =>
              h.caption ? plain(h.caption) : `Event image ${i + 1} of ${b.report.highlights.length}`,
            ),
          ];
          assert.deepEqual(alts, expected);
          const all = squash(b.check.tree!.map((e) => e.text).join(''));
          assert.ok(!all.includes(squash('Page 2 of')), 'the footer is an artifact');
        },
      );
    });
  }

  it('bold and italic runs are Strong and Em spans, role-mapped to Span for PDF 1.7 readers', async (t) => {
    if (needsQpdf(t)) return;
    const b = await brief('photos');
    const strong = elements(b, 'Strong').map((e) => e.text.trim());
    assert.ok(strong.includes('Łódź') && strong.includes('publishing the numbers'), strong.join(' | '));
    assert.ok(elements(b, 'Strong').every((e) => e.standardRole === 'Span'));
  });

  it('links are Link elements inside their paragraph, owning the annotation with a description', async (t) => {
    if (needsQpdf(t)) return;
    // Links inside text are runs: textkit must carry their structure to the renderer.
    const b = await brief('photos');
    const links = elements(b, 'Link');
    assert.ok(
      links.some((l) => l.text.trim() === 'Energy Community' && l.annotations.length === 1),
      links.map((l) => l.text).join(' | '),
    );
    const qpdf = readWithQpdf(b.file);
    for (const link of links) {
      for (const ref of link.annotations) {
        const contents = String((qpdf.object(ref) as QpdfDict)['/Contents'] ?? '');
        assert.ok(contents.startsWith('u:') && contents.length > 3, `annotation ${ref} has /Contents`);
      }
    }
    const described = links.map((l) => String((qpdf.object(l.annotations[0]!) as QpdfDict)['/Contents']));
    assert.ok(described.includes('u:Energy Community (www.energy-community.org)'), described.join(' | '));
  });
});

describe('a paragraph split by a page break', () => {
  it('is one P even when it is the first block under its heading, over three pages', async (t) => {
    if (needsQpdf(t)) return;
    const b = await brief('long-framework');
    const split = elements(b, 'P').filter((p) => p.pages.length > 1);
    assert.equal(split.length, 1, 'one P spans pages');
    assert.ok(split[0]!.pages.length >= 2 && split[0]!.pages[0] === 2, `pages ${split[0]!.pages.join(', ')}`);
    assert.equal(squash(split[0]!.text), squash(plain(b.report.framework![0]!)));
  });

  it('a speaker split over pages is one Div with one H2; a recommendation taller than a page is one LI', async (t) => {
    if (needsQpdf(t)) return;
    const speaker = await brief('long-speaker');
    const h2s = elements(speaker, 'H2');
    assert.deepEqual(
      h2s.map((h) => h.text.trim()),
      speaker.report.speakers.map((s) => s.nameText),
      'no H2 for the continued lines',
    );
    assert.ok(
      !squash(speaker.check.tree!.map((e) => e.text).join('')).includes(squash('(continued)')),
      'the continued lines are artifacts',
    );
    const points = elements(speaker, 'P').filter((p) => p.pages.length > 0);
    assert.ok(points.length >= 40);
    const rec = await brief('long-recommendation');
    const items = elements(rec, 'LI');
    assert.equal(items.length, 2);
    const text = flatten(items[1]!.children).filter((e) => e.role === 'P' && e.pages.length > 1);
    assert.equal(text.length, 1, 'its text is one P over two pages or more');
    assert.equal(squash(text[0]!.text), squash(plain(rec.report.recommendations[1]!.text[0]!)));
  });

  it('is one P holding both parts, on two pages', async (t) => {
    if (needsQpdf(t)) return;
    const b = await brief('long-paragraph');
    const paragraph = plain(b.report.framework![1]!);
    const split = elements(b, 'P').filter((p) => p.pages.length > 1);
    assert.equal(split.length, 1, 'one P spans two pages');
    assert.deepEqual(split[0]!.pages, [2, 3]);
    assert.equal(squash(split[0]!.text), squash(paragraph));
  });
});

describe('document level', () => {
  it(
    'PDF 1.7, /ModDate, XMP agreeing with the info dictionary and naming PDF/UA-1, ' +
      'title shown, language set',
    async (t) => {
      if (needsQpdf(t)) return;
      const b = await brief('photos');
      const qpdf = readWithQpdf(b.file);
      assert.equal(qpdf.version, '1.7');
      const info = qpdf.resolve(qpdf.trailer['/Info']) as QpdfDict;
      assert.ok('/ModDate' in info && !('/ModificationDate' in info));
      const catalog = qpdf.object(qpdf.trailer['/Root'] as string)!;
      assert.equal(catalog['/Lang'], 'u:en');
      const xmp = qpdf.streamData(catalog['/Metadata'] as string).toString('utf8');
      assert.equal(xmpValue(xmp, 'pdfuaid:part'), '1');
      // The subtitle has an "&": escaped in XMP, the same text as the info dictionary's.
      assert.match(xmp, /Gas, Grids &amp; Trust/);
      assert.equal(
        xmpValue(xmp, 'dc:title'),
        'Energy Corridors from Łódź to İstanbul: Gas, Grids & Trust across the Black Sea Region',
      );
      assert.equal(xmpValue(xmp, 'xmp:ModifyDate'), '2026-01-20T09:06:40Z');
    },
  );

  it(
    'outline: /Count on the root; each entry an XYZ destination at its heading, ' +
      'on the page the heading is on',
    async (t) => {
      if (needsQpdf(t)) return;
      const b = await brief('sample');
      const qpdf = readWithQpdf(b.file);
      const outlines = qpdf.resolve(qpdf.object(qpdf.trailer['/Root'] as string)!['/Outlines']) as QpdfDict;
      assert.equal(
        outlines['/Count'],
        b.check.pdfjs.outline.length,
        'every entry is visible (sections are open)',
      );
      for (const entry of b.check.pdfjs.outline) {
        assert.equal(entry.kind, 'XYZ', entry.title);
        const page = b.check.pdfjs.pages[entry.page! - 1]!;
        assert.ok(
          squash(page.items.map((i) => i.str).join(''))
            .toLowerCase()
            .includes(squash(entry.title).toLowerCase()),
          `${entry.title}: page ${entry.page}`,
        );
      }
      // The sample's first speaker's heading was pushed to page 3 by keep-with-next: the entry follows it there.
      const iqbal = b.check.pdfjs.outline.find((o) => o.title === 'Dr. Khurram Iqbal')!;
      const page = b.check.pdfjs.pages[iqbal.page! - 1]!;
      const heading = page.items.find((i) => i.str.includes('Khurram'))!;
      assert.ok(
        iqbal.top! >= heading.baseline && iqbal.top! - heading.baseline < 40,
        `top ${iqbal.top} vs heading baseline ${heading.baseline}`,
      );
      assert.ok(
        iqbal.left! <= heading.left + 1 && iqbal.left! >= 0,
        `left ${iqbal.left} vs heading x ${heading.left}`,
      );
    },
  );

  it('pdfinfo reports Tagged: yes', async (t) => {
    if (spawnSync('pdfinfo', ['-v']).error) return t.skip('pdfinfo (poppler-utils) not installed');
    const b = await brief('sample');
    assert.match(spawnSync('pdfinfo', [b.file], { encoding: 'utf8' }).stdout, /Tagged:\s+yes/);
  });

  it('check:pdf prints 0 failures with the structure counts and exits 0', async (t) => {
    if (needsQpdf(t)) return;
    const b = await brief('sample');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/run.mjs'), 'check-pdf', b.file], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ok {2}.*: 0 failures; structure: .*H1 8.*/m);
  });
});
