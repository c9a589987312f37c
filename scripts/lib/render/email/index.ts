import type { LoadedReport } from '../../load-report.ts';
import type { OutputKind, RenderContext, Rendered } from '../output.ts';
import { messageHtml } from '../../../../templates/email/message-html.ts';
import { messageText } from '../../../../templates/email/message-text.ts';
import type { EmailView } from '../../../../templates/email/view.ts';
import { websiteHref } from '../../model/links.ts';
import { readAttachments } from './attachments.ts';
import { budgetOf, checkBudget, maxSizeOption, megabytes } from './budget.ts';
import { composeMessage } from './compose.ts';
import { emailLogo } from './logo.ts';
import { subjectOf } from './subject.ts';

/**
 * The e-mail: OUT/<slug>.eml, a draft carrying the brief and the deck
 * already built beside it, within the brand's size budget.
 */
export const emailOutput: OutputKind = {
  title: 'e-mail',
  extension: '.eml',
  options: [maxSizeOption],
  note:
    'The e-mail attaches OUT/<slug>.pdf and OUT/<slug>.pptx as they are built: ' +
    '`npm run build` makes all three in order;\n' +
    ('build:email alone needs build:pdf and build:slides run first. Open the ' +
      '.eml to send it by hand: Outlook opens it\n') +
    'as a draft; in Thunderbird use Edit as New Message, in Apple Mail Message > Send Again. Or send it to a list,\n' +
    'one message per person: `npm run send -- OUT/<slug>.eml --to recipients.csv` (see npm run send -- --help).',
  render: renderEmail,
};

async function renderEmail({ report }: LoadedReport, context: RenderContext): Promise<Rendered> {
  const attachments = await readAttachments(report, context);
  const logo = report.brand.logo && { image: await emailLogo(report.brand.logo), cid: 'logo@briefpress' };
  const view: EmailView = {
    report,
    subject: subjectOf(report),
    logo: logo && { cid: logo.cid, width: logo.image.width, height: logo.image.height },
    attachments: attachments.map((a) => ({
      filename: a.filename,
      description: a.description,
      format: a.format,
      bytes: a.bytes.length,
    })),
  };
  const email = report.contact.email;
  if (!email)
    context.warn(
      `no contact e-mail for ${report.source} (contact.email in the report or ` +
        `the brand): the e-mail has no sender; set SMTP_FROM when sending.`,
    );
  const html = messageHtml(view);
  const text = messageText(view);
  const bytes = await composeMessage({
    subject: view.subject,
    from: email ? { name: report.brand.organisation.full, address: email } : undefined,
    domain: domainOf(report.contact.website ?? report.brand.website),
    slug: report.slug,
    language: report.language,
    date: context.creationDate,
    unsubscribe: report.brand.email.unsubscribe,
    html,
    text,
    logo,
    attachments,
  });
  const budget = budgetOf(report, context);
  const parts = [
    ...attachments.map((a) => ({ name: a.filename, bytes: a.bytes.length })),
    { name: 'HTML body', bytes: Buffer.byteLength(html) },
    { name: 'text body', bytes: Buffer.byteLength(text) },
    ...(logo ? [{ name: 'logo', bytes: logo.image.png.length }] : []),
  ];
  checkBudget(bytes.length, budget, parts, report, context.options?.['max-size'] !== undefined);
  return {
    bytes,
    summary: `${attachments.length} attachment${attachments.length === 1 ? '' : 's'}, limit ${megabytes(budget)} MB`,
  };
}

/** The domain a Message-ID is made in when the e-mail has no sender address: the website's, else a reserved one. */
function domainOf(website: string | undefined): string {
  try {
    return (website && new URL(websiteHref(website)).hostname) || 'briefpress.invalid';
  } catch {
    return 'briefpress.invalid';
  }
}
