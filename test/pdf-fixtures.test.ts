import assert from 'node:assert/strict';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadReport } from '../scripts/lib/load-report.ts';
import { contentStreams, readPdf, squash, squashedText } from './support/pdf.ts';
import { root } from './support/run-script.ts';
import { buildPdf } from './support/build-pdf.ts';

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
    assert.deepEqual(discussion?.items.map((i) => i.title.normalize('NFC')), report.speakers.map((s) => s.nameText.normalize('NFC')));
    const images = pdf.bytes.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
    const photos = report.speakers.filter((s) => s.photo).length + report.moderators.filter((m) => m.photo).length;
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
    for (const h of report.highlights) if (h.caption) assert.ok(text.includes(squash(h.caption.map((r) => r.text).join(''))));
  });
});

describe('a report with only the required sections', () => {
  it('leaves absent sections out, renames headings and links Markdown', async () => {
    const { pdf } = await build('minimal');
    assert.deepEqual(pdf.outline.map((o) => o.title), ['Discussion Points', 'Key Recommendations']);
    const text = squashedText(pdf);
    for (const absent of ['Conceptual Framework', 'Executive Summary', 'Conclusion', 'Thanking Remarks', 'Highlights', 'Policy Recommendations']) {
      assert.ok(!text.includes(squash(absent)), `"${absent}" should not appear`);
    }
    assert.ok(text.includes(squash("Read the basin report at the commission's site before the next session.")), 'Markdown syntax left in text');
    assert.ok(pdf.pages.flatMap((p) => p.links).includes('https://example.org/indus'));
  });
});

describe('a character no brand font can draw', () => {
  it('is a warning naming the field and the character', async () => {
    const { run } = await build('glyphs');
    assert.match(run.stderr, /warning: .*report\.yaml: speakers\[0\]\.points\[0\]: no font of brand "default" can draw "漢" \(U\+6F22\)/);
  });
});
