import assert from 'node:assert/strict';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import { plain } from '../../../scripts/lib/model/inline.ts';
import { readFile } from 'node:fs/promises';
import { Document, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import { linesOffPage, overlappingLines, type PageText } from '../../../scripts/lib/render/text-layout.ts';
import { readTextLayout } from '../../../scripts/lib/verify/read-text-layout.ts';
import { renderBrief } from '../../../scripts/lib/render/pdf/index.ts';
import {
  assertInOrder,
  contentStreams,
  expectedTexts,
  readPdf,
  squash,
  squashedText,
} from '../../support/pdf.ts';
import { root } from '../../support/run-script.ts';
import { buildPdf, EPOCH } from '../../support/build-pdf.ts';
import { assertUntouched, snapshotDir } from '../../support/out-dir.ts';

const fixture = (name: string) => path.join(root, 'test/fixtures', name, 'report.yaml');

async function build(name: string) {
  const outDir = await mkdtemp(path.join(tmpdir(), `briefpress-${name}-`));
  const run = buildPdf(fixture(name), outDir);
  assert.equal(run.status, 0, run.stderr);
  const { report } = await loadReport(fixture(name));
  const file = path.join(outDir, `${report.slug}.pdf`);
  return { run, report, file, pdf: await readPdf(file) };
}

describe('a brief with photos and non-English Latin names', () => {
  it('shows every name as written, lists speakers in the outline, and embeds downscaled photos', async () => {
    const { report, pdf, file } = await build('photos');
    const text = squashedText(pdf);
    for (const person of [...report.moderators, ...report.speakers]) {
      assert.ok(text.includes(squash(person.nameText)), `name missing or mangled: ${person.nameText}`);
    }
    const discussion = pdf.outline.find((o) => o.title === report.headings.discussion);
    assert.deepEqual(
      discussion?.items.map((i) => i.title.normalize('NFC')),
      report.speakers.map((s) => s.nameText.normalize('NFC')),
    );
    const images = pdf.bytes.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
    const photos =
      report.speakers.filter((s) => s.photo).length + report.moderators.filter((m) => m.photo).length;
    assert.ok(images >= photos + report.highlights.length, `${images} images embedded`);
    const { size } = await stat(file);
    assert.ok(size < 3_000_000, `${size} bytes: photos were not downscaled`);
  });

  it('raises a tone mark over a capital letter (Yoruba "Ọ̀") above the baseline', async () => {
    // react-pdf dropped the font's vertical mark offsets (patched in scripts/patches);
    // then every glyph of a text line sat on one baseline and the grave hid inside the Ọ.
    const { pdf } = await build('photos');
    const raised = contentStreams(pdf.bytes).some((stream) =>
      [...stream.matchAll(/BT([\s\S]*?)ET/g)].some((block) => {
        const ys = new Set([...block[1]!.matchAll(/1 0 0 1 [-\d.]+ ([-\d.]+) Tm/g)].map((m) => Number(m[1])));
        return ys.size > 1;
      }),
    );
    assert.ok(raised, 'no glyph in any text line is placed off its baseline');
  });

  it('shows the highlights with their captions', async () => {
    const { report, pdf } = await build('photos');
    assert.ok(pdf.outline.some((o) => o.title === report.headings.highlights));
    const text = squashedText(pdf);
    for (const h of report.highlights)
      if (h.caption) assert.ok(text.includes(squash(h.caption.map((r) => r.text).join(''))));
  });
});

describe('a report with only the required sections', () => {
  it('leaves absent sections out, renames headings and links Markdown', async () => {
    const { pdf } = await build('minimal');
    assert.deepEqual(
      pdf.outline.map((o) => o.title),
      ['Discussion Points', 'Key Recommendations'],
    );
    const text = squashedText(pdf);
    for (const absent of [
      'Conceptual Framework',
      'Executive Summary',
      'Conclusion',
      'Thanking Remarks',
      'Highlights',
      'Policy Recommendations',
    ]) {
      assert.ok(!text.includes(squash(absent)), `"${absent}" should not appear`);
    }
    assert.ok(
      text.includes(squash("Read the basin report at the commission's site before the next session.")),
      'Markdown syntax left in text',
    );
    assert.ok(pdf.pages.flatMap((p) => p.links).includes('https://example.org/indus'));
  });
});

/**
 * Every brief fixture, and the sample. Text present but printed over other
 * text, or outside the page, is lost to the reader: a layout change that does
 * this anywhere fails here (issue 11).
 */
const BRIEFS: Record<string, string> = {
  sample: path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml'),
  ...Object.fromEntries(
    [
      'photos',
      'stress',
      'minimal',
      'email-default-brand',
      'long-paragraph',
      'long-speaker',
      'many-points',
      'long-framework',
      'long-recommendation',
      'long-thanks',
      'long-names',
      'long-urls',
      'german',
      'links',
    ].map((n) => [n, fixture(n)]),
  ),
};
async function buildBrief(name: string) {
  const file = BRIEFS[name]!;
  const outDir = await mkdtemp(path.join(tmpdir(), `briefpress-${name}-`));
  const run = buildPdf(file, outDir);
  assert.equal(run.status, 0, run.stderr);
  const { report } = await loadReport(file);
  const pdfFile = path.join(outDir, `${report.slug}.pdf`);
  const bytes = await readFile(pdfFile);
  return { run, report, file, bytes, pdf: await readPdf(pdfFile), layout: await readTextLayout(bytes) };
}

/** Where two readings of a brief's text lines differ (text without whitespace, artifact, box to 0.01 pt). */
function differences(drawn: PageText[], read: PageText[]): string[] {
  const flat = (pages: PageText[]) => pages.flatMap((p) => p.lines);
  const [a, b] = [flat(drawn), flat(read)];
  const found: string[] = [];
  if (a.length !== b.length) found.push(`${a.length} lines drawn, ${b.length} read`);
  const text = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  a.forEach((line, i) => {
    const other = b[i];
    const off =
      other && (['x0', 'x1', 'y0', 'y1', 'size'] as const).some((k) => Math.abs(line[k] - other[k]) > 0.01);
    if (
      !other ||
      other.page !== line.page ||
      text(other.text) !== text(line.text) ||
      other.artifact !== line.artifact ||
      off
    )
      found.push(`line ${i + 1}: drawn ${JSON.stringify(line)}, read ${JSON.stringify(other)}`);
  });
  return found.slice(0, 5);
}
const briefs = new Map<string, ReturnType<typeof buildBrief>>();
const brief = (name: string) => {
  if (!briefs.has(name)) briefs.set(name, buildBrief(name));
  return briefs.get(name)!;
};

describe('every brief fixture: nothing overprinted, off the page, lost or stranded', () => {
  for (const name of Object.keys(BRIEFS)) {
    it(`${name}: no two lines of text overlap, and none is outside its page (pdf.js text positions)`, async () => {
      const { layout } = await brief(name);
      const overlaps = overlappingLines(layout).map(
        (o) => `page ${o.page}: «${o.first.text.slice(0, 40)}» over «${o.second.text.slice(0, 40)}»`,
      );
      assert.deepEqual(overlaps, []);
      assert.deepEqual(
        linesOffPage(layout).map((l) => `page ${l.page}: «${l.text.slice(0, 40)}»`),
        [],
      );
    });
    it(`${name}: the lines the guard checks, as react-pdf drew them, are those pdf.js reads`, async () => {
      const { file, bytes, layout } = await brief(name);
      const context = {
        creationDate: new Date(Number(EPOCH) * 1000),
        outDir: tmpdir(),
        warn: () => undefined,
      };
      const drawn = await renderBrief(await loadReport(file), context);
      assert.ok(
        Buffer.from(drawn.bytes).equals(bytes),
        'rendered in this process, the brief has the bytes the command wrote',
      );
      assert.deepEqual(differences(drawn.pages, layout), []);
    });
    it(`${name}: every paragraph, point and recommendation is there, in order`, async () => {
      const { report, pdf } = await brief(name);
      assertInOrder(pdf, expectedTexts(report));
    });
    it(`${name}: no page ends with a section heading or a speaker's name`, async () => {
      const { pdf } = await brief(name);
      const headingSizes = new Set([20, 13]); // section headings and speaker names (templates/pdf/theme.ts)
      pdf.pages.slice(1).forEach((page, i) => {
        const last = page.items.filter((item) => !item.artifact).at(-1);
        assert.ok(last, `page ${i + 2} has body text`);
        assert.ok(
          !headingSizes.has(Math.round(last.size)),
          `page ${i + 2} ends with a heading: "${last.str}"`,
        );
      });
    });
  }
});

describe('reports shaped unlike the sample (issue 11)', () => {
  const continued = (page: { items: { str: string; artifact: boolean }[] }) =>
    page.items.filter((i) => i.artifact && /\(continued\)$/.test(i.str)).map((i) => i.str);

  it(
    'a speaker with 40 points and no moderators breaks between points, with ' +
      '"Name (continued)" on each page after the first',
    async () => {
      const { report, pdf } = await brief('long-speaker');
      const [speaker] = report.speakers;
      const pages = pdf.pages.filter((p) =>
        speaker!.points.some((point) =>
          squash(p.items.map((i) => i.str).join('')).includes(squash(plain(point)).slice(0, 40)),
        ),
      );
      assert.ok(pages.length >= 3, `the points are on ${pages.length} pages`);
      assert.deepEqual(continued(pages[0]!), [], 'no continued line under the heading itself');
      for (const page of pages.slice(1))
        assert.deepEqual(continued(page), [`${speaker!.nameText} (continued)`]);
      // The next speaker starts where the first ends, without a continued line of their own.
      assert.ok(
        !pdf.pages.some((p) => continued(p).some((line) => line.startsWith(report.speakers[1]!.nameText))),
      );
    },
  );

  it('300 points are every one in the PDF, once and in order', async () => {
    const { report, pdf } = await brief('many-points');
    const points = report.speakers[0]!.points.map(plain);
    assert.equal(points.length, 300);
    assertInOrder(pdf, points);
    const text = squashedText(pdf);
    // Numbered "1. …" to "300. …": each numbered point once (not counting "31. …" as a "1. …").
    for (const point of points) {
      const found = [
        ...text.matchAll(new RegExp(`(?<!\\d)${squash(point).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g')),
      ].length;
      assert.equal(found, 1, `"${point.slice(0, 40)}…" is in the PDF ${found} times`);
    }
    assert.ok(pdf.pages.length > 15, `${pdf.pages.length} pages`);
  });

  it('a framework paragraph two pages long starts under its heading and runs on over the next pages', async () => {
    const { report, pdf } = await brief('long-framework');
    const first = squash(plain(report.framework![0]!));
    const onPage = (n: number) =>
      squash(
        pdf.pages[n - 1]!.items.filter((i) => !i.artifact)
          .map((i) => i.str)
          .join(''),
      );
    assert.ok(
      onPage(2).startsWith(squash(report.headings.framework) + first.slice(0, 200)),
      'the heading is followed by the paragraph on page 2',
    );
    assert.ok(
      first.endsWith(onPage(4).slice(0, 40)) || onPage(3).length > 2000,
      'the paragraph continues on page 3',
    );
  });

  it('a recommendation taller than a page breaks at its lines instead of being squeezed onto one', async () => {
    const { report, layout } = await brief('long-recommendation');
    const pages = layout.filter((p) =>
      p.lines.some((l) => !l.artifact && /\(\d+\) Publish daily/.test(l.text)),
    );
    assert.ok(pages.length >= 2, `on ${pages.length} page(s)`);
    assert.equal(report.recommendations.length, 2);
  });

  it('thanking remarks two pages long break at their lines, the name and its mark above the first lines', async () => {
    // They were the second cell of a row, which paginate never breaks: squeezed onto one page (27 lines overprinted).
    const { report, layout } = await brief('long-thanks');
    const pages = layout.filter((p) =>
      p.lines.some((l) => !l.artifact && /\(\d+\) (Provincial|Farmers|A single|Data)/.test(l.text)),
    );
    assert.ok(pages.length >= 3, `the summary and the remarks are on ${pages.length} page(s)`);
    const content = (n: number) => layout[n]!.lines.filter((l) => !l.artifact).map((l) => l.text);
    const at = layout.findIndex((p) => p.lines.some((l) => l.text === report.thanks!.nameText));
    assert.ok(at > 0, 'the name is in the PDF');
    const lines = content(at);
    const name = lines.indexOf(report.thanks!.nameText);
    assert.deepEqual(lines.slice(name, name + 2), [report.thanks!.nameText, report.thanks!.role]);
    assert.match(
      lines[name + 2] ?? '',
      /^\(1\) Provincial/,
      'the first lines of the remarks follow the name on its page',
    );
    assert.ok(
      content(at + 1).some((l) => /\(\d+\)/.test(l)),
      'the remarks run on over the next page',
    );
  });
});

describe('the overlap check itself', () => {
  const line = (text: string, style = {}) => createElement(Text, { style: { fontSize: 12, ...style } }, text);
  const page = (...lines: ReturnType<typeof line>[]) =>
    createElement(Document, null, createElement(Page, { size: 'A6', style: { padding: 30 } }, ...lines));

  it('finds a line printed over another, and none between lines set as tight as 1.1', async () => {
    const over = await readTextLayout(
      await renderToBuffer(
        page(
          line('The first line of a paragraph'),
          line('A second line printed over it', { marginTop: -10 }),
        ),
      ),
    );
    assert.deepEqual(
      overlappingLines(over).map((o) => [o.first.text, o.second.text].sort()),
      [['A second line printed over it', 'The first line of a paragraph']],
    );
    const tight = await readTextLayout(
      await renderToBuffer(
        page(
          line('A line', { lineHeight: 1.1 }),
          line('The next line', { lineHeight: 1.1 }),
          line('And one more', { lineHeight: 1.1 }),
        ),
      ),
    );
    assert.equal(tight[0]!.lines.length, 3);
    assert.deepEqual(overlappingLines(tight), []);
  });

  it('finds a line outside its page', () => {
    const at = (text: string, x0: number, y0: number) => ({
      page: 1,
      text,
      x0,
      x1: x0 + 100,
      y0,
      y1: y0 + 10,
      size: 12,
      artifact: false,
    });
    const lines = [at('inside', 30, 200), at('below the page', 30, -40), at('right of it', 250, 200)];
    assert.deepEqual(
      linesOffPage([{ number: 1, width: 298, height: 420, lines }]).map((l) => l.text),
      ['below the page', 'right of it'],
    );
  });
});

describe('a cover too long for its page (issue 11)', () => {
  const words = 'Rising seas sinking cities and the politics of managed retreat across coastal megacities';
  const longText = (count: number) => Array(40).fill(words).join(' ').split(' ').slice(0, count).join(' ');
  const writeReport = async (dir: string, title: string, subtitle?: string) => {
    const file = path.join(dir, 'report.yaml');
    await writeFile(
      file,
      [
        'event:',
        '  kind: Roundtable',
        `  title: ${title}`,
        ...(subtitle ? [`  subtitle: ${subtitle}`] : []),
        '  date: 2026-03-04',
        'speakers:',
        '  - name: Amna Qureshi',
        '    points:',
        '      - Data sharing agreements fail when no one owns the maintenance budget.',
        'recommendations:',
        '  - Publish daily flow data from every barrage.',
        '',
      ].join('\n'),
    );
    return file;
  };

  it('sets a title and a subtitle of 80 words each smaller, on a cover of one page (was two)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-long-cover-'));
    const title = longText(80);
    const file = await writeReport(dir, title, title.split(' ').reverse().join(' '));
    const run = buildPdf(file, dir);
    assert.equal(run.status, 0, run.stderr);
    const layout = await readTextLayout(
      await readFile(path.join(dir, '2026-03-04-rising-seas-sinking-cities-and-the.pdf')),
    );
    assert.equal(
      layout.findIndex((p) => p.lines.some((l) => l.artifact)),
      1,
      'the body starts on page 2',
    );
    const titleLines = layout[0]!.lines.filter((l) => l.text.includes('Rising seas'));
    assert.ok(titleLines.length > 5 && titleLines.every((l) => l.size < 31), 'the title is set smaller');
    assert.deepEqual(overlappingLines(layout), []);
    assertInOrder(await readPdf(path.join(dir, '2026-03-04-rising-seas-sinking-cities-and-the.pdf')), [
      title,
    ]);
  });

  it('a title no size fits (400 words) fails naming the field at its line and column; out dir untouched', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-long-cover-'));
    const file = await writeReport(dir, longText(400));
    const out = path.join(dir, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'earlier.pdf'), 'an earlier build');
    const before = await snapshotDir(out);
    const run = buildPdf(file, out);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /the cover would take 2 pages instead of one, so the PDF brief was not written/);
    assert.match(run.stderr, /report\.yaml:3:10: event\.title runs onto a second page from «/);
    assert.match(run.stderr, /Shorten event\.title \(400 words\)/);
    await assertUntouched(out, before);
  });

  it('every brief fixture has a cover of one page: the body, with its running header, starts on page 2', async () => {
    for (const name of Object.keys(BRIEFS)) {
      const { layout } = await brief(name);
      assert.equal(
        layout.findIndex((p) => p.lines.some((l) => l.artifact)),
        1,
        name,
      );
    }
  });
});

describe('recommendation numbers up to the limit (issue 11)', () => {
  it('1,000 recommendations: every number, "01" to "1000", clear of its text and its rule (pdf.js)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-1000-'));
    const file = path.join(dir, 'report.yaml');
    await writeFile(
      file,
      [
        'event:',
        '  kind: Roundtable',
        '  title: A Thousand Recommendations',
        '  date: 2026-03-04',
        'report:',
        '  slug: thousand',
        'speakers:',
        '  - name: Amna Qureshi',
        '    points:',
        '      - Data sharing agreements fail when no one owns the maintenance budget.',
        'recommendations:',
        ...Array.from({ length: 1000 }, (_, i) => `  - Publish daily flow data from barrage ${i + 1}.`),
        '',
      ].join('\n'),
    );
    const run = buildPdf(file, dir);
    assert.equal(run.status, 0, run.stderr);
    const layout = await readTextLayout(await readFile(path.join(dir, 'thousand.pdf')));
    const numbers: string[] = [];
    for (const page of layout) {
      const lines = page.lines.filter((l) => !l.artifact);
      for (const label of lines.filter((l) => /^\d{2,4}$/.test(l.text.trim()) && l.x0 < 70)) {
        // The recommendation's first line: to the right, its top level with the number's.
        const text = lines.find((l) => l.x0 > label.x0 + 20 && Math.abs(l.y1 - label.y1) < 6);
        assert.ok(text, `page ${page.number}: the text beside ${label.text}`);
        numbers.push(label.text.trim());
        // The text hangs 12 pt after a rule at the column's edge: the number ends at least 4 pt before it.
        assert.ok(
          label.x1 + 4 <= text.x0 - 12,
          `page ${page.number}: ${label.text} ends at ${label.x1.toFixed(1)} pt, its text starts at ` +
            `${text.x0.toFixed(1)} pt`,
        );
      }
    }
    assert.deepEqual(
      numbers,
      Array.from({ length: 1000 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });
});
