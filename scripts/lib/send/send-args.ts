import { parseCommandLine } from '../cli/args.ts';
import { UsageError } from '../problems.ts';

export interface SendArgs {
  message: string;
  recipients: string;
  dryRun: boolean;
  /** At most this many messages a minute; undefined: as fast as the server takes them. */
  perMinute?: number;
  /** Also send to those who received an earlier build of the message. */
  resendChanged: boolean;
  help: boolean;
}

/** `FILE --to recipients.csv [--dry-run] [--rate N] [--resend-changed]` */
export function parseSendArgs(argv: string[]): SendArgs {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      rate: { type: 'string' },
      'resend-changed': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const help = values.help === true;
  if (help) return { message: '', recipients: '', dryRun: false, resendChanged: false, help };
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? `one message at a time, not ${positionals.length} files`
        : 'name the message to send, e.g. out/<slug>.eml',
    );
  const [message] = positionals as [string];
  if (/\.ya?ml$/i.test(message))
    throw new UsageError(
      `send takes the built message, not the report: run \`npm run build -- ${message}\`, then send out/<slug>.eml`,
    );
  if (!/\.eml$/i.test(message))
    throw new UsageError(`${message} is not an .eml file; build one with \`npm run build:email\``);
  if (!values.to) throw new UsageError('--to recipients.csv is required: who gets the message');
  let perMinute: number | undefined;
  if (values.rate !== undefined) {
    perMinute = Number(values.rate);
    if (!/^\d+(\.\d+)?$/.test(values.rate) || perMinute <= 0)
      throw new UsageError(`--rate: a number of messages a minute above 0, e.g. 30, not "${values.rate}"`);
  }
  return {
    message,
    recipients: values.to,
    dryRun: values['dry-run'] === true,
    perMinute,
    resendChanged: values['resend-changed'] === true,
    help,
  };
}

export const SEND_HELP =
  `Usage: npm run send -- OUT/<slug>.eml --to recipients.csv [--dry-run] [--rate ` +
  `N] [--resend-changed]

Sends the e-mail built by \`npm run build:email\` to everyone in the list, ` +
  `one
message each: every recipient sees only their own address in To.

  FILE              the built message, OUT/<slug>.eml (not the report ` +
  `.yaml)
  --to CSV          the recipients: a header row with an \`email\` column ` +
  `(and
                    optionally \`name\`; other columns are ignored), one ` +
  `person a row
  --dry-run         list who would get what; send nothing, need no server
  --rate N          at most N messages a minute (default: as fast as the ` +
  `server takes them)
  --resend-changed  also send to those who got an earlier build of this ` +
  `message
  -h, --help        show this help

The server comes from the environment only, never from a file:
  SMTP_URL    smtps://user:password@smtp.example.org:465 (TLS), or
              smtp://user:password@smtp.example.org:587 (STARTTLS, required), ` +
  `or
              smtp://127.0.0.1:1025 (a server on this machine may be plain)
  SMTP_FROM   the sender, e.g. "South Asia Times <news@southasiatimes.org>"; ` +
  `default:
              the From of the message (the brand's or report's contact ` +
  `e-mail).
              When set, replies still go to the message's own From.
  DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (PEM) or DKIM_PRIVATE_KEY_FILE
              optional: sign every copy with DKIM (all three, or none)
Credentials and the key are never printed.

Each copy gets its own Date (when it is sent), and List-Unsubscribe: a ` +
  `mailto:
to the sender, and the brand's email.unsubscribe page with ?email=<recipient>
plus List-Unsubscribe-Post (one-click, RFC 8058) when the brand names ` +
  `one.

Every delivery is written to OUT/<slug>.sendlog.jsonl (beside the message) ` +
  `before
the next goes out. Run the same command again after an interruption, or ` +
  `after the
server refused some recipients, and only those not yet served get the ` +
  `message:
nobody gets the same message twice. A rebuilt (changed) message is not ` +
  `sent to
those who got an earlier build unless you pass --resend-changed.

Exit status: 0 all served, 1 some not served (listed at the end) or a ` +
  `bad list, 2 bad usage or no server.
`;
