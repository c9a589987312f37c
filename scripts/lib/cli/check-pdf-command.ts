import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkPdf } from '../verify/pdf-checks.ts';
import { parseCommandLine } from './args.ts';

/**
 * `npm run check:pdf -- FILE.pdf…`: reads built briefs back with pdf.js and
 * qpdf and lists every machine-checkable PDF/UA-1 failure and PDF structure
 * problem (outline, metadata, version), or "0 failures" with the structure
 * element counts. Exit 0 all pass, 1 a file fails or cannot be read, 2 bad usage.
 */
export async function runCheckPdf(argv: string[]): Promise<number> {
  let files: string[];
  try {
    const { values, positionals } = parseCommandLine({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    files = positionals;
  } catch (error) {
    process.stderr.write(
      `check:pdf: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.\n`,
    );
    return 2;
  }
  if (files.length === 0) {
    files = (await readdir('out').catch(() => [] as string[]))
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => path.join('out', f));
    if (files.length === 0) {
      process.stderr.write('check:pdf: no PDFs in out/. Build them first: npm run build:pdf\n');
      return 1;
    }
  }
  let failed = 0;
  let notesShown = false;
  for (const file of files) {
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) {
      process.stderr.write(`${file}: not found (give the path of a built PDF, e.g. out/<slug>.pdf)\n`);
      failed++;
      continue;
    }
    let result;
    try {
      result = await checkPdf(file);
    } catch (error) {
      process.stderr.write(
        `${file}: cannot be read as a PDF: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      failed++;
      continue;
    }
    const { findings, counts, skipped } = result;
    if (!notesShown) for (const note of skipped) process.stderr.write(`check:pdf: ${note}\n`);
    notesShown = true;
    const summary = counts.length
      ? `; structure: ${counts.map(([role, n]) => `${role} ${n}`).join(', ')}`
      : '';
    if (findings.length === 0) {
      process.stdout.write(`ok  ${file}: 0 failures${summary}\n`);
      continue;
    }
    failed++;
    process.stdout.write(
      `${file}: ${findings.length} failure${findings.length === 1 ? '' : 's'}${summary}\n`,
    );
    for (const f of findings)
      process.stdout.write(`  ${f.page ? `page ${f.page}: ` : ''}${f.message} [${f.rule}]\n`);
  }
  return failed ? 1 : 0;
}

const HELP = `Usage: npm run check:pdf -- [FILE.pdf…]

Reads each PDF back with pdf.js and qpdf (not with briefpress's own writer)
and lists what fails, with the clause of PDF/UA-1 (ISO 14289-1, Matterhorn
checkpoint where there is one) or ISO 32000-1 it fails:

  - structure tree present, document marked as tagged, every text, image and
    path either tagged content or an artifact; standard structure types
  - headings start at H1 and skip no level; figures have alternate text
  - document language, XMP metadata with dc:title and the PDF/UA identifier,
    viewers told to show the title; info dictionary and XMP agree (/ModDate)
  - links inside Link elements, described by /Contents, tab order /S
  - fonts embedded, each with a ToUnicode map
  - qpdf --check; outline /Count; each outline entry an XYZ destination at
    its heading on the page the heading is on; a PDF version covering the
    features used

What needs a person is not checked: reading order as heard, whether alternate
text is a good description, colour contrast. Without qpdf only the
content-marking check runs.

  FILE.pdf…    PDFs to check (default: every out/*.pdf)
  -h, --help   show this help

Exit status: 0 no failures, 1 a file fails or cannot be read, 2 bad usage.
`;
