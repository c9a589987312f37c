import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { loadReport } from '../../scripts/lib/load-report.ts';
import { chooseSlug } from '../../scripts/lib/model/slug.ts';
import { dateLocale, formatDate, formatShortDate, formatTimeRange } from '../../scripts/lib/model/when.ts';
import { outWithStandIns, renderEmail } from '../support/email.ts';
import { readPdf, squash, squashedText } from '../support/pdf.ts';
import { buildPdf } from '../support/build-pdf.ts';
import { root } from '../support/run-script.ts';
import { copyProject } from '../support/project-copy.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');

/** A report with the given event and report blocks, written to a fresh folder; returns its path. */
async function reportFile(
  event: Record<string, string>,
  report: Record<string, string> = {},
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-names-'));
  const file = path.join(dir, 'report.yaml');
  const block = (name: string, fields: Record<string, string>) =>
    Object.keys(fields).length
      ? `${name}:\n${Object.entries(fields)
          .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
          .join('\n')}\n`
      : '';
  await writeFile(
    file,
    block('event', { kind: 'Roundtable', date: '2026-01-20', ...event }) +
      block('report', report) +
      'speakers:\n  - name: Amna Qureshi\n    points:\n      - One point.\nrecommendations:\n  - Publish the data.\n',
  );
  return file;
}

// The formatter the brief used before Intl, kept here as the reference for the house style.
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const before = {
  date(iso: string) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
  },
  shortDate(iso: string) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
  },
  timeRange(start: string, end?: string, timezone?: string) {
    const clock = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return {
        text: `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')}`,
        meridiem: h < 12 ? 'am' : 'pm',
      };
    };
    const a = clock(start);
    let range: string;
    if (!end) range = `${a.text} ${a.meridiem}`;
    else {
      const b = clock(end);
      range =
        a.meridiem === b.meridiem
          ? `${a.text} – ${b.text} ${b.meridiem}`
          : `${a.text} ${a.meridiem} – ${b.text} ${b.meridiem}`;
    }
    return timezone ? `${range} ${timezone}` : range;
  },
};

describe('slugs', () => {
  it('transliterates Latin letters, ligatures and other scripts the library knows', () => {
    assert.equal(chooseSlug('2026-01-20', 'Łódź Dialogue').slug, '2026-01-20-lodz-dialogue');
    assert.equal(chooseSlug('2026-01-20', 'Straße & Œuvre: Ærø').slug, '2026-01-20-strasse-and-oeuvre-aero');
    assert.equal(chooseSlug('2026-01-20', 'İstanbul Çalıştayı').slug, '2026-01-20-istanbul-calistayi');
    assert.equal(chooseSlug('2026-01-20', 'Ọ̀yọ́ Dialogue').slug, '2026-01-20-oyo-dialogue');
    assert.equal(chooseSlug('2026-01-20', 'Диалог о воде').slug, '2026-01-20-dialog-o-vode');
    assert.equal(
      chooseSlug('2026-01-20', 'پاکستان میں پانی کا بحران').slug,
      '2026-01-20-pakstan-myn-pany-ka-bhran',
    );
    for (const title of ['Łódź Dialogue', 'Диалог о воде', 'پاکستان میں پانی کا بحران'])
      assert.equal(chooseSlug('2026-01-20', title).warning, undefined, title);
  });

  it('keeps the slugs of English titles as they were: the first six words after the date', () => {
    assert.equal(
      chooseSlug('2026-01-20', 'The Evolving Militant Ecosystem').slug,
      '2026-01-20-the-evolving-militant-ecosystem',
    );
    assert.equal(
      chooseSlug('2026-03-04', 'Water Security in the Indus Basin').slug,
      '2026-03-04-water-security-in-the-indus-basin',
    );
    assert.equal(
      chooseSlug('2026-05-14', 'Rising Seas, Sinking Cities, and the Politics of Retreat').slug,
      '2026-05-14-rising-seas-sinking-cities-and-the',
    );
  });

  it('falls back to the date and a hash of the title, with a warning, for a script it cannot transliterate', () => {
    const a = chooseSlug('2026-01-20', '水の安全保障');
    const b = chooseSlug('2026-01-20', '水と気候');
    assert.match(a.slug, /^2026-01-20-[0-9a-f]{8}$/);
    assert.match(b.slug, /^2026-01-20-[0-9a-f]{8}$/);
    assert.notEqual(a.slug, b.slug, 'two such titles on one date get different names');
    assert.equal(
      chooseSlug('2026-01-20', '水の安全保障').slug,
      a.slug,
      'the same title always gets the same name',
    );
    assert.match(
      a.warning ?? '',
      /cannot be written in Latin letters for a file name \("水の安全保障"\); the outputs are named 2026-01-20-[0-9a-f]{8}.*Set report\.slug/,
    );
    const mixed = chooseSlug('2026-01-20', 'नई दिल्ली Dialogue');
    assert.match(mixed.slug, /^2026-01-20-dialogue-[0-9a-f]{8}$/, 'the words it could write stay');
    assert.match(mixed.warning ?? '', /\("नई", "दिल्ली"\)/);
    assert.match(chooseSlug('2026-01-20', '!!!').warning ?? '', /no letters or digits/);
  });

  it('keeps the sample slug, and warns at the title line when a report falls back', async () => {
    const sample = await loadReport(SAMPLE);
    assert.equal(sample.report.slug, '2026-01-20-evolving-militant-ecosystem');
    assert.deepEqual(sample.warnings, []);
    const file = await reportFile({ title: '水の安全保障' });
    const loaded = await loadReport(file);
    assert.match(loaded.report.slug, /^2026-01-20-[0-9a-f]{8}$/);
    assert.equal(loaded.warnings.length, 1);
    assert.match(
      loaded.warnings[0]!,
      /report\.yaml:4:10: event\.title: the title has letters that cannot be written/,
    );
    const given = await loadReport(await reportFile({ title: '水の安全保障' }, { slug: 'water-security' }));
    assert.equal(given.report.slug, 'water-security');
    assert.deepEqual(given.warnings, [], 'a slug given in the report needs no warning');
  });

  it('npm run check prints the warning and still passes', async () => {
    const file = await reportFile({ title: '水の安全保障' });
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/run.mjs'), 'check', file], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stderr,
      /^warning: .*report\.yaml:4:10: event\.title: the title has letters that cannot be written in Latin letters/m,
    );
  });
});

describe('dates and times through Intl', () => {
  it('writes English exactly as the house style did: every day of 2026 and 2027, and times across the day', () => {
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      assert.equal(formatDate(iso, 'en'), before.date(iso), iso);
      assert.equal(formatShortDate(iso, 'en'), before.shortDate(iso), iso);
    }
    const times = Array.from(
      { length: 48 },
      (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
    );
    for (const [i, start] of times.entries()) {
      assert.equal(
        formatTimeRange(start, undefined, 'PKT', 'en'),
        before.timeRange(start, undefined, 'PKT'),
        start,
      );
      for (const end of times.slice(i + 1))
        assert.equal(
          formatTimeRange(start, end, undefined, 'en-GB'),
          before.timeRange(start, end),
          `${start}–${end}`,
        );
    }
    assert.equal(
      `${formatDate('2026-01-20')} · ${formatTimeRange('17:00', '18:00', 'PKT')}`,
      'Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT',
    );
  });

  it('writes other languages in their own words and order', () => {
    assert.equal(formatDate('2026-01-20', 'de'), 'Dienstag, 20. Januar 2026');
    assert.equal(formatTimeRange('17:00', '18:00', 'PKT', 'de'), '17:00–18:00 Uhr PKT');
    assert.equal(formatShortDate('2026-01-20', 'de'), '20. Jan. 2026');
    assert.equal(formatDate('2026-01-20', 'pl'), 'wtorek, 20 stycznia 2026');
    assert.equal(formatDate('2026-01-20', 'fr'), 'mardi 20 janvier 2026');
    assert.equal(formatDate('2026-01-20', 'ur'), 'منگل، 20 جنوری، 2026');
    for (const text of [
      formatTimeRange('11:30', '18:00', undefined, 'fr')!,
      formatTimeRange('11:30', '18:00', undefined, 'en')!,
    ]) {
      assert.doesNotMatch(text, /[\u2009\u202f]/, 'plain spaces, whatever ICU version formats them');
    }
  });

  it("never takes the machine's locale: an unknown language is written in English", () => {
    assert.equal(dateLocale('xx'), 'en-GB');
    assert.equal(dateLocale('en-US'), 'en-GB');
    assert.equal(formatDate('2026-01-20', 'xx'), 'Tuesday 20 January 2026');
  });

  it('a German report shows its date in German in the e-mail and in the PDF', async () => {
    const file = await reportFile(
      { title: 'Wasser im Indus-Becken', start: '17:00', end: '18:00', timezone: 'PKT' },
      { language: 'de' },
    );
    const loaded = await loadReport(file);
    assert.equal(loaded.report.event.dateText, 'Dienstag, 20. Januar 2026');
    const { outDir } = await outWithStandIns(loaded.report.slug);
    const mail = await simpleParser((await renderEmail(loaded, outDir)).bytes);
    assert.match(String(mail.html), /Dienstag, 20\. Januar 2026 · 17:00–18:00 Uhr PKT/);
    assert.match(mail.text ?? '', /Roundtable · Dienstag, 20\. Januar 2026 · 17:00–18:00 Uhr PKT/);

    const pdfDir = await mkdtemp(path.join(tmpdir(), 'briefpress-names-pdf-'));
    const run = buildPdf(file, pdfDir);
    assert.equal(run.status, 0, run.stderr);
    const [pdfFile] = await readdir(pdfDir);
    assert.equal(pdfFile, '2026-01-20-wasser-im-indus-becken.pdf');
    const text = squashedText(await readPdf(path.join(pdfDir, pdfFile!)));
    assert.ok(text.includes(squash('Dienstag, 20. Januar 2026 17:00–18:00 Uhr PKT')), text);
  });
  it("a brand's default language is the report's when the report gives none: /Lang and the date", async () => {
    const copy = await copyProject();
    const brandFile = path.join(copy, 'templates/brands/default/_brand.yml');
    const brandText = await readFile(brandFile, 'utf8');
    assert.match(brandText, /\n {2}briefpress:\n/);
    await writeFile(brandFile, brandText.replace('\n  briefpress:\n', '\n  briefpress:\n    language: de\n'));
    const file = path.join(copy, 'content/brand-language.yaml');
    await writeFile(file, await readFile(await reportFile({ title: 'Wasser im Indus-Becken' }), 'utf8'));
    const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-names-brand-'));
    const run = spawnSync(
      process.execPath,
      [path.join(copy, 'scripts/run.mjs'), 'build-pdf', file, '--out', outDir],
      {
        cwd: copy,
        encoding: 'utf8',
        env: { ...process.env, BRIEFPRESS_SERVER: 'off', SOURCE_DATE_EPOCH: '1768900000' },
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const pdf = await readPdf(path.join(outDir, '2026-01-20-wasser-im-indus-becken.pdf'));
    assert.equal(pdf.info.Language, 'de');
    assert.ok(squashedText(pdf).includes(squash('Dienstag, 20. Januar 2026')));
  });
});
