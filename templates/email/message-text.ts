import { formatBytes } from '../../scripts/lib/model/bytes.ts';
import { inlineText } from './inline.ts';
import type { Paragraphs } from '../../scripts/lib/model/inline.ts';
import { websiteHref } from '../../scripts/lib/model/links.ts';
import { eventLine, type EmailView } from './view.ts';

/**
 * The plain-text alternative: the same content as the HTML body, in the
 * order a reader meets it there. Paragraphs stay one line each, so every
 * client wraps them to its own width.
 */
export function messageText(view: EmailView): string {
  const { report } = view;
  const { event, brand, contact, headings } = report;
  const blocks: string[] = [];
  blocks.push(`${brand.organisation.full} | ${report.label}`);
  blocks.push(
    [inlineText(event.title), event.subtitle && inlineText(event.subtitle), eventLine(report)]
      .filter(Boolean)
      .join('\n'),
  );
  if (report.url) blocks.push(`${report.labels.email.readOnline}: ${report.url}`);
  if (report.summary) blocks.push(heading(headings.summary), ...paragraphs(report.summary));
  blocks.push(heading(headings.recommendations));
  report.recommendations.forEach((r, i) => {
    const lead = `${i + 1}. `;
    const indent = ' '.repeat(lead.length);
    const texts = paragraphs(r.text);
    const first = r.headline ? inlineText(r.headline) : (texts.shift() ?? '');
    blocks.push([lead + first, ...texts.map((t) => indent + t)].join('\n'));
  });
  if (view.attachments.length) {
    blocks.push(
      heading(report.labels.email.attached),
      view.attachments
        .map((a) => `- ${a.filename}: ${a.description} (${a.format}, ${formatBytes(a.bytes)})`)
        .join('\n'),
    );
  }
  const contactLines = [
    brand.organisation.full,
    contact.address,
    contact.phone && `${report.labels.contact.phone}: ${contact.phone}`,
    contact.email && `${report.labels.contact.email}: ${contact.email}`,
    contact.website && `${report.labels.contact.website}: ${websiteHref(contact.website)}`,
  ].filter(Boolean);
  // "-- " on its own line is the signature separator mail clients recognise.
  blocks.push(`-- \n${contactLines.join('\n')}`);
  return `${blocks.join('\n\n')}\n`;
}

function heading(title: string): string {
  return `${title.toUpperCase()}\n${'-'.repeat(title.length)}`;
}

function paragraphs(text: Paragraphs): string[] {
  return text.map(inlineText);
}
