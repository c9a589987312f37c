import assert from 'node:assert/strict';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import { pixelSizeOf, useImageCache } from '../../../scripts/lib/io/image-cache.ts';
import type { Report } from '../../../scripts/lib/model/types.ts';
import type { RenderContext } from '../../../scripts/lib/render/output.ts';
import {
  CARD_MAX_BYTES,
  cardTextProblems,
  type DrawnCard,
} from '../../../scripts/lib/render/web/cards/draw.ts';
import { loadCardFonts } from '../../../scripts/lib/render/web/cards/faces.ts';
import { drawJob, planCards, webCards } from '../../../scripts/lib/render/web/cards/index.ts';
import { svgLines, svgWords } from '../../../scripts/lib/render/web/cards/svg-text.ts';
import { root } from '../../support/run-script.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const STRESS = path.join(root, 'test/fixtures/stress/report.yaml');
const PHOTOS = path.join(root, 'test/fixtures/photos/report.yaml');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A card's text as read back from the SVG satori wrote, before it was rasterised. */
const svgText = (card: DrawnCard) =>
  squash(
    svgWords(card.svg)
      .map((w) => w.text)
      .join(''),
  );

function collecting(): { context: RenderContext; warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    context: { creationDate: new Date(0), outDir: tmpdir(), warn: (m) => warnings.push(m) },
  };
}

/** Every card of a report drawn from scratch, by path. */
async function drawAll(report: Report): Promise<Map<string, DrawnCard>> {
  const fonts = await loadCardFonts(report.brand);
  const drawn = new Map<string, DrawnCard>();
  for (const job of planCards(report)) drawn.set(job.path, await drawJob(job, fonts));
  return drawn;
}

describe('share cards', () => {
  let sample: Report;
  let cards: Map<string, DrawnCard>;

  before(async () => {
    useImageCache(undefined);
    sample = (await loadReport(SAMPLE)).report;
    cards = await drawAll(sample);
  });
  after(() => useImageCache(path.join(root, 'node_modules/.cache/briefpress/images')));

  it('makes og.png at 1200×630 and a 1080×1350 card per recommendation and per speaker, each under 300 kB', () => {
    const expected = [
      'cards/og.png',
      ...sample.recommendations.map((_, i) => `cards/recommendation-${String(i + 1).padStart(2, '0')}.png`),
      ...sample.speakers.map((_, i) => `cards/speaker-${String(i + 1).padStart(2, '0')}.png`),
    ];
    assert.deepEqual([...cards.keys()], expected);
    for (const [name, card] of cards) {
      const size = pixelSizeOf(card.png);
      assert.deepEqual(
        size,
        name === 'cards/og.png' ? { width: 1200, height: 630 } : { width: 1080, height: 1350 },
        name,
      );
      assert.ok(card.png.length < CARD_MAX_BYTES, `${name}: ${card.png.length} bytes`);
    }
  });

  it(
    'draws the text whole, read back from the SVG before rasterising: title, ' +
      'names, headlines and short forms',
    () => {
      for (const [name, card] of cards) {
        assert.deepEqual(cardTextProblems(card.svg, card.text, pixelSizeOf(card.png)!), [], name);
        assert.ok(!card.text.some((t) => t.shortened), `${name}: nothing of the sample is shortened`);
      }
      const og = svgText(cards.get('cards/og.png')!);
      for (const text of [
        'South Asia Times',
        'BRIEF REPORT',
        'WEBINAR',
        'The Evolving Militant Ecosystem',
        'Spillover States, Traveling Militancy, and Who Gets Targeted Next',
        'Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT · Online (Zoom)',
      ]) {
        assert.ok(og.includes(text), `og.png shows "${text}": ${og}`);
      }
      const first = svgText(cards.get('cards/recommendation-01.png')!);
      assert.ok(first.includes('01'), first);
      assert.ok(
        first.includes(
          'Militancy in Pakistan and the region should be approached as an ecosystem ' +
            'enabled by global counterterrorism backsliding, weakened international ' +
            'pressure, and a fragmented global order.',
        ),
        first,
      );
      const speaker = svgText(cards.get('cards/speaker-01.png')!);
      for (const text of [
        'Dr. Khurram Iqbal',
        'Associate Professor, Quaid-e-Azam University',
        'The militant landscape in Pakistan has undergone a structural transformation, ' +
          'marked by shifts in tactics, targets, and geography.',
      ]) {
        assert.ok(speaker.includes(text), `speaker-01.png shows "${text}": ${speaker}`);
      }
      assert.ok(
        !speaker.includes('Militancy today is no longer static'),
        'only the first sentence of the point',
      );
    },
  );

  it('finds a word missing or pushed off the card in the SVG (the check can fail)', () => {
    const card = cards.get('cards/speaker-01.png')!;
    const size = { width: 1080, height: 1350 };
    const missing = card.svg.replace(/>geography<\/text>/, '></text>');
    assert.match(cardTextProblems(missing, card.text, size).join('\n'), /drawn .* expected/);
    const pushed = card.svg.replace(
      /(<text x=")[\d.]+(" y="[\d.]+"[^>]*>geography<)/,
      (_, start: string, end: string) => `${start}1070${end}`,
    );
    assert.match(
      cardTextProblems(pushed, card.text, size).join('\n'),
      /"geography" at 1070,\d+ is not inside the 1080×1350 card/,
    );
  });

  it('shortens text too long for a card at a word, with an ellipsis and one warning naming the field', async () => {
    const report = structuredClone(sample);
    const long =
      'Regional engagement must move beyond symbolic dialogue toward pressure-based coordination and '
        .repeat(12)
        .trim();
    report.speakers[0]!.points[0] = [{ text: `${long}.` }];
    const { context, warnings } = collecting();
    const built = await webCards(report, context);
    assert.equal(built.files.length, cards.size);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0]!,
      /2026-01-20-evolving-militant-ecosystem\.yaml: speakers\[0\]\.points\[0\] is too long for the share card cards\/speaker-01\.png; it is shortened there to "Regional engagement .*…"\. To choose the card's words, give speakers\[0\]\.points\[0\] a short form: \{text: …, slide: …\}\./,
    );
    const drawn = await drawJob(
      planCards(report).find((j) => j.path === 'cards/speaker-01.png')!,
      await loadCardFonts(report.brand),
    );
    const quote = drawn.text.find((t) => t.box.field === 'speakers[0].points[0]')!;
    assert.ok(quote.shortened && quote.text.endsWith('…'));
    const kept = quote.text.slice(0, -1);
    assert.ok(long.startsWith(kept) && long[kept.length] === ' ', `cut at a word: "${kept.slice(-30)}"`);
    assert.ok(svgText(drawn).includes(squash(quote.text)), 'the shortened text is drawn whole');
    assert.ok(svgLines(svgWords(drawn.svg)).length > 5);
    assert.deepEqual(cardTextProblems(drawn.svg, drawn.text, { width: 1080, height: 1350 }), []);
  });

  it('breaks a one-word name or title wider than the card between letters, or cuts it there with "…"', async () => {
    // They ran out of the card's margin and the web build failed as a bug ("did not come out whole"; issue 11).
    const report = structuredClone(sample);
    const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenkasse';
    report.speakers[0]!.nameText = `Prof. ${word}`;
    report.speakers[0]!.affiliation = [`${word}Forschungsinstitut`];
    report.event.title = [{ text: 'W'.repeat(400) }];
    report.event.titleText = 'W'.repeat(400);
    const { context, warnings } = collecting();
    const built = await webCards(report, context);
    assert.equal(built.files.length, cards.size);
    assert.ok(
      warnings.some((w) =>
        /speakers\[0\]\.name is too long .* shortened there to "Prof\. Donaudampf\S*…"/.test(w),
      ),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => /event\.title is too long .* shortened there to "W{20,}…"/.test(w)),
      warnings.join('\n'),
    );
    const fonts = await loadCardFonts(report.brand);
    for (const job of planCards(report)) {
      const drawn = await drawJob(job, fonts);
      assert.deepEqual(
        cardTextProblems(drawn.svg, drawn.text, { width: job.layout.width, height: job.layout.height }),
        [],
        job.path,
      );
    }
    const speaker = await drawJob(
      planCards(report).find((j) => j.path === 'cards/speaker-01.png')!,
      fonts,
    );
    assert.ok(
      svgText(speaker).replace(/\s/g, '').includes(`${word}Forschungsinstitut`),
      'the affiliation is drawn whole',
    );
  });

  it('reads a point given as {text, slide} by its short form', async () => {
    const report = structuredClone(sample);
    // The model keeps a point's short form ({text, slide} in the report) beside its full text.
    report.speakers[1]!.slidePoints[0] = [{ text: 'Governance collapse, not conflict, drives militancy.' }];
    const job = planCards(report).find((j) => j.path === 'cards/speaker-02.png')!;
    const drawn = await drawJob(job, await loadCardFonts(report.brand));
    assert.ok(svgText(drawn).includes('Governance collapse, not conflict, drives militancy.'));
    assert.ok(drawn.text.some((t) => t.box.field === 'speakers[1].points[0].slide'));
  });

  it(
    'fits the stress fixture (very long title, long names and affiliations, ' +
      'photos) inside every card, warning once per field',
    async () => {
      useImageCache(await mkdtemp(path.join(tmpdir(), 'briefpress-cards-')));
      try {
        const report = (await loadReport(STRESS)).report;
        const { context, warnings } = collecting();
        const built = await webCards(report, context);
        assert.equal(built.files.length, 1 + report.recommendations.length + report.speakers.length);
        for (const file of built.files)
          assert.ok(file.bytes.length < CARD_MAX_BYTES, `${file.path}: ${file.bytes.length} bytes`);
        const titles = warnings.filter((w) => w.includes('event.title is too long'));
        assert.equal(
          titles.length,
          2,
          'one for og.png, one for the 22 portrait cards that show the title smaller',
        );
        assert.match(
          titles[1]!,
          /event\.title is too long for 22 share cards \(cards\/recommendation-01\.png …\); it is shortened there to "Rising Seas, Sinking Cities .*…"/,
        );
        // Cached: the same warnings again, without drawing.
        const again = collecting();
        await webCards(report, again.context);
        assert.deepEqual(again.warnings, warnings);
      } finally {
        useImageCache(undefined);
      }
      const photos = (await loadReport(PHOTOS)).report;
      for (const [name, card] of await drawAll(photos))
        assert.deepEqual(cardTextProblems(card.svg, card.text, pixelSizeOf(card.png)!), [], name);
    },
  );

  it('warns, naming the field, of a character the brand cannot draw (a card has no fallback font)', async () => {
    const report = (await loadReport(path.join(root, 'test/fixtures/glyphs/report.yaml'))).report;
    const { context, warnings } = collecting();
    await webCards(report, context);
    assert.deepEqual(warnings, [
      'test/fixtures/glyphs/report.yaml: speakers[0].points[0]: no font of brand ' +
        '"default" can draw "漢" (U+6F22); the share card cards/speaker-01.png shows ' +
        'an empty box there. Replace it, or add a font that has it to the brand.',
    ]);
  });

  it('draws a card again only when what it shows changed (cached by content hash)', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'briefpress-cards-'));
    useImageCache(cache);
    try {
      const entries = async () =>
        new Map(
          await Promise.all(
            (await readdir(cache))
              .filter((n) => n.endsWith('.card.png'))
              .map(async (n) => [n, (await stat(path.join(cache, n))).mtimeMs] as const),
          ),
        );
      const first = await webCards(sample, collecting().context);
      const drawn = await entries();
      assert.equal(drawn.size, cards.size);
      const second = await webCards(sample, collecting().context);
      assert.deepEqual(await entries(), drawn, 'nothing drawn again');
      assert.deepEqual(second.files, first.files);
      for (const file of first.files)
        assert.deepEqual(
          file.bytes,
          cards.get(file.path)!.png,
          `${file.path}: the cached card is the one drawn`,
        );
      const edited = structuredClone(sample);
      edited.recommendations[2]!.text = [[{ text: 'A new third recommendation.' }]];
      await webCards(edited, collecting().context);
      const after = await entries();
      assert.equal(after.size, drawn.size + 1, 'one card drawn: the edited recommendation');
    } finally {
      useImageCache(undefined);
    }
  });
});
