import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import { plain } from '../../../scripts/lib/model/inline.ts';
import type { Report } from '../../../scripts/lib/model/types.ts';
import { textHeight, widestLine, wrapLines } from '../../../scripts/lib/layout/measure-text.ts';
import { entryMethods, readDeck, xmlProblems, type DeckReadBack, type TextBox } from '../../support/pptx.ts';
import { deckToPdf, soffice } from '../../support/libreoffice.ts';
import { wordsPerSlide } from '../../support/deck-figures.ts';
import { root, runScript } from '../../support/run-script.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const STRESS = path.join(root, 'test/fixtures/stress/report.yaml');
const PHOTOS = path.join(root, 'test/fixtures/photos/report.yaml');
const MINIMAL = path.join(root, 'test/fixtures/minimal/report.yaml');
const EPOCH = 1767225600; // 2026-01-01T00:00:00Z
const SLIDE = { w: 960, h: 540 };

interface Built {
  report: Report;
  deck: DeckReadBack;
  file: string;
}
const built = new Map<string, Built>();
let stderr = '';
let outDir = '';

/** Builds the decks the way a user does, `build:slides FILE… --out DIR`, with a fixed SOURCE_DATE_EPOCH. */
function buildSlides(files: string[], out: string) {
  process.env.SOURCE_DATE_EPOCH = String(EPOCH);
  return runScript('build-slides', [...files, '--out', out]);
}

before(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-slides-'));
  const result = buildSlides([SAMPLE, STRESS, PHOTOS, MINIMAL], outDir);
  assert.equal(result.status, 0, result.stderr);
  stderr = result.stderr;
  for (const file of [SAMPLE, STRESS, PHOTOS, MINIMAL]) {
    const { report } = await loadReport(file);
    const deckFile = path.join(outDir, `${report.slug}.pptx`);
    built.set(file, { report, deck: await readDeck(deckFile), file: deckFile });
  }
});

const squash = (text: string) => text.normalize('NFC').replace(/[\s…]+/g, '');
/** A slide's title, read from its title placeholder. */
const titleOf = (slide: DeckReadBack['slides'][number]) =>
  slide.boxes.find((b) => b.placeholder === 'title')?.text ?? '';
/** Each slide as a key: "cover", its title without "(2 of 3)", "speaker:NAME", or "thanks". */
function slideKeys(deck: DeckReadBack): string[] {
  return deck.slides.map((slide) => {
    const title = titleOf(slide).replace(/ \(\d+ of \d+\)$/, '');
    if (slide.layout === 'Title') return 'cover';
    if (slide.layout === 'Closing') return 'thanks';
    if (slide.layout === 'Speaker') return `speaker:${title}`;
    return title;
  });
}
const runs = (keys: string[]) => keys.filter((k, i) => k !== keys[i - 1]);

describe('build:slides', () => {
  it('writes OUT/<slug>.pptx for each report and reports the slide count', async () => {
    const names = await readdir(outDir);
    for (const { report } of built.values()) assert.ok(names.includes(`${report.slug}.pptx`));
    const { deck } = built.get(SAMPLE)!;
    assert.match(runScript('build-slides', ['--help']).stdout, /slide deck \(OUT\/<slug>\.pptx\)/);
    assert.ok(deck.slides.length > 0);
  });

  it('puts the slides in order, a run of slides titled "(2 of 3)"', () => {
    const { deck, report } = built.get(SAMPLE)!;
    const speakers = report.speakers.map((s) => `speaker:${s.nameText}`);
    // The moderation points open the discussion, as in the brief: a "Discussion Points" slide before the speakers.
    assert.deepEqual(runs(slideKeys(deck)), [
      'cover',
      'Conceptual Framework',
      'Moderators',
      'Discussion Points',
      ...speakers,
      'Policy Recommendations',
      'Executive Summary',
      'Conclusion',
      'thanks',
    ]);
    // Each slide of a run of n says which it is, "(k of n)"; a slide alone says nothing.
    const keys = slideKeys(deck);
    deck.slides.forEach((slide, i) => {
      const run = keys.filter((k) => k === keys[i]).length;
      const nth = keys.slice(0, i + 1).filter((k) => k === keys[i]).length;
      const title = titleOf(slide);
      if (run > 1)
        assert.ok(
          title.endsWith(` (${nth} of ${run})`),
          `slide ${i + 1}: "${title}" ends with (${nth} of ${run})`,
        );
      else assert.doesNotMatch(title, /\(\d+ of \d+\)$/, `slide ${i + 1}`);
    });
  });

  it('gives every slide a title in its title placeholder, unique in the deck, first in reading order', () => {
    for (const file of [SAMPLE, STRESS, PHOTOS, MINIMAL]) {
      const { deck } = built.get(file)!;
      const titles = deck.slides.map(titleOf);
      titles.forEach((title, i) =>
        assert.ok(title.trim(), `${path.basename(path.dirname(file))} slide ${i + 1} has a title`),
      );
      assert.equal(new Set(titles).size, titles.length, `titles unique: ${titles.join(' | ')}`);
      for (const [i, slide] of deck.slides.entries()) {
        // Shape order is reading order: the title is the first shape of the slide's tree.
        const first = slide.xml.match(/<p:spTree>.*?<\/p:grpSpPr>\s*<p:(sp|pic)>(.*?)<\/p:\1>/s)?.[2] ?? '';
        assert.match(first, /<p:ph\b[^>]*type="title"/, `slide ${i + 1}: the title comes first`);
        // Shapes keep the names the slide gives them (Selection Pane, a screen reader's object list), not the
        // layout's "Text N".
        assert.deepEqual(
          slide.boxes
            .filter((b) => b.placeholder && b.placeholder !== 'sldNum' && b.text)
            .map((b) => b.name)
            .filter((n) => /^Text \d+$/.test(n)),
          [],
          `slide ${i + 1}`,
        );
      }
    }
  });

  it(
    'uses named layouts whose title, body and caption areas are placeholders; ' +
      'decorations stay on the layouts',
    () => {
      const { deck } = built.get(SAMPLE)!;
      assert.deepEqual(
        [...new Set(deck.slides.map((s) => s.layout))],
        ['Title', 'List', 'Moderators (2)', 'Speaker', 'Recommendations', 'Closing'],
      );
      const photos = built.get(PHOTOS)!.deck;
      assert.ok(
        photos.slides.some((s) => /^Pictures \(\d\)$/.test(s.layout)),
        'a Pictures layout for highlights',
      );
      // Portraits fill the picture placeholders of the Speaker and Moderators layouts.
      const portraits = photos.slides
        .flatMap((s) => [...s.xml.matchAll(/<p:pic>.*?<\/p:pic>/gs)].map((m) => m[0]))
        .filter((pic) => /descr="Photo of /.test(pic));
      assert.ok(portraits.length >= 3);
      for (const pic of portraits)
        assert.match(pic, /<p:ph\b[^>]*type="pic"/, 'a portrait in a picture placeholder');
      for (const name of ['Speaker', 'Moderators (2)'])
        assert.match(
          photos.layouts.find((l) => l.name === name)?.xml ?? '',
          /<p:ph\b[^>]*type="pic"/,
          `${name} has a picture placeholder`,
        );
      // pptxgenjs always writes an empty DEFAULT layout, which no slide uses.
      for (const layout of deck.layouts.filter((l) => l.name !== 'DEFAULT')) {
        assert.match(layout.xml, /<p:ph\b[^>]*type="title"/, `${layout.name} has a title placeholder`);
        assert.match(layout.xml, /<p:ph\b[^>]*type="body"/, `${layout.name} has a body placeholder`);
      }
      // Slides hold no empty shapes (bands, rules, panels, cards are on their layout; an initials disc holds its
      // initials), so PowerPoint's accessibility checker finds no shape without alt text.
      for (const [i, slide] of deck.slides.entries()) {
        const decorations = slide.boxes.filter((b) => !b.placeholder && !b.text);
        assert.deepEqual(
          decorations.map((b) => b.name),
          [],
          `slide ${i + 1}`,
        );
      }
    },
  );

  it("keeps at least 90 % of the slides' text in placeholders", () => {
    for (const file of [SAMPLE, STRESS, PHOTOS, MINIMAL]) {
      const { deck } = built.get(file)!;
      const chars = (boxes: TextBox[]) => boxes.reduce((sum, b) => sum + b.text.replace(/\s/g, '').length, 0);
      const all = deck.slides.reduce(
        (sum, s) => sum + chars(s.boxes.filter((b) => b.placeholder !== 'sldNum')),
        0,
      );
      const inPlaceholders = deck.slides.reduce(
        (sum, s) => sum + chars(s.boxes.filter((b) => b.placeholder && b.placeholder !== 'sldNum')),
        0,
      );
      if (process.env.VERBOSE)
        console.log(path.basename(path.dirname(file)), ((100 * inPlaceholders) / all).toFixed(1));
      assert.ok(
        inPlaceholders / all >= 0.9,
        `${path.basename(path.dirname(file))}: ${((100 * inPlaceholders) / all).toFixed(1)} ` +
          `% of the slide text in placeholders`,
      );
    }
  });

  it('makes no slide for an absent section', () => {
    const { deck, report } = built.get(MINIMAL)!;
    assert.deepEqual(runs(slideKeys(deck)), [
      'cover',
      `speaker:${report.speakers[0]!.nameText}`,
      'Key Recommendations',
    ]);
  });

  it('gives each speaker a slide with name and affiliation, photo or initials', () => {
    for (const file of [SAMPLE, STRESS, PHOTOS]) {
      const { deck, report } = built.get(file)!;
      for (const speaker of report.speakers) {
        // The first slide whose notes open with the person (a long name may be shortened in the title).
        const slide = deck.slides.find(
          (s) => s.layout === 'Speaker' && s.notes[0]?.startsWith(speaker.nameText),
        );
        assert.ok(slide, `${speaker.nameText} has a slide`);
        // The current post on the first slide; every line of the affiliation in the notes.
        if (speaker.affiliation[0])
          assert.ok(
            squash(slide.text).includes(squash(speaker.affiliation[0]).replace(/…$/, '').slice(0, 30)),
            `${speaker.nameText}'s affiliation on the slide`,
          );
        assert.ok(
          squash(slide.notes.join(' ')).includes(squash(speaker.affiliation.join(', '))),
          `${speaker.nameText}'s whole affiliation in the notes`,
        );
        if (speaker.photo)
          assert.match(slide.xml, new RegExp(`<p:pic>.*descr="Photo of ${speaker.nameText}"`, 's'));
        else
          assert.ok(
            slide.boxes.some((b) => b.text === speaker.initials),
            `${speaker.nameText}'s initials`,
          );
      }
    }
  });

  it('shows every point and every recommendation, in order, on a slide or in its notes', () => {
    for (const file of [SAMPLE, STRESS]) {
      const { deck, report } = built.get(file)!;
      const all = squash(deck.slides.map((s) => [s.text, ...s.notes].join('\n')).join('\n'));
      let from = 0;
      const expected = [
        ...report.speakers.flatMap((s) => s.points.map(plain)),
        ...report.recommendations.flatMap((r) => [
          ...(r.headline ? [plain(r.headline)] : []),
          ...r.text.map(plain),
        ]),
      ];
      for (const text of expected) {
        const at = all.indexOf(squash(text), from);
        assert.ok(at >= 0, `in order after ${from}: "${text.slice(0, 70)}…"`);
        from = at + squash(text).length;
      }
      // Numbered by PowerPoint (buAutoNum), continuing across slides.
      const numbers = deck.slides
        .filter((s) => s.layout === 'Recommendations')
        .flatMap((s) =>
          [...s.xml.matchAll(/<a:buAutoNum type="arabicPeriod" startAt="(\d+)"\/>/g)].map((m) =>
            Number(m[1]),
          ),
        );
      assert.deepEqual(
        numbers,
        report.recommendations.map((_, i) => i + 1),
      );
    }
  });

  it('has speaker notes on every slide with the full text of the section', () => {
    const { deck, report } = built.get(SAMPLE)!;
    for (const [i, slide] of deck.slides.entries())
      assert.ok(slide.notes.length > 0, `slide ${i + 1} has notes`);
    const framework = deck.slides.find((s) => titleOf(s).startsWith('Conceptual Framework'))!;
    assert.deepEqual(framework.notes, report.framework!.map(plain));
  });

  it('never lets text overflow its box, in either brand, for the sample and the stress fixture', () => {
    for (const file of [SAMPLE, STRESS, PHOTOS, MINIMAL]) {
      const { deck } = built.get(file)!;
      const check = (box: TextBox, where: string) => {
        const width = box.w - box.insets.l - box.insets.r;
        const height = box.h - box.insets.t - box.insets.b;
        const needed = box.wrap
          ? textHeight(box.paragraphs, width)
          : box.paragraphs.reduce((sum, p) => sum + p.style.lineSpacingPt, 0);
        assert.ok(
          needed <= height + 0.5,
          `${where} "${box.name}": text needs ${needed.toFixed(1)} pt, box has ${height.toFixed(1)} ` +
            `pt: "${box.text.slice(0, 60)}"`,
        );
        if (!box.wrap)
          assert.ok(widestLine(box.paragraphs) <= width, `${where} "${box.name}" is wider than its box`);
        assert.ok(
          box.x >= 0 && box.y >= 0 && box.x + box.w <= SLIDE.w + 0.01 && box.y + box.h <= SLIDE.h + 0.01,
          `${where} "${box.name}" lies on the slide`,
        );
        for (const p of box.paragraphs) {
          if (box.wrap && wrapLines(p.runs, p.style, width - (p.indentPt ?? 0)).length > 1)
            assert.ok(p.style.sizePt >= 16, `${where} "${box.name}": body text at ${p.style.sizePt} pt`);
        }
      };
      deck.slides.forEach((slide, i) =>
        slide.boxes.forEach((box) => check(box, `${path.basename(path.dirname(file))} slide ${i + 1}`)),
      );
      deck.layoutBoxes.forEach((box) => check(box, `${path.basename(path.dirname(file))} layout`));
      for (const slide of deck.slides)
        assert.doesNotMatch(
          slide.xml,
          /normAutofit|spAutoFit/,
          'no auto-fit: PowerPoint ignores it until the text is edited',
        );
      for (const layout of deck.layouts)
        assert.doesNotMatch(layout.xml, /normAutofit|spAutoFit/, `${layout.name}: no auto-fit`);
    }
  });

  it('warns when an item is shortened', () => {
    assert.match(stderr, /stress\/report\.yaml: the event title is too long for the title slide/);
    assert.match(
      stderr,
      /stress\/report\.yaml: the affiliation of Ms\. Aroha Te Whata-Lindqvist is too long for a slide/,
    );
  });

  it("shows a point's short form, else its first sentence when that stands alone, the full text in the notes", () => {
    const { deck, report } = built.get(SAMPLE)!;
    const slideText = squash(deck.slides.map((s) => s.text).join('\n'));
    const notes = squash(deck.slides.flatMap((s) => s.notes).join('\n'));
    const khurram = report.speakers[0]!;
    assert.ok(khurram.slidePoints[1], 'the sample gives point 2 a short form');
    assert.ok(slideText.includes(squash(plain(khurram.slidePoints[1]!))), 'the short form is on the slide');
    assert.ok(!slideText.includes(squash(plain(khurram.points[1]!))), 'the full point is not');
    assert.ok(notes.includes(squash(plain(khurram.points[1]!))), 'the full point is in the notes');
    // A moderation point's short form on the framing slide, the full point in its notes.
    const framing = deck.slides.find((s) => titleOf(s) === 'Discussion Points')!;
    assert.ok(squash(framing.text).includes(squash(plain(report.moderationOnSlide[0]!))));
    assert.deepEqual(framing.notes, report.moderation.map(plain));
    // Point 1 has no short form: its first sentence on the slide.
    assert.equal(khurram.slidePoints[0], undefined);
    assert.ok(
      slideText.includes(
        squash(
          'The militant landscape in Pakistan has undergone a structural transformation, ' +
            'marked by shifts in tactics, targets, and geography.',
        ),
      ),
    );
    assert.ok(!slideText.includes(squash('Militancy today is no longer static')));
    // The stress fixture's point of six long sentences: its first sentence only.
    const maria = built.get(STRESS)!.deck.slides.filter((s) => titleOf(s).startsWith('Maria Santos'));
    assert.ok(
      squash(maria.map((s) => s.text).join('')).includes(
        squash(
          'This single contribution was delivered as one uninterrupted argument and ' +
            'recorded as one point, so it has to be split across slides.',
        ),
      ),
    );
    assert.ok(!squash(maria.map((s) => s.text).join('')).includes(squash('Its part 1 restates')));
  });

  it('keeps slides to about 60 words', async () => {
    for (const file of [SAMPLE, STRESS, PHOTOS]) {
      const words = await wordsPerSlide(built.get(file)!.file);
      const over = words.map((n, i) => ({ n, slide: i + 1 })).filter((w) => w.n > 60);
      // The stress fixture's long names and affiliations may tip a slide over; the sample and the photos
      // fixture may not.
      if (file === STRESS)
        assert.ok(
          over.every((w) => w.n <= 75),
          JSON.stringify(over),
        );
      else assert.deepEqual(over, [], path.basename(path.dirname(file)));
    }
  });

  it('takes every colour and font from the brand', () => {
    const fonts = (deck: DeckReadBack) =>
      new Set(
        deck.slides.flatMap((s) => [...s.xml.matchAll(/<a:latin typeface="([^"]+)"/g)].map((m) => m[1])),
      );
    const colours = (deck: DeckReadBack) =>
      new Set(deck.slides.flatMap((s) => [...s.xml.matchAll(/<a:srgbClr val="([^"]+)"/g)].map((m) => m[1])));
    const sat = built.get(SAMPLE)!.deck;
    const neutral = built.get(STRESS)!.deck;
    assert.deepEqual([...fonts(sat)].sort(), ['Calibri', 'Georgia']);
    assert.deepEqual([...fonts(neutral)].sort(), ['Arial']);
    assert.ok(colours(sat).has('0B2545') && colours(sat).has('C8102E'));
    assert.ok(
      !colours(neutral).has('0B2545') && colours(neutral).has('22303C') && colours(neutral).has('0F766E'),
    );
  });

  it('writes a package PowerPoint opens without repair', () => {
    for (const file of [SAMPLE, STRESS, PHOTOS]) {
      const { deck, report } = built.get(file)!;
      const names = new Set(deck.parts.keys());
      for (const m of deck.xml('[Content_Types].xml').matchAll(/<Override PartName="\/([^"]+)"/g))
        assert.ok(names.has(m[1]!), `override for absent part ${m[1]}`);
      for (const name of names) {
        if (name.endsWith('/')) assert.fail(`folder entry ${name}`);
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = deck.xml(name);
        assert.deepEqual(xmlProblems(xml), [], `${name} is well-formed`);
        assert.doesNotMatch(xml, /NaN|undefined/, `${name} has no NaN or undefined`);
        for (const c of xml.matchAll(/<a:srgbClr val="([^"]*)"/g))
          assert.match(c[1]!, /^[0-9A-F]{6}$/, `${name}: colour ${c[1]}`);
        for (const p of xml.matchAll(/<a:p>(.*?)<\/a:p>/gs))
          assert.ok(
            (p[1]!.match(/<a:pPr\b/g) ?? []).length <= 1 && !/^.+<a:pPr\b/s.test(p[1]!),
            `${name}: one a:pPr, first`,
          );
        if (!name.endsWith('.rels')) continue;
        const base = path.posix.dirname(path.posix.dirname(name));
        for (const r of xml.matchAll(/<Relationship\b[^>]*Target="([^"]+)"[^>]*>/g)) {
          if (/TargetMode="External"/.test(r[0])) continue;
          const target = path.posix.normalize(path.posix.join(base, r[1]!)).replace(/^\//, '');
          assert.ok(names.has(target), `${name} points to absent ${target}`);
        }
      }
      for (const [name, method] of entryMethods(deck.bytes))
        assert.equal(method, 8, `${name} is DEFLATE-compressed`);
      // One proofing language, the report's, on every run, paragraph end and field of every part (pptxgenjs
      // alone writes en-US on most).
      const languages = new Map<string, number>();
      for (const name of names)
        if (name.endsWith('.xml'))
          for (const m of deck.xml(name).matchAll(/\b(?:lang|altLang)="([^"]*)"/g))
            languages.set(m[1]!, (languages.get(m[1]!) ?? 0) + 1);
      assert.deepEqual(
        [...languages.keys()],
        [report.language],
        `proofing languages: ${JSON.stringify(Object.fromEntries(languages))}`,
      );
      assert.ok(languages.get(report.language)! > 50);
      // The notes master list before the slide list, as the schema orders them (pptxgenjs 4.0.1 wrote it
      // after; patched).
      const presentation = deck.xml('ppt/presentation.xml');
      assert.ok(
        presentation.indexOf('<p:notesMasterIdLst>') > 0 &&
          presentation.indexOf('<p:notesMasterIdLst>') < presentation.indexOf('<p:sldIdLst>'),
        'notesMasterIdLst before sldIdLst',
      );
      const pictures = [...names]
        .filter((n) => /^ppt\/(slides|slideLayouts)\/[^/]+\.xml$/.test(n))
        .flatMap((n) => [...deck.xml(n).matchAll(/<p:pic>.*?<\/p:pic>/gs)].map((m) => m[0]));
      assert.ok(pictures.length > 0);
      for (const pic of pictures) assert.match(pic, /<p:cNvPr\b[^>]*descr="[^"]+"/, 'image has alt text');
      const core = deck.xml('docProps/core.xml');
      assert.match(
        core,
        new RegExp(
          `<dc:title>${report.event.titleText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&amp;')}</dc:title>`,
        ),
      );
      assert.match(core, /<dc:creator>[^<]+<\/dc:creator>/);
      assert.match(core, new RegExp(`<dc:language>${report.language}</dc:language>`));
      assert.match(
        core,
        /<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z<\/dcterms:created>/,
      );
    }
  });

  it('is reproducible: with SOURCE_DATE_EPOCH, two builds are byte-identical', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'briefpress-slides-again-'));
    const result = buildSlides([SAMPLE], again);
    assert.equal(result.status, 0, result.stderr);
    const { file, report } = built.get(SAMPLE)!;
    assert.ok((await readFile(file)).equals(await readFile(path.join(again, `${report.slug}.pptx`))));
  });

  it('fails with exit 1 and writes nothing for a bad report', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'briefpress-slides-bad-'));
    const result = buildSlides([path.join(root, 'test/fixtures/bad/missing-title.yaml')], out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /missing-title\.yaml:\d+:\d+/);
    assert.deepEqual(await readdir(out), []);
  });

  describe('rendered by LibreOffice', () => {
    for (const file of [SAMPLE, STRESS]) {
      it(`${path.relative(root, file)}: one page per slide, no text past a slide's edge`, async (t) => {
        if (!soffice()) return t.skip('soffice not installed (CI installs libreoffice-impress)');
        const { deck, file: pptx } = built.get(file)!;
        const work = await mkdtemp(path.join(tmpdir(), 'briefpress-lo-'));
        const pdf = await getDocument({
          data: new Uint8Array(await readFile(await deckToPdf(pptx, work))),
          isEvalSupported: false,
        }).promise;
        assert.equal(pdf.numPages, deck.slides.length);
        for (let n = 1; n <= pdf.numPages; n++) {
          const page = await pdf.getPage(n);
          const { width, height } = page.getViewport({ scale: 1 });
          for (const item of (await page.getTextContent()).items) {
            if (!('str' in item) || !item.str.trim()) continue;
            const [x, y] = [item.transform[4]!, item.transform[5]!];
            const size = Math.hypot(item.transform[2]!, item.transform[3]!);
            assert.ok(
              x >= 0 && x + item.width <= width + 0.5,
              `page ${n}: "${item.str}" runs past the side (${x.toFixed(1)} + ${item.width.toFixed(1)} > ${width})`,
            );
            assert.ok(
              y - size * 0.25 >= 0 && y + size * 0.8 <= height + 0.5,
              `page ${n}: "${item.str}" lies past the top or bottom`,
            );
          }
        }
        await pdf.destroy();
        assert.ok(existsSync(pptx));
      });
    }
  });
});
