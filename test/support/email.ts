import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { loadReport, type LoadedReport } from '../../scripts/lib/load-report.ts';
import { emailOutput } from '../../scripts/lib/render/email/index.ts';
import { EPOCH } from './build-pdf.ts';

/** A fresh output folder holding stand-ins for the PDF and deck of `slug`, as build:email expects them. */
export async function outWithStandIns(
  slug: string,
  sizes = { pdf: 40_000, pptx: 60_000 },
): Promise<{ outDir: string; pdf: Buffer; pptx: Buffer }> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'briefpress-email-'));
  // Random bytes: nothing in the message may depend on the attachments' content being a real PDF or deck.
  const pdf = randomBytes(sizes.pdf);
  const pptx = randomBytes(sizes.pptx);
  await writeFile(path.join(outDir, `${slug}.pdf`), pdf);
  await writeFile(path.join(outDir, `${slug}.pptx`), pptx);
  return { outDir, pdf, pptx };
}

/** Renders the e-mail of a loaded report into bytes, at the fixed test date, collecting warnings. */
export async function renderEmail(
  loaded: LoadedReport,
  outDir: string,
  options: Record<string, string> = {},
): Promise<{ bytes: Buffer; summary: string; warnings: string[] }> {
  const warnings: string[] = [];
  const result = await emailOutput.render(loaded, {
    creationDate: new Date(Number(EPOCH) * 1000),
    outDir,
    warn: (m) => warnings.push(m),
    options,
  });
  return { bytes: Buffer.from(result.bytes), summary: result.summary, warnings };
}

/** Loads a report and renders its e-mail with stand-in attachments; returns the message read back by mailparser. */
export async function emailOf(file: string): Promise<{
  loaded: LoadedReport;
  bytes: Buffer;
  mail: ParsedMail;
  pdf: Buffer;
  pptx: Buffer;
  outDir: string;
}> {
  const loaded = await loadReport(file);
  const { outDir, pdf, pptx } = await outWithStandIns(loaded.report.slug);
  const { bytes } = await renderEmail(loaded, outDir);
  await writeFile(path.join(outDir, `${loaded.report.slug}.eml`), bytes);
  return { loaded, bytes, mail: await simpleParser(bytes, { keepCidLinks: true }), pdf, pptx, outDir };
}
