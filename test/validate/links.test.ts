/**
 * Issue 15, item 2: only https:, http:, mailto: and tel: links reach any output
 * (PDF, deck, e-mail, web edition); any other target is an error at
 * file:line:column, from `npm run build` and `npm run check` alike, and the out
 * dir is left as it was.
 */
import { test, before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { readPdf } from '../support/pdf.ts';
import { root, runScript } from '../support/run-script.ts';
import { assertUntouched, snapshotDir } from '../support/out-dir.ts';
import { copyProject } from '../support/project-copy.ts';

const GOOD = path.join(root, 'test/fixtures/links/report.yaml');
const BAD = path.join(root, 'test/fixtures/bad/links.yaml');
const SLUG = '2026-03-05-links-that-may-reach-a-reader';
const ALLOWED = [
  'https://example.org/indus?year=2026&part=2',
  'http://archive.example.org/indus',
  'mailto:secretariat@example.org',
  'tel:+92-51-1234567',
  'https://data.example.org/flows',
];
let temp: string;

before(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'briefpress-links-'));
});
after(() => rm(temp, { recursive: true, force: true }));

/** The link targets written into a PDF: every /URI string of its annotations, read from the raw file. */
function pdfUris(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/URI \(((?:[^()\\]|\\.)*)\)/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, '$1'),
  );
}

test(
  'allowed links (https, http, mailto, tel) reach the PDF, the deck, the e-mail ' +
    'and the web edition, and nothing else does',
  async () => {
    const out = path.join(temp, 'good');
    const run = runScript('build', [GOOD, '--out', out]);
    assert.equal(run.status, 0, run.stderr);

    const pdfBytes = await readFile(path.join(out, `${SLUG}.pdf`));
    const inPdf = new Set(pdfUris(pdfBytes));
    for (const href of ALLOWED) assert.ok(inPdf.has(href), `PDF lacks ${href}: ${[...inPdf].join(', ')}`);
    for (const href of inPdf) assert.match(href, /^(https?:\/\/|mailto:|tel:)/, `PDF holds ${href}`);
    const viewed = (await readPdf(path.join(out, `${SLUG}.pdf`))).pages.flatMap((p) => p.links);
    for (const href of ALLOWED)
      assert.ok(viewed.includes(href), `pdf.js sees no link to ${href}: ${viewed.join(', ')}`);

    const deck = unzipSync(new Uint8Array(await readFile(path.join(out, `${SLUG}.pptx`))));
    const external = Object.entries(deck)
      .filter(([name]) => name.endsWith('.rels'))
      .flatMap(([, xml]) =>
        [
          ...strFromU8(xml).matchAll(
            /Target="([^"]*)"[^>]*TargetMode="External"|TargetMode="External"[^>]*Target="([^"]*)"/g,
          ),
        ].map((m) => (m[1] ?? m[2])!.replace(/&amp;/g, '&')),
      );
    for (const href of ALLOWED)
      assert.ok(external.includes(href), `deck lacks ${href}: ${external.join(', ')}`);
    for (const href of external) assert.match(href, /^(https?:\/\/|mailto:|tel:)/, `deck holds ${href}`);

    const mail = await simpleParser(await readFile(path.join(out, `${SLUG}.eml`)));
    const mailHrefs = [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) =>
      m[1]!.replace(/&#38;|&amp;/g, '&'),
    );
    // The e-mail shows the recommendations, not the speakers' points.
    assert.ok(
      mailHrefs.includes('https://data.example.org/flows'),
      `e-mail HTML lacks the recommendation's link: ${mailHrefs.join(', ')}`,
    );
    for (const href of mailHrefs) assert.match(href, /^(https?:\/\/|mailto:|tel:)/, `e-mail holds ${href}`);

    const page = await readFile(path.join(out, SLUG, 'index.html'), 'utf8');
    for (const href of ALLOWED)
      assert.ok(page.includes(`href="${href.replace(/&/g, '&amp;')}"`), `web page lacks href ${href}`);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs)
      assert.match(href, /^(https?:\/\/|mailto:|tel:|#|[\w.-]+\.(css|pdf|pptx)$)/, `web page holds ${href}`);
  },
);

test(
  'javascript:, file:, data:, vbscript:, relative and #anchor targets: build ' +
    'and check exit 1 with each at file:line:column, out dir untouched',
  async () => {
    const out = path.join(temp, 'bad');
    await mkdir(out, { recursive: true });
    // Stand-ins where the outputs would go: a build that got past loading would replace them.
    for (const ext of ['.pdf', '.pptx', '.eml'])
      await writeFile(path.join(out, `2026-01-20-water-sharing-on-the-indus${ext}`), `earlier ${ext}\n`);
    const before = await snapshotDir(out);
    const shown = path.relative(root, BAD);
    const expected = [
      `${shown}:9:36: speakers[0].points[0]: links to \`javascript:\` are not allowed`,
      `${shown}:10:34: speakers[0].points[1]: links to \`file:\` are not allowed`,
      `${shown}:10:69: speakers[0].points[1]: links to \`data:\` are not allowed`,
      `${shown}:10:112: speakers[0].points[1]: the link target \`../annex.pdf\` is not a full address`,
      `${shown}:14:37: recommendations[0].text: the link target \`#minutes\` is not a full address`,
      `${shown}:15:8: recommendations[0].text: links to \`vbscript:\` are not allowed`,
      // A contact website that is another scheme was linked as https://file:///…, a phone without digits as tel:.
      `${shown}:17:12: contact.website: links to \`file:\` are not allowed`,
      `${shown}:18:10: contact.phone: \`call the desk\` has no digits to dial`,
    ];
    for (const command of ['build', 'check']) {
      const run = runScript(command, [BAD, ...(command === 'build' ? ['--out', out] : [])]);
      assert.equal(run.status, 1, `${command}: ${run.stderr}`);
      for (const line of expected)
        assert.ok(run.stderr.includes(line), `${command} stderr lacks «${line}»:\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\n\s+at /, `${command} printed a stack trace`);
    }
    await assertUntouched(out, before);
    assert.deepEqual((await readdir(out)).length, 3);
  },
);

/** A brand with a bad meta.link and the given contact lines; its fonts are the default brand's. */
const brandWithLinks = (contact: string) => `meta:
  name: Bad Links
  link:
    home: javascript:alert(document.domain)
    github: https://github.com/example
color:
  primary: "#112233"
typography:
  fonts:
    - family: Noto Sans
      source: file
      files:
        - { path: ../../fonts/noto/NotoSans-Regular.ttf, weight: 400, style: normal }
        - { path: ../../fonts/noto/NotoSans-Bold.ttf, weight: 700, style: normal }
  base: Noto Sans
defaults:
  briefpress:
    contact:
${contact}`;

test(
  'links in a brand file (meta.link, the contact website, e-mail and phone): build and check exit 1 ' +
    "at the brand file's line and column, out dir untouched",
  async () => {
    const project = await copyProject();
    // The copy's own scripts, so that its templates/brands are the ones read.
    const inCopy = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/run.mjs', ...args], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', BRIEFPRESS_SERVER: 'off' },
      });
    try {
      const brandFile = path.join(project, 'templates/brands/bad-links/_brand.yml');
      await mkdir(path.dirname(brandFile));
      await writeFile(
        brandFile,
        brandWithLinks(
          '      phone: call us\n      email: news@example.org\n      website: ftp://files.example.org/brief\n',
        ),
      );
      // The links fixture has no italics, so the brand needs no italic face.
      const report = (await readFile(GOOD, 'utf8')).replace('event:', 'brand: bad-links\nevent:');
      await writeFile(path.join(project, 'content/bad-brand.yaml'), report);
      const out = path.join(project, 'out');
      await mkdir(out);
      await writeFile(path.join(out, `${SLUG}.pdf`), 'earlier PDF\n');
      const before = await snapshotDir(out);
      const shown = 'templates/brands/bad-links/_brand.yml';
      const expected = [
        `${shown}:4:11: meta.link.home: links to \`javascript:\` are not allowed for a website`,
        `${shown}:19:14: defaults.briefpress.contact.phone: \`call us\` has no digits to dial`,
        `${shown}:21:16: defaults.briefpress.contact.website: links to \`ftp:\` are not allowed`,
      ];
      for (const command of ['build', 'check']) {
        const run = inCopy(
          command,
          'content/bad-brand.yaml',
          ...(command === 'build' ? ['--out', 'out'] : []),
        );
        assert.equal(run.status, 1, `${command}: ${run.stderr}`);
        for (const line of expected)
          assert.ok(run.stderr.includes(line), `${command} stderr lacks «${line}»:\n${run.stderr}`);
        assert.doesNotMatch(run.stderr, /\n\s+at |\bError: /, `${command} printed a stack trace`);
      }
      // An e-mail address that is not one was linked as mailto:javascript:…: the schema refuses it.
      await writeFile(
        brandFile,
        brandWithLinks('      email: "javascript:alert(1)//@x"\n').replace(
          'javascript:alert(document.domain)',
          'https://www.example.org',
        ),
      );
      const run = inCopy('build', 'content/bad-brand.yaml', '--out', 'out');
      assert.equal(run.status, 1, run.stderr);
      assert.ok(
        run.stderr.includes(`${shown}:19:14: defaults.briefpress.contact.email: must be an e-mail address`),
        run.stderr,
      );
      await assertUntouched(out, before);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  },
);
