import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import sharp from 'sharp';
import { loadReport, type LoadedReport } from '../../../scripts/lib/load-report.ts';
import { plain } from '../../../scripts/lib/model/inline.ts';
import type { Brand } from '../../../scripts/lib/model/types.ts';
import { OutputError } from '../../../scripts/lib/render/output.ts';
import { emailOf, outWithStandIns, renderEmail } from '../../support/email.ts';
import { EPOCH } from '../../support/build-pdf.ts';
import { root } from '../../support/run-script.ts';
import { ACCEPTED, lintEmailHtml } from '../../support/caniemail.ts';
import { browserMissing, launchBrowser } from '../../support/browser.ts';
import { contrastRatio } from '../../../scripts/lib/model/colour.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const INDUS = path.join(root, 'test/fixtures/email-default-brand/report.yaml');
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The text a reader sees in the HTML body: tags dropped, entities decoded, spaces collapsed. */
function visible(html: string): string {
  return html
    .replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<div style="display:none[^"]*">[\s\S]*?<\/div>/, ' ')
    .replace(/<\/?(strong|em|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Asserts each text occurs after the previous one. */
function assertInOrder(all: string, texts: string[]): void {
  let from = 0;
  for (const text of texts) {
    const at = all.indexOf(text, from);
    assert.ok(at >= 0, `not found in order after offset ${from}: "${text.slice(0, 80)}"`);
    from = at + text.length;
  }
}

/** A copy of the report with brand e-mail settings changed (brands are cached and shared, so never mutated). */
function withBrandEmail(loaded: LoadedReport, email: Partial<Brand['email']>): LoadedReport {
  const brand = { ...loaded.report.brand, email: { ...loaded.report.brand.email, ...email } };
  return { ...loaded, report: { ...loaded.report, brand } };
}

describe('the e-mail of the sample report', () => {
  let sample: Awaited<ReturnType<typeof emailOf>>;
  let mail: ParsedMail;
  before(async () => {
    sample = await emailOf(SAMPLE);
    mail = sample.mail;
  });

  it('is a draft from the brand, with subject, date and identity fixed by the content', () => {
    const { report } = sample.loaded;
    assert.equal(mail.subject, 'South Asia Times | Brief Report: The Evolving Militant Ecosystem');
    assert.deepEqual(mail.from?.value, [{ name: 'South Asia Times', address: 'contact@southasiatimes.org' }]);
    assert.equal(mail.date?.getTime(), Number(EPOCH) * 1000);
    assert.equal(mail.headers.get('x-unsent'), '1');
    assert.equal(mail.headers.get('content-language'), 'en');
    assert.match(mail.messageId ?? '', new RegExp(`^<${report.slug}\\.[0-9a-f]{16}@southasiatimes\\.org>$`));
    assert.equal(mail.to, undefined, 'a draft names no recipients');
    assert.match(sample.bytes.toString('latin1'), /^Content-Type: multipart\/mixed;/m);
  });

  it('carries the brief and the deck byte for byte, with their types and names', () => {
    const attached = mail.attachments.filter((a) => !a.related);
    assert.deepEqual(
      attached.map((a) => [a.filename, a.contentType, a.contentDisposition]),
      [
        ['2026-01-20-evolving-militant-ecosystem.pdf', 'application/pdf', 'attachment'],
        ['2026-01-20-evolving-militant-ecosystem.pptx', PPTX_TYPE, 'attachment'],
      ],
    );
    assert.ok(attached[0]!.content.equals(sample.pdf), 'the PDF arrives unchanged');
    assert.ok(attached[1]!.content.equals(sample.pptx), 'the deck arrives unchanged');
  });

  it('embeds the logo, shrunk to e-mail size, and loads nothing from outside', async () => {
    const html = String(mail.html);
    const sources = [...html.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(sources.length, 1, 'one image: the logo');
    const logo = mail.attachments.find((a) => `cid:${a.cid}` === sources[0]);
    assert.ok(logo?.related, 'the logo is a related (inline) part of the HTML');
    assert.equal(logo.contentType, 'image/png');
    const { height, width } = await sharp(logo.content).metadata();
    assert.equal(height, 112);
    assert.equal(width, 112);
    assert.ok(logo.content.length < 20_000, `logo is ${logo.content.length} bytes`);
    assert.doesNotMatch(html, /<link|<script|url\(|@import|\ssrc="(?!cid:)/i);
    assert.match(html, /<table role="presentation"/);
  });

  it(
    'shows the event, the executive summary, the numbered recommendations and ' +
      'the contact, in the brand colours',
    () => {
      const { report } = sample.loaded;
      const html = String(mail.html);
      assert.match(html, /#0B2545/);
      assert.match(html, /#C8102E/);
      assertInOrder(visible(html), [
        'South Asia Times',
        'Brief Report',
        'Webinar',
        report.event.titleText,
        report.event.subtitleText!,
        'Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT · Online (Zoom)',
        'Executive Summary',
        ...report.summary!.map(plain),
        'Policy Recommendations',
        ...report.recommendations.flatMap((r, i) => [`${i + 1}.`, ...r.text.map(plain)]),
        '2026-01-20-evolving-militant-ecosystem.pdf',
        '2026-01-20-evolving-militant-ecosystem.pptx',
        'Contact',
        'House # 114C, Street 58, NPF Housing Society, E-11/3, Islamabad',
        '+92 318 4274642',
        'contact@southasiatimes.org',
        'www.southasiatimes.org',
      ]);
      assert.match(html, /href="mailto:contact@southasiatimes\.org"/);
      assert.match(html, /href="https:\/\/www\.southasiatimes\.org"/);
    },
  );

  it(
    'links to the web edition ("Read online") from the title band and the text ' +
      'part, as report.url gives it',
    async () => {
      const { report } = sample.loaded;
      const html = String(mail.html);
      const link = `<a href="${report.url}" style="color:#FFFFFF;text-decoration:underline;">Read online</a>`;
      assert.ok(html.includes(link), 'an underlined link in the title band');
      assertInOrder(visible(html), [
        'Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT · Online (Zoom)',
        'Read online the brief as a web page',
        'Executive Summary',
      ]);
      assertInOrder(mail.text ?? '', [
        'Webinar · Tuesday 20 January 2026',
        `\n\nRead online: ${report.url}\n\n`,
        'EXECUTIVE SUMMARY',
      ]);
      const indus = await emailOf(INDUS);
      assert.equal(indus.loaded.report.url, undefined);
      assert.doesNotMatch(String(indus.mail.html), /Read online/);
      assert.doesNotMatch(indus.mail.text ?? '', /Read online/);
    },
  );

  it('has a plain-text alternative with the same content', () => {
    const { report } = sample.loaded;
    assertInOrder(mail.text ?? '', [
      'South Asia Times | Brief Report',
      report.event.titleText,
      report.event.subtitleText!,
      'EXECUTIVE SUMMARY',
      ...report.summary!.map(plain),
      'POLICY RECOMMENDATIONS',
      ...report.recommendations.map((r, i) => `${i + 1}. ${plain(r.text[0]!)}`),
      'ATTACHED',
      '- 2026-01-20-evolving-militant-ecosystem.pdf: the full brief (PDF, 40 kB)',
      '\n-- \nSouth Asia Times',
      'Phone: +92 318 4274642',
      'E-mail: contact@southasiatimes.org',
    ]);
  });

  it('is the same bytes when built again', async () => {
    const again = await renderEmail(sample.loaded, sample.outDir);
    assert.ok(again.bytes.equals(sample.bytes), 'two builds differ');
    assert.equal(again.summary, '2 attachments, limit 10 MB');
  });
});

describe('the e-mail with the neutral brand and rich text', () => {
  let indus: Awaited<ReturnType<typeof emailOf>>;
  before(async () => {
    indus = await emailOf(INDUS);
  });

  it('takes its colours from the brand and shows no logo when the brand has none', () => {
    const html = String(indus.mail.html);
    assert.match(html, /#22303C/);
    assert.match(html, /#0F766E/);
    assert.doesNotMatch(html, /#0B2545|#C8102E/, 'no South Asia Times colour leaks into another brand');
    assert.doesNotMatch(html, /<img/);
    assert.equal(indus.mail.attachments.filter((a) => a.related).length, 0);
    assert.deepEqual(indus.mail.from?.value, [{ name: 'briefpress', address: 'office@example.org' }]);
  });

  it('escapes the text and renders bold, italic and links', () => {
    const html = String(indus.mail.html);
    assert.match(html, /Water, Power &#38; &#60;Borders&#62; in the <em>Indus<\/em> Basin/);
    assert.doesNotMatch(html, /<Borders>/);
    assert.match(html, /<strong>Indus Waters Treaty<\/strong>/);
    assert.match(html, /<em>warming<\/em>/);
    assert.match(html, /<a href="https:\/\/www\.worldbank\.org\/[^"]*"[^>]*>World Bank&#39;s archive<\/a>/);
    assert.equal(
      indus.mail.subject,
      'briefpress | Brief Report: Water, Power & <Borders> in the Indus Basin',
    );
  });

  it('numbers the recommendations and shows headlines where given, in HTML and text', () => {
    assertInOrder(visible(String(indus.mail.html)), [
      '1.',
      'Keep the commissioners meeting',
      'The Permanent Indus Commission should meet every year, as the treaty requires.',
      'Missed meetings should be made up within six months.',
      '2.',
      'Share flood data in real time, through a shared portal.',
      '3.',
      'Plan for less snow',
    ]);
    assert.match(String(indus.mail.html), /font-weight:bold;[^"]*">Keep the commissioners meeting<\/p>/);
    assertInOrder(indus.mail.text ?? '', [
      '1. Keep the commissioners meeting\n   The Permanent Indus Commission should ' +
        'meet every year, as the treaty requires.\n   Missed meetings',
      '2. Share flood data in real time, through a shared portal <https://example.org/portal>.',
      '3. Plan for less snow\n   Basin models',
      'Web: https://example.org',
    ]);
  });
});

describe('what the e-mail needs and its size budget', () => {
  it('names the commands to run when the brief or deck is not built', async () => {
    const loaded = await loadReport(SAMPLE);
    const empty = await mkdtemp(path.join(tmpdir(), 'briefpress-email-'));
    await assert.rejects(renderEmail(loaded, empty), (error: Error) => {
      assert.ok(error instanceof OutputError);
      assert.match(error.message, /\.pdf and .*\.pptx, not built yet/);
      assert.match(error.message, /npm run build -- .*--out/);
      assert.match(error.message, /npm run build:pdf/);
      assert.match(error.message, /npm run build:slides/);
      return true;
    });
  });

  it("stops over the brand's budget, naming the largest parts first", async () => {
    const loaded = withBrandEmail(await loadReport(SAMPLE), { maxBytes: 100_000 });
    const { outDir } = await outWithStandIns(loaded.report.slug, { pdf: 30_000, pptx: 90_000 });
    await assert.rejects(renderEmail(loaded, outDir), (error: Error) => {
      assert.ok(error instanceof OutputError);
      assert.match(
        error.message,
        /over its limit of 0\.1 MB \(100000 bytes; defaults\.briefpress\.email\.max-size-mb in templates\/brands\/south-asia-times\/_brand\.yml/,
      );
      assert.match(
        error.message,
        /Largest parts: 2026-01-20-evolving-militant-ecosystem\.pptx 90 kB, 2026-01-20-evolving-militant-ecosystem\.pdf 30 kB, HTML body/,
      );
      return true;
    });
  });

  it('lets --max-size raise or lower the budget', async () => {
    const loaded = withBrandEmail(await loadReport(SAMPLE), { maxBytes: 100_000 });
    const { outDir } = await outWithStandIns(loaded.report.slug, { pdf: 30_000, pptx: 90_000 });
    assert.equal(
      (await renderEmail(loaded, outDir, { 'max-size': '1' })).summary,
      '2 attachments, limit 1 MB',
    );
    await assert.rejects(
      renderEmail(loaded, outDir, { 'max-size': '0.05' }),
      /over its limit of 0\.05 MB .*set by --max-size/,
    );
  });

  it(
    'from the command line: reports the size, fails over budget before writing, ' +
      'refuses a bad --max-size',
    async () => {
      const { outDir } = await outWithStandIns('2026-01-20-evolving-militant-ecosystem', {
        pdf: 30_000,
        pptx: 90_000,
      });
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          [path.join(root, 'scripts/run.mjs'), 'build-email', SAMPLE, '--out', outDir, ...args],
          {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
          },
        );
      const eml = path.join(outDir, '2026-01-20-evolving-militant-ecosystem.eml');
      const over = run('--max-size', '0.1');
      assert.equal(over.status, 1, over.stderr);
      assert.match(over.stderr, /over its limit of 0\.1 MB/);
      assert.match(over.stderr, /Largest parts: .*\.pptx 90 kB/);
      assert.equal(existsSync(eml), false, 'nothing is written over budget');
      assert.equal(run('--max-size', 'ten').status, 2);
      const ok = run();
      assert.equal(ok.status, 0, ok.stderr);
      const size = (await readFile(eml)).length;
      assert.match(
        ok.stdout,
        new RegExp(`\\.eml  2 attachments, limit 10 MB, ${Math.round(size / 1000)} kB`),
      );
    },
  );

  it('builds the subject from the brand template, and names a field it does not know', async () => {
    const sample = await loadReport(SAMPLE);
    const { outDir } = await outWithStandIns(sample.report.slug);
    const templated = withBrandEmail(sample, { subject: '{short} {label}: {title} ({date})' });
    const mail = await simpleParser((await renderEmail(templated, outDir)).bytes);
    assert.equal(mail.subject, 'SAT Brief Report: The Evolving Militant Ecosystem (Tuesday 20 January 2026)');
    await assert.rejects(
      renderEmail(withBrandEmail(sample, { subject: '{organisation}: {headline}' }), outDir),
      /uses \{headline\}, which is not known/,
    );
  });
});

describe('the e-mail built after the real brief and deck', () => {
  it('attaches exactly the files build:pdf and build:slides wrote, and rebuilds to the same bytes', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-email-e2e-'));
    const build = (command: string) => {
      const run = spawnSync(
        process.execPath,
        [path.join(root, 'scripts/run.mjs'), command, SAMPLE, '--out', outDir],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
        },
      );
      assert.equal(run.status, 0, `${command}: ${run.stderr}`);
      return run;
    };
    build('build-pdf');
    build('build-slides');
    build('build-email');
    const file = (extension: string) =>
      readFile(path.join(outDir, `2026-01-20-evolving-militant-ecosystem${extension}`));
    const first = await file('.eml');
    const mail = await simpleParser(first);
    const attached = mail.attachments.filter((a) => !a.related);
    assert.deepEqual(
      attached.map((a) => a.contentType),
      ['application/pdf', PPTX_TYPE],
    );
    assert.ok(attached[0]!.content.equals(await file('.pdf')), 'the attached PDF is the built one');
    assert.ok(attached[1]!.content.equals(await file('.pptx')), 'the attached deck is the built one');
    assert.ok(first.length < 10 * 1024 * 1024, `the sample e-mail is ${first.length} bytes`);
    build('build-email');
    assert.ok((await file('.eml')).equals(first), 'a second build:email differs');
  });
});

/** What the browser test reads from the rendered message. */
interface PageReading {
  scrollWidth: number;
  texts: { text: string; colour: string; background: string }[];
  logo: { mat: string; width: number; loaded: boolean } | null;
  card: string;
}

/**
 * Runs in the page: every element's own text with its colour and the
 * background it sits on, the page width, and the logo's backing. A string,
 * because tsx would add its helpers to a function passed to the page.
 */
const READ_PAGE =
  `(() => {
  const rgb = (value) => {
    const [r, g, b, a] = (value.match(/[\\d.]+/g) || []).map(Number);
    return a === 0 || r === undefined ? undefined : '#' + [r, g, b].map((c) ` +
  `=> Math.round(c).toString(16).padStart(2, '0')).join('').toUpperCase();
  };
  const backgroundOf = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const bg = rgb(getComputedStyle(e).backgroundColor);
      if (bg) return bg;
    }
    return '#FFFFFF';
  };
  const texts = [...document.querySelectorAll('body *')]
    .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE ` +
  `&& n.textContent.trim()))
    .map((e) => ({ text: e.textContent.trim().slice(0, 40), colour: rgb(getComputedStyle(e).color) ` +
  `|| '#000000', background: backgroundOf(e) }));
  const logo = document.querySelector('img');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    texts,
    logo: logo && { mat: backgroundOf(logo), width: logo.getBoundingClientRect().width, ` +
  `loaded: logo.naturalWidth > 0 },
    card: backgroundOf(document.querySelector('.bp-card')),
  };
})()`;

describe('the HTML e-mail in mail clients', () => {
  const FIXTURES = [
    SAMPLE,
    INDUS,
    path.join(root, 'test/fixtures/minimal/report.yaml'),
    path.join(root, 'test/fixtures/photos/report.yaml'),
  ];
  let built: Awaited<ReturnType<typeof emailOf>>[];
  before(async () => {
    built = await Promise.all(FIXTURES.map((f) => emailOf(f)));
  });

  it('passes the caniemail lint on every fixture, with only the allow-listed features', () => {
    for (const { loaded, mail } of built) {
      const { problems, reported } = lintEmailHtml(String(mail.html));
      assert.deepEqual(
        problems,
        [],
        `${loaded.report.source}: caniemail reports features the allow-list does not accept`,
      );
      assert.ok(reported.size > 10, 'the lint ran and reported the features it found');
    }
    const used = new Set(built.flatMap(({ mail }) => [...lintEmailHtml(String(mail.html)).reported]));
    assert.deepEqual(
      Object.keys(ACCEPTED).filter((feature) => !used.has(feature)),
      [],
      'every allow-list entry is still needed',
    );
  });

  it(
    'no longer uses the CSS caniemail flagged: height on rules, outline, overflow, ' +
      'max-height, a display:none preheader',
    () => {
      for (const { loaded, mail } of built) {
        const styles = [...String(mail.html).matchAll(/style="([^"]*)"/g)].map((m) => m[1]!).join(';');
        assert.doesNotMatch(styles, /(^|;)\s*(height|max-height|outline|overflow)\s*:/, loaded.report.source);
        assert.doesNotMatch(styles, /display:\s*none/, loaded.report.source);
      }
    },
  );

  it('declares light and dark, and its dark-mode block styles only classes the body uses', () => {
    for (const { loaded, mail } of built) {
      const html = String(mail.html);
      assert.match(html, /<meta name="color-scheme" content="light dark">/);
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      assert.equal(styles.length, 1, 'one style block');
      assert.match(
        styles[0]!.trim(),
        /^:root\{color-scheme:light dark;[^}]*\}\n@media \(prefers-color-scheme: dark\)\{/,
      );
      const styled = new Set([...styles[0]!.matchAll(/\.(bp-[a-z]+)/g)].map((m) => m[1]!));
      const used = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(' ')));
      assert.deepEqual(
        [...used].filter((c) => !styled.has(c)),
        [],
        `${loaded.report.source}: classes without a dark-mode rule`,
      );
      assert.deepEqual(
        [...styled].filter((c) => !used.has(c)),
        [],
        `${loaded.report.source}: dark-mode rules for classes not used`,
      );
    }
  });

  const skipBrowser = browserMissing();
  it(
    'reads well in chromium at 400 and 800 px, light and dark: no sideways scrolling, ' +
      'every text legible, the logo on a light mat',
    { skip: skipBrowser, timeout: 180_000 },
    async () => {
      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage();
        for (const { loaded, bytes } of built.slice(0, 2)) {
          // Parsed again without keepCidLinks: mailparser inlines the cid: logo as a data: URL, as a mail
          // client shows it.
          const mail = await simpleParser(bytes);
          for (const width of [400, 800]) {
            for (const scheme of ['light', 'dark'] as const) {
              const where = `${loaded.report.brand.name} ${width} px ${scheme}`;
              await page.setViewport({ width, height: 900 });
              await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
              await page.setContent(String(mail.html), { waitUntil: 'load' });
              const seen = (await page.evaluate(READ_PAGE)) as PageReading;
              assert.ok(seen.scrollWidth <= width, `${where}: the page is ${seen.scrollWidth} px wide`);
              assert.ok(seen.texts.length > 20, where);
              for (const t of seen.texts) {
                assert.ok(
                  contrastRatio(t.colour, t.background) >= 4.5,
                  `${where}: "${t.text}" is ${t.colour} on ${t.background} ` +
                    `(${contrastRatio(t.colour, t.background).toFixed(2)}:1)`,
                );
              }
              const dark = contrastRatio(seen.card, '#000000') < contrastRatio(seen.card, '#FFFFFF');
              assert.equal(dark, scheme === 'dark', `${where}: the column is ${seen.card}`);
              if (seen.logo) {
                assert.ok(seen.logo.loaded && seen.logo.width === 56, `${where}: the logo shows at 56 px`);
                assert.equal(
                  seen.logo.mat,
                  loaded.report.brand.colors.background,
                  `${where}: the logo keeps its light mat`,
                );
              }
            }
          }
        }
      } finally {
        await close();
      }
    },
  );
});
