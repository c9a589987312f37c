import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpConfig } from './smtp-config.ts';
import type { DkimConfig } from './dkim-config.ts';

/** Sends one ready-made copy to one recipient; resolves with the server's reply. */
export interface Mailer {
  send(from: string, to: string, copy: Buffer): Promise<string>;
  /** Whether the server offers SMTPUTF8 (RFC 6531), which an address with non-ASCII letters before the @
   * needs. Asked once. */
  offersSmtpUtf8(): Promise<boolean>;
  close(): void;
}

/**
 * One pooled SMTP connection (reused between messages, reopened when the
 * server closes it idle), TLS as the config demands and certificates always
 * checked; each copy DKIM-signed by nodemailer when a key is configured.
 */
export function smtpMailer(config: SmtpConfig, dkim?: DkimConfig): Mailer {
  let smtpUtf8: Promise<boolean> | undefined;
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    // The pool would silently send a message again on a new connection when
    // one drops mid-delivery, possibly after the server had taken it: a
    // duplicate the send log cannot see. Fail it instead; the re-run decides.
    // https://github.com/nodemailer/nodemailer/issues/1105
    maxRequeues: 0,
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTLS,
    auth: config.auth,
    tls: { minVersion: 'TLSv1.2' },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    logger: false,
    debug: false,
    ...(dkim && {
      dkim: { domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey: dkim.privateKey },
    }),
  });
  return {
    async send(from, to, copy) {
      const info = await transport.sendMail({ envelope: { from, to: [to] }, raw: copy });
      return info.response;
    },
    offersSmtpUtf8: () =>
      (smtpUtf8 ??= serverExtensions(config).then((extensions) => extensions.includes('SMTPUTF8'))),
    close: () => transport.close(),
  };
}

/**
 * The extensions the server names in its EHLO reply (after STARTTLS where
 * required), read on a connection of their own that logs in to nothing and
 * sends nothing. nodemailer's pool does not tell which extensions its
 * connection saw, and without SMTPUTF8 it would send a UTF-8 address anyway.
 */
async function serverExtensions(config: SmtpConfig): Promise<string[]> {
  const connection = new SMTPConnection({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTLS,
    tls: { minVersion: 'TLSv1.2' },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect((error) => (error ? reject(error) : resolve()));
    });
    // The list is not in nodemailer's public API (only custom auth handlers see it); the send tests
    // against servers with and without SMTPUTF8 catch a nodemailer that renames it.
    const extensions = (connection as unknown as { _supportedExtensions?: unknown })._supportedExtensions;
    return Array.isArray(extensions) ? extensions.map(String) : [];
  } finally {
    connection.quit();
    connection.close();
  }
}

/** What became of a message the server did not take. */
export type Failure =
  /** This recipient (or this copy) was refused; the others may still go. */
  | { kind: 'refused'; reason: string; permanent: boolean }
  /** The run cannot go on: connection lost, login refused, sender refused, server shutting down. */
  | { kind: 'stop'; reason: string };

/**
 * Tells a refusal of one recipient (RCPT TO or the message after DATA) from
 * a failure that would hit every remaining message, which stops the run.
 */
export function classify(error: unknown): Failure {
  if (error instanceof NeedsSmtpUtf8) return { kind: 'refused', reason: error.message, permanent: true };
  const e = error as NodemailerError;
  // The pool words a lost connection as "Reached maximum number of retries…", which misleads when no retry is allowed.
  const message = e.code === 'ECONNECTION' ? 'the connection to the server was lost' : e.message;
  const reason = e.response ?? `${message}${e.code ? ` (${e.code})` : ''}`;
  const perRecipient = e.code === 'EENVELOPE' ? /^RCPT/i.test(e.command ?? '') : e.code === 'EMESSAGE';
  // 421: the server is closing the session; whatever the command, nothing more will go through it.
  if (perRecipient && e.responseCode !== 421)
    return { kind: 'refused', reason, permanent: e.permanent ?? false };
  return { kind: 'stop', reason };
}

/** A copy not sent because its address has non-ASCII letters before the @ and the server does not offer SMTPUTF8. */
export class NeedsSmtpUtf8 extends Error {
  constructor(server: string, what: 'the address' | 'the sender') {
    super(
      `not sent: ${what} has non-ASCII letters before the @, which needs SMTPUTF8 ` +
        `(RFC 6531), and ${server} does not offer it. ` +
        'Ask the recipient for an ASCII address, or send through a server that offers SMTPUTF8.',
    );
  }
}
