import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import { plain } from '../../../scripts/lib/model/inline.ts';
import { textWidth, wrapLines, WIDTH_SAFETY } from '../../../scripts/lib/layout/measure-text.ts';
import { condense, sentences } from '../../../scripts/lib/layout/condense.ts';
import { paginate, splitToFit, block, para, shorten } from '../../../scripts/lib/layout/slides/fit.ts';
import { planDeck } from '../../../scripts/lib/render/slides/plan/index.ts';
import { onSlide } from '../../../scripts/lib/render/slides/plan/sections.ts';
import { planProblems } from '../../../scripts/lib/render/slides/plan/check.ts';
import { deckTheme } from '../../../templates/slides/theme.ts';
import { planGrid } from '../../../templates/slides/grid.ts';
import { root } from '../../support/run-script.ts';

const body = { font: 'Calibri' as const, sizePt: 18, lineSpacingPt: 23 };

describe('measuring slide text', () => {
  it('uses the metric clones: Calibri narrower than Arial, Georgia wider', () => {
    const text = 'The Evolving Militant Ecosystem';
    const [calibri, arial, georgia] = (['Calibri', 'Arial', 'Georgia'] as const).map((font) =>
      textWidth(text, { font, sizePt: 20 }),
    );
    assert.ok(calibri! < arial! && arial! < georgia!, `${calibri} < ${arial} < ${georgia}`);
    // Liberation Sans has Arial's advance widths: "H" is 0.722 em.
    assert.equal(textWidth('H', { font: 'Arial', sizePt: 100 }).toFixed(1), '72.2');
  });

  it('wraps at spaces, no line wider than the box, and breaks a word longer than a line', () => {
    const runs = [
      {
        text:
          'Militancy today is no longer static or localized but adaptive, mobile, ' +
          'and increasingly network-based. Supercalifragilisticexpialidocious',
      },
    ];
    const lines = wrapLines(runs, body, 150);
    for (const line of lines) assert.ok(textWidth(line, body) <= 150 * WIDTH_SAFETY, `"${line}" fits`);
    assert.equal(lines.join('').replace(/\s/g, ''), runs[0]!.text.replace(/\s/g, ''), 'no text lost');
    assert.ok(
      lines.some((l) => l.startsWith('Supercal')) &&
        !lines.some((l) => l.includes('Supercalifragilisticexpialidocious')),
      'the long word is broken',
    );
    assert.equal(wrapLines([{ text: 'Short' }], body, 150).length, 1);
  });

  it('counts bold runs in the bold face', () => {
    const regular = textWidth('Pakistan', { font: 'Arial', sizePt: 18 });
    const bold = textWidth('Pakistan', { font: 'Arial', sizePt: 18, bold: true });
    assert.ok(bold > regular);
  });
});

describe('condensing and splitting', () => {
  it('cuts sentences, not at abbreviations or initials', () => {
    assert.deepEqual(
      sentences([{ text: 'Dr. Khurram Iqbal spoke. M. Ali agreed “fully.” Then e.g. this ended!' }]).map(
        plain,
      ),
      ['Dr. Khurram Iqbal spoke.', 'M. Ali agreed “fully.”', 'Then e.g. this ended!'],
    );
  });

  it('condenses a section to its lead sentences', () => {
    const paragraphs = [[{ text: 'One. Two. Three. Four.' }]];
    assert.deepEqual(condense(paragraphs).map(plain), ['One.', 'Two.', 'Three.']);
    assert.deepEqual(
      condense([[{ text: 'A one. A two.' }], [{ text: 'B one.' }], [{ text: 'C one. C two.' }]]).map(plain),
      ['A one.', 'B one.', 'C one.'],
    );
  });

  it('splits an item too tall for a slide at a sentence end, the rest marked as continued', () => {
    const long = [
      {
        text: Array.from(
          { length: 12 },
          (_, i) => `Sentence number ${i + 1} says something long enough to take a line.`,
        ).join(' '),
      },
    ];
    const height = (runs: typeof long) => block([para(runs, body)], 300).heightPt;
    const pieces = splitToFit(long, height, 200);
    assert.ok(pieces.length > 1);
    for (const piece of pieces) assert.ok(height(piece) <= 200);
    assert.match(plain(pieces[0]!), /\.$/);
    assert.match(plain(pieces[1]!), /^… /);
    assert.equal(pieces.map(plain).join(' ').replace(/… /g, ''), plain(long));
  });

  it('shows a short form, else a first sentence that stands alone, else the whole point', () => {
    const point = [{ text: 'Militancy has changed its shape in recent years. It now moves across borders.' }];
    assert.equal(plain(onSlide(point, [{ text: 'Militancy moves.' }])), 'Militancy moves.');
    assert.equal(plain(onSlide(point)), 'Militancy has changed its shape in recent years.');
    // One sentence, a lead-in ending in a colon, a fragment too short to stand alone: the whole point.
    for (const text of [
      'One sentence only, however long it runs on.',
      'Three things matter: money. Time. People.',
      'In short. The rest explains it.',
    ])
      assert.equal(plain(onSlide([{ text }])), text);
  });

  it('fits text for the wider of the clone and Liberation Sans, and leaves room for DejaVu', () => {
    const text = 'The militant landscape in Pakistan has undergone a structural transformation';
    const style = { font: 'Calibri' as const, sizePt: 20 };
    const [clone, fit, roomy] = (['clone', 'fit', 'roomy'] as const).map((m) => textWidth(text, style, m));
    assert.ok(
      fit! >= Math.max(clone!, textWidth(text, { ...style, font: 'Arial' }, 'clone')),
      'Calibri is fitted at least as wide as Carlito and as Liberation Sans',
    );
    assert.ok(clone! < fit! && fit! * 1.15 < roomy!, `${clone} < ${fit} < ${roomy}`);
    const georgia = { font: 'Georgia' as const, sizePt: 20, bold: true };
    assert.ok(textWidth(text, georgia, 'fit') >= textWidth(text, georgia, 'clone'));
  });

  it('keeps a slide to its word budget and evens out the pages', () => {
    const items = [20, 20, 20, 20, 20, 5];
    // 105 words, at most 60 a page: two pages of 45 and 60 rather than 60 and 45… evened to 60 | 45 at worst,
    // never 3 pages.
    const pages = paginate(items, () => 10, 1000, 0, { of: (n) => n, max: 60 });
    assert.equal(pages.length, 2);
    for (const page of pages) assert.ok(page.reduce((a, b) => a + b, 0) <= 60);
    assert.deepEqual(
      paginate([30, 30, 30], () => 10, 1000, 0, { of: (n) => n, max: (page) => (page === 0 ? 30 : 60) }),
      [[30], [30, 30]],
    );
  });

  it('packs items in order onto pages', () => {
    assert.deepEqual(
      paginate([50, 50, 50, 120, 10], (h) => h, 170, 10),
      [
        [50, 50, 50],
        [120, 10],
      ],
    );
    assert.deepEqual(
      paginate([50, 50, 50, 120, 10], (h) => h, 160, 10),
      [[50, 50], [50], [120, 10]],
    );
    assert.deepEqual(
      paginate([500], (h) => h, 160, 10),
      [[500]],
    );
  });
});

describe('the slide plan', () => {
  it(
    'plans the sample in order, every point once, and the planned heights within each placeholder ' +
      '(test/render/slides/slide-fonts.test.ts checks the text LibreOffice draws)',
    async () => {
      const { report } = await loadReport(
        path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml'),
      );
      const warnings: string[] = [];
      const theme = deckTheme(report.brand);
      const plan = planDeck(report, planGrid, theme.text, (m) => warnings.push(m));
      assert.deepEqual(warnings, []);
      assert.deepEqual(
        [...new Set(plan.slides.map((s) => s.section))],
        [
          'cover',
          'framework',
          'moderators',
          'discussion',
          'recommendations',
          'summary',
          'conclusion',
          'thanks',
        ],
      );
      for (const speaker of report.speakers) {
        const slides = plan.slides.filter((s) => s.layout === 'speaker' && s.card.person === speaker);
        const shown = slides.flatMap((s) =>
          s.layout === 'speaker' ? s.points.map((p) => plain(p.paragraphs[0]!.runs)) : [],
        );
        assert.deepEqual(
          shown,
          speaker.points.map((p, i) => plain(onSlide(p, speaker.slidePoints[i]))),
        );
        for (const slide of slides) {
          if (slide.layout !== 'speaker') continue;
          // Fitted with room for DejaVu: the roomy height fits the placeholder, and it is the larger.
          const used =
            slide.points.reduce((sum, p) => sum + p.roomPt, 0) + planGrid.gap * (slide.points.length - 1);
          assert.ok(used <= planGrid.points.h, `${used} ≤ ${planGrid.points.h}`);
          for (const p of slide.points) assert.ok(p.roomPt >= p.heightPt);
        }
      }
    },
  );
});

describe('room for LibreOffice with DejaVu only (issue 11)', () => {
  const lead = { font: 'Arial' as const, sizePt: 22, lineSpacingPt: 28 };
  const X = 'x'.repeat(60);

  it('counts the lines LibreOffice 7.4 draws for long addresses, which it breaks after "/", "-" and "?"', () => {
    // Lines LibreOffice drew in a 380 pt box at 22 pt with DejaVu Sans (lines of pdftotext -raw).
    const seen: [string, number][] = [
      [`Read the annex at https://example.org/${X}/reports/2026/regional-dialogue-on-water-security`, 6],
      ['aaaa bbbb https://example.org/path/to/some/where/else/and/more/segments/here/again/and/again', 4],
      ['aaaa q?x=1&y=2&zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz?aaaaaaaaaaaaaaaaaaaaaaaaaaa?bbbbbbbbbbbbbb', 5],
      ['aaaa 2026/2027/2028/2029/2030/2031/2032/2033/2034/2035/2036/2037/2038/2039/2040/2041', 4],
      [`Publish the annex at https://${X}.example.org/${X}/${'x'.repeat(40)}`, 9],
    ];
    for (const [text, drawn] of seen) {
      const lines = wrapLines([{ text }], lead, 380, 'roomy');
      assert.ok(lines.length >= drawn, `${lines.length} lines measured, ${drawn} drawn: ${text}`);
    }
    // The letter run alone: wider in DejaVu than Liberation Sans widened by the average ratio.
    assert.ok(textWidth(X, lead, 'roomy') >= textWidth(X, lead, 'fit') * 1.18);
    assert.ok(textWidth('t'.repeat(60), lead, 'roomy') > textWidth('t'.repeat(60), lead, 'fit') * 1.35);
  });

  it('shortens a role too long for the speaker card, with a warning; the notes keep it whole', async () => {
    const { report } = await loadReport(path.join(root, 'test/fixtures/minimal/report.yaml'));
    const role = Array(12)
      .fill('Chair of the advisory panel on flood resilience and coastal finance')
      .join(' ');
    const long = { ...report, speakers: [{ ...report.speakers[0]!, role }] };
    const warnings: string[] = [];
    const plan = planDeck(long, planGrid, deckTheme(report.brand).text, (m) => warnings.push(m));
    assert.equal(warnings.filter((w) => w.includes('the role of Amna Qureshi is too long')).length, 1);
    const slide = plan.slides.find((s) => s.layout === 'speaker')!;
    assert.ok(slide.layout === 'speaker' && slide.card.text.roomPt <= planGrid.card.h);
    assert.ok(slide.notes.join(' ').includes(role));
    assert.deepEqual(planProblems(long, plan, planGrid), []);
  });

  it('names the field of a text that does not fit its box', async () => {
    const { report } = await loadReport(path.join(root, 'test/fixtures/long-speaker/report.yaml'));
    const plan = planDeck(report, planGrid, deckTheme(report.brand).text, () => {});
    assert.deepEqual(planProblems(report, plan, planGrid), []);
    // All of a speaker's points crammed onto the first slide, as a planner fault would.
    const at = plan.slides.findIndex((s) => s.layout === 'speaker');
    const crammed = plan.slides.map((s, i) =>
      i === at && s.layout === 'speaker'
        ? { ...s, points: plan.slides.flatMap((t) => (t.layout === 'speaker' ? t.points : [])) }
        : s,
    );
    const problems = planProblems(report, { ...plan, slides: crammed }, planGrid);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, new RegExp(`^slide ${at + 1} \\(.+\\): speakers\\[0\\]\\.points\\[\\d+\\] «`));
    assert.match(problems[0]!, /needs \d+ pt, but its points box is 354 pt high$/);
  });
});

describe('shortening text for a slide', () => {
  const title = { font: 'Calibri' as const, sizePt: 30, lineSpacingPt: 34, bold: true };
  it('cuts at a word, or inside a long word when a cut at a word would show little', () => {
    const long = 'Prof. Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenkasse Donaudampfschifffahrt';
    const cut = plain(shorten([{ text: long }], title, 400, 1).runs);
    assert.match(cut, /^Prof\. Donaudampf\S+…$/, cut);
    assert.equal(wrapLines([{ text: cut }], title, 400, 'roomy').length, 1);
    const words = 'The militant landscape in Pakistan has undergone a structural transformation';
    const atWord = plain(shorten([{ text: words }], title, 400, 1).runs);
    const kept = atWord.replace(/…$/, '');
    assert.ok(atWord.endsWith('…') && words.startsWith(kept) && words[kept.length] === ' ', atWord);
  });
});
