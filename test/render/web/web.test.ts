import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadReport } from '../../../scripts/lib/load-report.ts';
import { pixelSizeOf } from '../../../scripts/lib/io/image-cache.ts';
import { plain } from '../../../scripts/lib/model/inline.ts';
import type { Report } from '../../../scripts/lib/model/types.ts';
import { Recommendations } from '../../../templates/web/Sections.tsx';
import { browserMissing, launchBrowser } from '../../support/browser.ts';
import { EPOCH } from '../../support/build-pdf.ts';
import { root, runScript } from '../../support/run-script.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
/** Reports shaped unlike the sample: photos and highlights (srcset), and very long title, names, affiliations
 * and lists. */
const OTHERS = ['photos', 'stress', 'long-names'].map((name) =>
  path.join(root, `test/fixtures/${name}/report.yaml`),
);

/** Runs a build command with a fixed SOURCE_DATE_EPOCH. */
function build(command: string, args: string[]) {
  const saved = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = EPOCH;
  try {
    return runScript(command, args);
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
}

/** Every file of a folder, by relative path, with the SHA-256 of its bytes. */
function hashes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile())
      found.set(name, createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return found;
}

/** Texts a reader must find on the page, in the brief's order: every paragraph, point and recommendation. */
function expectedTexts(report: Report): string[] {
  return [
    report.event.titleText,
    ...(report.framework ?? []).map(plain),
    ...report.moderation.map(plain),
    ...report.speakers.flatMap((s) => [s.nameText, ...s.points.map(plain)]),
    ...report.recommendations.flatMap((r) => [
      ...(r.headline ? [plain(r.headline)] : []),
      ...r.text.map(plain),
    ]),
    ...(report.summary ?? []).map(plain),
    ...(report.conclusion ?? []).map(plain),
    ...(report.thanks ? report.thanks.text.map(plain) : []),
  ];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('build:web', () => {
  let out: string;
  let folder: string;
  let report: Report;
  let html: string;
  /** The sample and the other fixtures, each with its folder. */
  const pages: { name: string; report: Report; folder: string }[] = [];

  before(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'briefpress-web-'));
    const built = build('build', [SAMPLE, '--out', out]);
    assert.equal(built.status, 0, built.stderr);
    report = (await loadReport(SAMPLE)).report;
    folder = path.join(out, report.slug);
    html = readFileSync(path.join(folder, 'index.html'), 'utf8');
    const others = build('build-web', [...OTHERS, '--out', out]);
    assert.equal(others.status, 0, others.stderr);
    pages.push({ name: 'the sample', report, folder });
    for (const file of OTHERS) {
      const other = (await loadReport(file)).report;
      pages.push({
        name: path.basename(path.dirname(file)),
        report: other,
        folder: path.join(out, other.slug),
      });
    }
  });

  it(
    'writes an uploadable folder: page, one stylesheet, WOFF2 fonts, WebP images, ' +
      'PNG share cards, the PDF and deck',
    () => {
      const files = [...hashes(folder).keys()];
      assert.ok(files.includes('index.html') && files.includes('style.css'));
      assert.equal(files.filter((f) => f.endsWith('.css')).length, 1, 'one stylesheet');
      const fonts = files.filter((f) => f.startsWith('fonts/'));
      assert.ok(fonts.length >= 2, `fonts: ${fonts.join(', ')}`);
      for (const font of fonts)
        assert.equal(
          readFileSync(path.join(folder, font)).toString('latin1', 0, 4),
          'wOF2',
          `${font} is WOFF2`,
        );
      for (const image of files.filter((f) => f.startsWith('images/'))) {
        const bytes = readFileSync(path.join(folder, image));
        assert.equal(bytes.toString('latin1', 8, 12), 'WEBP', `${image} is WebP`);
      }
      for (const extension of ['.pdf', '.pptx']) {
        const name = `${report.slug}${extension}`;
        assert.deepEqual(
          readFileSync(path.join(folder, name)),
          readFileSync(path.join(out, name)),
          `${name} is the one built`,
        );
      }
      assert.ok(!readdirSync(out).some((n) => n.startsWith('.')), 'no temporary folders left');
    },
  );

  it('offers the downloads with their real sizes', () => {
    const pdfSize = statSync(path.join(out, `${report.slug}.pdf`)).size;
    const kB = `${(pdfSize / 1000).toFixed(0)} kB`;
    assert.match(
      html,
      new RegExp(
        `href="${report.slug}\\.pdf"[^>]*>Download the brief <span class="file-facts">\\(PDF, ${kB}\\)`,
      ),
    );
    assert.match(
      html,
      new RegExp(`href="${report.slug}\\.pptx"[^>]*>the deck <span class="file-facts">\\(PPTX, \\d+ kB\\)`),
    );
  });

  it('loads nothing from another site', () => {
    const css = readFileSync(path.join(folder, 'style.css'), 'utf8');
    const loaded = [
      ...html.matchAll(
        /<(?:img|script|link|source|iframe|video|audio)\b[^>]*?\s(?:src|href|srcset)="([^"]+)"/g,
      ),
    ].map((m) => m[1]!);
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    for (const address of loaded) {
      if (address === canonical) continue;
      assert.doesNotMatch(address, /^[a-z][a-z0-9+.-]*:|^\/\//i, `loads ${address}`);
    }
    assert.doesNotMatch(css, /url\(\s*["']?(?:[a-z]+:|\/\/)/i, 'the stylesheet loads nothing from elsewhere');
    assert.doesNotMatch(css, /@import/);
  });

  it('has the metadata of a shared link, with absolute addresses from report.url', () => {
    assert.ok(report.url, 'the sample sets report.url');
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, new RegExp(`<link rel="canonical" href="${report.url}"/>`));
    assert.match(html, new RegExp(`<meta property="og:url" content="${report.url}"/>`));
    assert.match(
      html,
      /<title>The Evolving Militant Ecosystem: Spillover States, Traveling Militancy, and Who Gets Targeted Next \| South Asia Times<\/title>/,
    );
    const description = html.match(/<meta name="description" content="([^"]+)"/)?.[1];
    assert.ok(description?.startsWith('The webinar “The Evolving Militant Ecosystem'), description);
    // The summary's first sentence, shortened at a word with an ellipsis when longer than a preview shows.
    assert.ok([...description!].length <= 200, description);
    const firstParagraph = squash(plain(report.summary![0]!));
    assert.ok(firstParagraph.startsWith(description!.replace(/…$/, '')), description);
    assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/>/);
  });

  it('names its share card og.png (1200×630, in the folder) by an absolute address for link previews', () => {
    const og = new URL('cards/og.png', report.url).href;
    assert.match(html, new RegExp(`<meta property="og:image" content="${og}"/>`));
    assert.match(html, new RegExp(`<meta name="twitter:image" content="${og}"/>`));
    assert.match(
      html,
      /<meta property="og:image:width" content="1200"\/><meta property="og:image:height" content="630"\/>/,
    );
    assert.match(
      html,
      /<meta property="og:image:alt" content="Webinar: The Evolving Militant Ecosystem: Spillover States/,
    );
    const script = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
    const graph = (JSON.parse(script) as { '@graph': { image?: string }[] })['@graph'];
    assert.ok(
      graph.every((node) => node.image === og),
      'the event and the report name the card as their image',
    );
    const cards = [...hashes(folder).keys()].filter((f) => f.startsWith('cards/'));
    assert.equal(cards.length, 1 + report.recommendations.length + report.speakers.length, cards.join(', '));
    assert.deepEqual(pixelSizeOf(readFileSync(path.join(folder, 'cards/og.png'))), {
      width: 1200,
      height: 630,
    });
    for (const card of cards.filter((c) => c !== 'cards/og.png')) {
      assert.deepEqual(
        pixelSizeOf(readFileSync(path.join(folder, card))),
        { width: 1080, height: 1350 },
        card,
      );
      assert.ok(statSync(path.join(folder, card)).size < 300_000, card);
    }
  });

  it('describes the event in JSON-LD with its time zone, online location, organiser and speakers', () => {
    const script = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1];
    assert.ok(script, 'a JSON-LD script');
    const data = JSON.parse(script!) as { '@graph': Record<string, unknown>[] };
    const event = data['@graph'].find((n) => n['@type'] === 'Event')!;
    assert.equal(event.startDate, '2026-01-20T17:00:00+05:00');
    assert.equal(event.endDate, '2026-01-20T18:00:00+05:00');
    assert.deepEqual(event.location, { '@type': 'VirtualLocation', name: 'Online (Zoom)' });
    assert.equal((event.organizer as { name: string }).name, 'South Asia Times');
    const performers = (event.performer as { name: string }[]).map((p) => p.name);
    assert.deepEqual(
      performers,
      report.speakers.map((s) => s.nameText),
    );
    const brief = data['@graph'].find((n) => n['@type'] === 'Report')!;
    assert.equal(brief.url, report.url);
    assert.equal(
      (brief.encoding as { contentUrl: string }).contentUrl,
      new URL(`${report.slug}.pdf`, report.url).href,
    );
  });

  it(
    'is semantic HTML in the brief order: one h1, an h2 per section, speakers ' +
      'as h3, recommendations as an ordered list',
    () => {
      assert.equal(html.match(/<h1\b/g)?.length, 1);
      const h2 = [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
      assert.deepEqual(h2, [
        'Conceptual Framework',
        'Discussion Points',
        'Policy Recommendations',
        'Executive Summary',
        'Conclusion',
        'Thanking Remarks',
        'Contact',
      ]);
      const h3 = [...html.matchAll(/<h3 class="name">([^<]+)<\/h3>/g)].map((m) => m[1]);
      assert.deepEqual(
        h3,
        report.speakers.map((s) => s.nameText),
      );
      const ol = html.match(/<ol class="recommendations">([\s\S]*?)<\/ol>/)?.[1] ?? '';
      assert.equal(ol.match(/<li>/g)?.length, report.recommendations.length);
      assert.match(html, /<main id="main"/);
      assert.match(html, /<article class="speaker"/);
    },
  );

  it('is the same bytes when built again from the same input', () => {
    const first = hashes(folder);
    const again = build('build-web', [SAMPLE, '--out', out]);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(hashes(folder), first);
  });

  describe('in chromium', { skip: browserMissing() }, () => {
    let session: Awaited<ReturnType<typeof launchBrowser>>;
    before(async () => {
      session = await launchBrowser();
    });
    after(async () => {
      await session?.close();
    });

    const open = async (width: number, at = folder) => {
      const page = await session.browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(path.join(at, 'index.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      return { page, failed };
    };

    for (const width of [360, 390, 1280]) {
      it(
        `at ${width} px has no horizontal scroll, no text outside the viewport or over other text ` +
          `(the sample, photos, stress, long names)`,
        async () => {
          for (const target of pages) {
            const { page, failed } = await open(width, target.folder);
            const result = await page.evaluate(() => {
              const viewport = document.documentElement.clientWidth;
              const outside: string[] = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.textContent?.trim()) continue;
                const element = node.parentElement!;
                const style = getComputedStyle(element);
                if (
                  style.display === 'none' ||
                  style.visibility === 'hidden' ||
                  element.closest('.skip-link')
                )
                  continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const rect of range.getClientRects()) {
                  if (rect.width > 0 && (rect.left < -0.5 || rect.right > viewport + 0.5))
                    outside.push(
                      `${node.textContent.trim().slice(0, 40)} (${Math.round(rect.left)}–${Math.round(rect.right)})`,
                    );
                }
              }
              // Text printed over other text (a long label ran over the organisation's name at 390 px): the
              // line boxes of two text nodes overlapping by over 40 % of the smaller's height.
              const lines: { text: string; left: number; right: number; top: number; bottom: number }[] = [];
              const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walk.nextNode(); node; node = walk.nextNode()) {
                const element = node.parentElement!;
                if (!node.textContent?.trim() || element.closest('.skip-link')) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) {
                  if (r.width > 0) lines.push({ text: node.textContent.trim().slice(0, 30), ...r.toJSON() });
                }
              }
              const over: string[] = [];
              lines.sort((a, b) => a.top - b.top);
              lines.forEach((a, i) => {
                for (let j = i + 1; j < lines.length && lines[j]!.top < a.bottom; j++) {
                  const b = lines[j]!;
                  const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (dx > 2 && dy > 0.4 * Math.min(a.bottom - a.top, b.bottom - b.top))
                    over.push(`${a.text} / ${b.text}`);
                }
              });
              return { scrollWidth: document.documentElement.scrollWidth, viewport, outside, over };
            });
            assert.ok(
              result.scrollWidth <= result.viewport,
              `${target.name}: scrollWidth ${result.scrollWidth} > ${result.viewport}`,
            );
            assert.deepEqual(result.outside, [], target.name);
            assert.deepEqual(result.over, [], `${target.name}: text printed over other text`);
            assert.deepEqual(failed, [], `${target.name}: every file the page loads is in the folder`);
            await page.close();
          }
        },
      );
    }

    it('gives numbers up to 1,000 recommendations (the limit) room before their text, 360 and 1280 px', async () => {
      const many: Report = {
        ...report,
        recommendations: Array.from({ length: 1000 }, (_, i) => ({
          text: [[{ text: `Publish daily flow data from barrage ${i + 1}.` }]],
        })),
      };
      const markup = renderToStaticMarkup(createElement(Recommendations, { report: many }));
      for (const width of [360, 1280]) {
        const { page } = await open(width);
        // The sample's page with its recommendations replaced by a thousand, as the template writes them.
        const crowded = await page.evaluate(async (html) => {
          document.querySelector('#recommendations')!.outerHTML = html;
          await document.fonts.ready;
          const context = document.createElement('canvas').getContext('2d')!;
          const items = [...document.querySelectorAll('#recommendations li')];
          const found = items.flatMap((li, i) => {
            const number = getComputedStyle(li, '::before');
            context.font = `${number.fontWeight} ${number.fontSize} ${number.fontFamily}`;
            const needs = context.measureText(String(i + 1).padStart(2, '0')).width;
            const room = parseFloat(getComputedStyle(li).paddingLeft);
            return needs + 4 > room ? [`${i + 1}: ${needs.toFixed(1)} px in ${room.toFixed(1)} px`] : [];
          });
          return { count: items.length, found };
        }, markup);
        assert.equal(crowded.count, 1000);
        assert.deepEqual(crowded.found.slice(0, 5), [], `at ${width} px, numbers wider than their room`);
        await page.close();
      }
    });

    it(
      'has every paragraph, point and recommendation in the DOM, in report order ' +
        '(the sample, photos, stress, long names)',
      async () => {
        for (const target of pages) {
          const { page } = await open(1280, target.folder);
          const text = squash(await page.evaluate(() => document.querySelector('main')!.textContent ?? ''));
          const title = squash(await page.evaluate(() => document.querySelector('h1')!.textContent ?? ''));
          const expected = expectedTexts(target.report);
          assert.ok(title.startsWith(squash(expected[0]!)), target.name);
          let from = 0;
          for (const wanted of expected.slice(1)) {
            const at = text.indexOf(squash(wanted), from);
            assert.ok(at >= 0, `${target.name}: not in order after ${from}: "${wanted.slice(0, 60)}…"`);
            from = at + squash(wanted).length;
          }
          await page.close();
        }
      },
    );

    it('has no serious or critical accessibility violation (axe-core; the sample, photos, stress)', async () => {
      for (const target of pages)
        for (const width of [390, 1280]) {
          const { page } = await open(width, target.folder);
          await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
              }
            ).axe;
            const result = await axe.run();
            return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
          });
          const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          assert.deepEqual(bad, [], `${target.name} at ${width} px`);
          await page.close();
        }
    });

    it(
      'has links that resolve: files in the folder, anchors on the page, images ' +
        'loaded (the sample, photos, stress, long names)',
      async () => {
        for (const target of pages) {
          const { page } = await open(1280, target.folder);
          const found = await page.evaluate(() => ({
            links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
            ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
            images: [...document.images].map((img) => ({
              src: img.currentSrc,
              ok: img.complete && img.naturalWidth > 0,
            })),
          }));
          for (const href of found.links) {
            if (/^(https?|mailto|tel):/.test(href)) continue;
            if (href.startsWith('#')) {
              assert.ok(found.ids.includes(href.slice(1)), `anchor ${href} exists`);
              continue;
            }
            assert.ok(
              existsSync(path.join(target.folder, decodeURIComponent(href.split('#')[0]!))),
              `${target.name}: ${href} is in the folder`,
            );
          }
          await page.evaluate(async () => {
            for (const img of document.images) {
              img.loading = 'eager';
              await img.decode().catch(() => undefined);
            }
          });
          const images = await page.evaluate(() =>
            [...document.images].map((img) => ({
              src: img.currentSrc,
              ok: img.complete && img.naturalWidth > 0,
            })),
          );
          for (const image of images) assert.ok(image.ok, `${target.name}: ${image.src} loads`);
          if (target.name === 'photos')
            assert.ok(
              images.length >= 8 && images.every((i) => /\.webp$/.test(i.src)),
              `photos and highlights shown: ${images.length}`,
            );
          await page.close();
        }
      },
    );

    it('shows where the keyboard is: every link and button reached by Tab has a visible focus ring', async () => {
      const { page } = await open(1280);
      // Without smooth scrolling, so a focused element is in view when the check looks (not still scrolling to it).
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      const focusable = await page.evaluate(
        () => document.querySelectorAll('a[href], button, [tabindex]:not([tabindex="-1"])').length,
      );
      const seen: string[] = [];
      for (let i = 0; i < focusable; i++) {
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return undefined;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            what: `${element.tagName.toLowerCase()} ${element.textContent?.trim().slice(0, 30)}`,
            outline: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
            onScreen: box.bottom > 0 && box.top < innerHeight,
          };
        });
        if (!ring) continue;
        seen.push(ring.what);
        assert.ok(
          ring.outline !== 'none' && ring.width >= 2,
          `${ring.what}: outline ${ring.outline} ${ring.width}px`,
        );
        assert.ok(ring.onScreen, `${ring.what} is scrolled into view when focused`);
      }
      assert.ok(
        seen.some((w) => w.includes('Skip to the brief')) &&
          seen.some((w) => w.includes('Download the brief')),
        seen.join(' | '),
      );
      await page.close();
    });

    it('has its Open Graph image at 1200×630 where the tags say', async () => {
      const { page } = await open(1280);
      const address = await page.evaluate(() =>
        document.querySelector('meta[property="og:image"]')!.getAttribute('content')!,
      );
      assert.ok(address.startsWith(report.url!), address);
      // Published, the address is report.url + the path inside the folder; here the folder stands in for report.url.
      const local = pathToFileURL(path.join(folder, address.slice(report.url!.length))).href;
      const size = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return { width: img.naturalWidth, height: img.naturalHeight };
      }, local);
      assert.deepEqual(size, { width: 1200, height: 630 });
      await page.close();
    });

    it('prints to PDF', async () => {
      const { page } = await open(1280);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      assert.equal(Buffer.from(pdf).toString('latin1', 0, 5), '%PDF-');
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
      assert.ok(doc.numPages >= 3, `${doc.numPages} pages`);
      const first = await doc.getPage(1);
      const text = (await first.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      assert.match(squash(text), /The Evolving Militant Ecosystem/);
      assert.doesNotMatch(squash(text), /Download the brief/, 'the print stylesheet hides the buttons');
      // No section heading or speaker name printed last on a page, away from what it heads.
      const headings = new Set([
        ...Object.values(report.headings),
        ...report.speakers.map((s) => s.nameText),
      ]);
      for (let n = 1; n < doc.numPages; n++) {
        // The lowest line on the page, by position (pdf.js gives text in drawing order, not reading order).
        const items = (await (await doc.getPage(n)).getTextContent()).items.flatMap((i) =>
          'str' in i && i.str.trim() ? [{ text: i.str.trim(), y: i.transform[5] as number }] : [],
        );
        const lowest = Math.min(...items.map((i) => i.y));
        const last = items
          .filter((i) => Math.abs(i.y - lowest) < 1)
          .map((i) => i.text)
          .join(' ');
        assert.ok(!headings.has(last), `page ${n} ends with the heading "${last}"`);
      }
      await page.close();
    });
  });
});
