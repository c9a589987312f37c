import { createHash } from 'node:crypto';
import MimeNode from 'nodemailer/lib/mime-node';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import addressparser from 'nodemailer/lib/addressparser';
import {
  listUnsubscribe,
  ONE_CLICK,
  unsubscribePageIn,
  unsubscribeUrl,
} from '../render/email/unsubscribe.ts';

/** A mailbox: the address and, when known, the name shown with it. */
export interface Mailbox {
  address: string;
  name?: string;
}

/** The built message, split where its headers end, for one copy per recipient. */
export interface BuiltMessage {
  /** The header fields in order: name, value unfolded, and the field as written (folded), kept byte for byte. */
  headers: { name: string; value: string; raw: string }[];
  /** Everything after the blank line that ends the headers, untouched. */
  body: Buffer;
  /** sha256 of the whole .eml, hex. */
  hash: string;
}

/** Header fields a copy replaces: who it is to and from, its identity, when it was sent and how to leave the list. */
const REPLACED = new Set([
  'to',
  'cc',
  'bcc',
  'message-id',
  'x-unsent',
  'date',
  'list-unsubscribe',
  'list-unsubscribe-post',
]);

/** Splits the .eml as built; throws when it has no header block (not a message). */
export function readBuiltMessage(eml: Buffer): BuiltMessage {
  const end = eml.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('not an e-mail message: no blank line ends its headers.');
  const headers: BuiltMessage['headers'] = [];
  // Header bytes are ASCII (nodemailer encodes the rest); latin1 reads and writes them back unchanged.
  for (const line of eml.subarray(0, end).toString('latin1').split('\r\n')) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      last.raw += `\r\n${line}`;
    } else {
      const colon = line.indexOf(':');
      if (colon < 1) throw new Error(`not an e-mail message: "${line.slice(0, 40)}" is not a header field.`);
      headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim(), raw: line });
    }
  }
  return { headers, body: eml.subarray(end + 4), hash: createHash('sha256').update(eml).digest('hex') };
}

/** The value of a header field of the built message, as written (possibly MIME-encoded). */
export function headerOf(message: BuiltMessage, name: string): string | undefined {
  return message.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** The sender written in the message's From field, if any. */
export function senderOf(message: BuiltMessage): Mailbox | undefined {
  const from = headerOf(message, 'From');
  const [first] = from ? addressparser(from, { flatten: true }) : [];
  return first?.address ? { address: first.address, name: first.name || undefined } : undefined;
}

/** One recipient's copy, ready for the SMTP envelope. */
export interface Copy {
  bytes: Buffer;
  messageId: string;
  /** The recipient as the envelope names it: nodemailer's form of the address (an ASCII name before @ gets a
   * punycode domain). */
  envelopeTo: string;
  /** The address keeps non-ASCII letters before the @, so only a server offering SMTPUTF8 can take it. */
  needsSmtpUtf8: boolean;
}

/**
 * The copy one recipient gets: the built message with To set to them alone,
 * no draft mark, a Message-ID of its own, the Date it is sent (the draft
 * keeps the build date, so it stays reproducible), and List-Unsubscribe: a
 * mailto: to the copy's sender, and the brand's page with the recipient
 * filled in plus List-Unsubscribe-Post for one-click (RFC 8058) when the
 * draft names a page. The ID is derived from the message and the address,
 * so a copy sent again after an interrupted run carries the same ID and mail
 * clients can fold the two into one. When the sender is replaced
 * (SMTP_FROM), replies still go to the message's own From.
 *
 * Every field is written by nodemailer's address handling (punycode domains,
 * encoded names, quoted local parts) and the fields are UTF-8: the only
 * non-ASCII left is an internationalised address, which RFC 6532 writes as
 * UTF-8 in the header. Nothing is ever narrowed byte by byte (latin1 turned
 * U+010A "Ċ" into a line feed), and a field that still holds a line break
 * outside its folding stops the copy.
 */
export function copyFor(message: BuiltMessage, to: Mailbox, from: Mailbox | undefined, sentAt: Date): Copy {
  const ownId = headerOf(message, 'Message-ID') ?? '';
  const domain = /@([^>\s]+)>?\s*$/.exec(ownId)?.[1] ?? 'briefpress.invalid';
  const recipientHash = createHash('sha256')
    .update(`${message.hash}\n${to.address.toLowerCase()}`)
    .digest('hex')
    .slice(0, 20);
  const replaced = new Set(REPLACED);
  const messageId = `<${recipientHash}@${domain}>`;
  const mailbox = (key: string, box: Mailbox) =>
    MimeNode.encodeHeaderValue(key, [{ name: box.name ?? '', address: box.address }]);
  const toField = mailbox('To', to);
  const fields: [string, string][] = [
    ['Message-ID', MimeNode.encodeHeaderValue('Message-ID', messageId)],
    ['Date', MimeNode.encodeHeaderValue('Date', sentAt)],
    ['To', toField],
  ];
  const page = unsubscribePageIn(headerOf(message, 'List-Unsubscribe'));
  const unsubscribe = listUnsubscribe(
    (from ?? senderOf(message))?.address,
    page && unsubscribeUrl(page, to.address),
  );
  if (unsubscribe) fields.push(['List-Unsubscribe', unsubscribe]);
  if (page) fields.push(['List-Unsubscribe-Post', ONE_CLICK]);
  if (from) {
    replaced.add('from');
    fields.push(['From', mailbox('From', from)]);
    const original = headerOf(message, 'From');
    if (original && !headerOf(message, 'Reply-To')) fields.push(['Reply-To', original]);
  }
  const written = fields.map(([key, value]) => foldLines(`${key}: ${value}`, 76));
  for (const field of written) {
    // Folding puts CRLF before a space or tab; any other line break would start a header of its own.
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(field.replace(/\r\n(?=[ \t])/g, '')))
      throw new Error(
        `refusing to write a header with a line break or control character: ${JSON.stringify(field)}`,
      );
  }
  const kept = message.headers.filter((h) => !replaced.has(h.name.toLowerCase()));
  const envelopeTo = addressOf(toField) ?? to.address;
  const headers = Buffer.concat([
    Buffer.from(`${written.join('\r\n')}\r\n`, 'utf8'),
    Buffer.from(`${kept.map((h) => h.raw).join('\r\n')}\r\n\r\n`, 'latin1'),
  ]);
  return {
    bytes: Buffer.concat([headers, message.body]),
    messageId,
    envelopeTo,
    needsSmtpUtf8: /[^\x00-\x7f]/.test(envelopeTo),
  };
}

/** A mailbox's address as an SMTP envelope names it, by nodemailer's rules (punycode domain when the name
 * before @ is ASCII). */
export function envelopeAddress(box: Mailbox): string {
  return addressOf(MimeNode.encodeHeaderValue('From', [{ name: '', address: box.address }])) ?? box.address;
}

/** The address in an address field nodemailer wrote. */
function addressOf(field: string): string | undefined {
  return addressparser(field, { flatten: true })[0]?.address || undefined;
}
