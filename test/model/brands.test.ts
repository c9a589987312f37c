/**
 * A light brand (templates/brands/paper: cream primary, ink text) built into
 * every output. Both other brands are white on a dark band, so a layout that
 * hard-codes white, or sets headings in the primary colour, passes with them
 * and fails here.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { loadBrand } from '../../scripts/lib/load-brand.ts';
import { contrastRatio } from '../../scripts/lib/model/colour.ts';
import type { Brand } from '../../scripts/lib/model/types.ts';
import { InputError } from '../../scripts/lib/problems.ts';
import { copyProject } from '../support/project-copy.ts';
import { browserMissing, launchBrowser } from '../support/browser.ts';
import { EPOCH } from '../support/build-pdf.ts';
import { contentStreams } from '../support/pdf.ts';
import { root, runScript } from '../support/run-script.ts';

const SAMPLE = path.join(root, 'content/2026-01-20-evolving-militant-ecosystem.yaml');
const SLUG = '2026-01-20-evolving-militant-ecosystem';

/** The fill colour of every text-showing operator of the PDF's pages, as #RRGGBB (q/Q save and restore it). */
function textColours(pdf: Buffer): Set<string> {
  const colours = new Set<string>();
  for (const stream of contentStreams(pdf)) {
    const saved: string[] = [];
    let fill = '#000000';
    for (const [token, r, g, b] of stream.matchAll(
      /([\d.]+) ([\d.]+) ([\d.]+) (?:scn|rg)\b|^[qQ]$|\bT[Jj]$/gm,
    )) {
      if (token === 'q') saved.push(fill);
      else if (token === 'Q') fill = saved.pop() ?? fill;
      else if (r)
        fill = `#${[r, g!, b!]
          .map((c) =>
            Math.round(Number(c) * 255)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')
          .toUpperCase()}`;
      else colours.add(fill);
    }
  }
  return colours;
}

/** Axe's serious and critical findings for a page. */
async function seriousViolations(
  file: string,
  width: number,
  session: Awaited<ReturnType<typeof launchBrowser>>,
) {
  const page = await session.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const result = await (window as unknown as { axe: { run(): Promise<Result> } }).axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  await page.close();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('a light brand (paper: cream primary, ink text)', () => {
  let out: string;
  let brand: Brand;

  before(async () => {
    brand = await loadBrand('paper');
    const dir = await mkdtemp(path.join(tmpdir(), 'briefpress-paper-'));
    const file = path.join(dir, 'report.yaml');
    const sample = await readFile(SAMPLE, 'utf8');
    assert.match(sample, /^brand: south-asia-times$/m);
    await writeFile(file, sample.replace(/^brand: south-asia-times$/m, 'brand: paper'));
    out = path.join(dir, 'out');
    const run = runScript('build', [file, '--out', out], root, { SOURCE_DATE_EPOCH: EPOCH });
    assert.equal(run.status, 0, run.stderr);
  });

  it('derives readable roles: headings and text on the primary band in ink, not in cream or white', () => {
    assert.ok(
      contrastRatio(brand.colors.primary, brand.colors.background) < 1.5,
      'the primary is light: the case under test',
    );
    for (const [role, on] of [
      ['heading', 'background'],
      ['onPrimary', 'primary'],
      ['onPrimaryMuted', 'primary'],
      ['onAccent', 'accent'],
    ] as const) {
      const ratio = contrastRatio(brand.colors[role], brand.colors[on]);
      assert.ok(
        ratio >= 4.5,
        `${role} ${brand.colors[role]} on ${on} ${brand.colors[on]}: ${ratio.toFixed(2)}:1`,
      );
    }
    assert.equal(brand.fonts.headingWeight, 400, 'typography.headings.weight: normal');
  });

  it('PDF: no text is drawn in white, and every text colour is one of the brand roles', async () => {
    const colours = textColours(await readFile(path.join(out, `${SLUG}.pdf`)));
    const { text, heading, muted, accent, onPrimary, onPrimaryMuted, onAccent } = brand.colors;
    const roles = new Set([text, heading, muted, accent, onPrimary, onPrimaryMuted, onAccent]);
    assert.ok(colours.size > 2, [...colours].join(' '));
    assert.ok(!colours.has('#FFFFFF'), `white text: ${[...colours].join(' ')}`);
    for (const colour of colours)
      assert.ok(roles.has(colour), `${colour} is not a colour role of the brand (${[...roles].join(' ')})`);
  });

  describe('in chromium', { skip: browserMissing() }, () => {
    let session: Awaited<ReturnType<typeof launchBrowser>>;
    before(async () => {
      session = await launchBrowser();
    });
    after(async () => {
      await session?.close();
    });

    it(
      'web edition: axe finds no serious or critical violation (colour contrast ' +
        'included) at 390 and 1280 px',
      async () => {
        for (const width of [390, 1280])
          assert.deepEqual(
            await seriousViolations(path.join(out, SLUG, 'index.html'), width, session),
            [],
            `at ${width} px`,
          );
      },
    );

    it('e-mail: axe finds no serious or critical violation in its HTML part', async () => {
      const mail = await simpleParser(await readFile(path.join(out, `${SLUG}.eml`)));
      const file = path.join(out, 'email.html');
      await writeFile(file, String(mail.html));
      assert.deepEqual(await seriousViolations(file, 800, session), []);
    });
  });
});

describe('brand typography: every key is used or refused', () => {
  async function brandProblem(typography: string): Promise<string> {
    // In a copy of the project, so the brand's font paths resolve inside a project as they must.
    const brands = path.join(await copyProject(), 'templates/brands');
    const paper = await readFile(path.join(brands, 'paper/_brand.yml'), 'utf8');
    await mkdir(path.join(brands, 'x'));
    await writeFile(
      path.join(brands, 'x/_brand.yml'),
      paper.replace(/^typography:[\s\S]*?(?=^defaults:)/m, `${typography}\n`),
    );
    try {
      await loadBrand('x', brands);
    } catch (error) {
      return error instanceof InputError ? error.message : String(error);
    }
    return '';
  }

  const fonts = (files: string) =>
    `typography:\n  fonts:\n    - family: Noto Serif\n      source: file\n      files:\n${files}`;
  const regular = '        - { path: ../../fonts/noto/NotoSerif-Regular.ttf, weight: 400, style: normal }\n';
  const bold = '        - { path: ../../fonts/noto/NotoSerif-Bold.ttf, weight: 700, style: normal }\n';

  it('refuses a size or line height, which each output sets from its own scale', async () => {
    const message = await brandProblem(
      `${fonts(regular + bold)}  base:\n    family: Noto Serif\n    size: 16px\n`,
    );
    assert.match(
      message,
      /_brand\.yml:\d+:\d+: typography\.base\.size: briefpress sets type sizes and line heights per output/,
    );
  });

  it('refuses a heading weight the heading family has no face for', async () => {
    const message = await brandProblem(
      `${fonts(regular)}  base: Noto Serif\n  headings:\n    family: Noto Serif\n    weight: bold\n`,
    );
    assert.match(
      message,
      /_brand\.yml:\d+:\d+: typography\.headings\.weight: `Noto Serif` has no bold \(700\) face/,
    );
  });
});
