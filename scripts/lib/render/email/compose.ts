import { createHash } from 'node:crypto';
import type { Attachment } from './attachments.ts';
import type { EmailLogo } from './logo.ts';
import { listUnsubscribe } from './unsubscribe.ts';

/** Everything the message is made of; the MIME structure itself is nodemailer's. */
export interface MessageParts {
  subject: string;
  /** Absent when neither report nor brand has a contact e-mail: the sender fills it in (or SMTP_FROM on send). */
  from?: { name: string; address: string };
  /** Used for the Message-ID when there is no sender address. */
  domain: string;
  slug: string;
  language: string;
  date: Date;
  /** The brand's https unsubscribe page, if any. */
  unsubscribe?: string;
  html: string;
  text: string;
  logo?: { image: EmailLogo; cid: string };
  attachments: Attachment[];
}

/**
 * Builds the .eml: multipart/mixed around (text | html with the embedded
 * logo) and the attachments. Nothing in it is random, so the same parts make
 * the same bytes: the Message-ID and the MIME boundaries come from a hash of
 * the content, the Date from the build clock.
 */
export async function composeMessage(parts: MessageParts): Promise<Uint8Array> {
  const digest = contentHash(parts);
  const domain = parts.from?.address.split('@')[1] ?? parts.domain;
  // Loaded when a message is composed, not with the module: nodemailer brings node's http and https, which a
  // V8 start-up snapshot (scripts/lib/snapshot) cannot hold.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: parts.from,
    subject: parts.subject,
    date: parts.date,
    messageId: `<${parts.slug}.${digest.slice(0, 16)}@${domain}>`,
    baseBoundary: digest.slice(0, 24),
    newline: 'windows',
    headers: {
      // Outlook opens a message marked unsent as a draft, ready for recipients.
      'X-Unsent': '1',
      'Content-Language': parts.language,
      // The draft's, for a message sent by hand; `npm run send` writes each copy's own (with the recipient).
      ...unsubscribeHeader(parts),
    },
    text: { content: parts.text, contentType: 'text/plain; charset=utf-8' },
    html: { content: parts.html, contentType: 'text/html; charset=utf-8' },
    attachments: [
      ...(parts.logo
        ? [
            {
              filename: 'logo.png',
              content: Buffer.from(parts.logo.image.png),
              contentType: 'image/png',
              cid: parts.logo.cid,
            },
          ]
        : []),
      ...parts.attachments.map((a) => ({
        filename: a.filename,
        content: Buffer.from(a.bytes),
        contentType: a.contentType,
        contentDisposition: 'attachment',
      })),
    ],
    // The content is all in memory; never let a value be read as a path or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return new Uint8Array(await composer.compile().build());
}

function unsubscribeHeader(parts: MessageParts): Record<string, string> {
  const value = listUnsubscribe(parts.from?.address, parts.unsubscribe);
  return value ? { 'List-Unsubscribe': value } : {};
}

function contentHash(parts: MessageParts): string {
  const hash = createHash('sha256');
  const add = (value: string | Uint8Array) => {
    hash.update(String(typeof value === 'string' ? Buffer.byteLength(value) : value.length));
    hash.update(':');
    hash.update(value);
  };
  [
    parts.subject,
    parts.from?.name ?? '',
    parts.from?.address ?? '',
    parts.slug,
    parts.language,
    parts.date.toISOString(),
    parts.unsubscribe ?? '',
    parts.html,
    parts.text,
  ].forEach(add);
  if (parts.logo) add(parts.logo.image.png);
  for (const a of parts.attachments) [a.filename, a.contentType, a.bytes].forEach(add);
  return hash.digest('hex');
}
