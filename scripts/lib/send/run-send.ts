import { readRegularFile, UnreadableFileError } from '../load/read-file.ts';
import addressparser from 'nodemailer/lib/addressparser';
import { UsageError } from '../problems.ts';
import { formatBytes } from '../model/bytes.ts';
import { readBuiltMessage, senderOf, type Mailbox } from './personalise.ts';
import { readRecipients } from './recipients.ts';
import { describePlan, planSend } from './plan.ts';
import { parseSendArgs, SEND_HELP, type SendArgs } from './send-args.ts';
import { SendLog, sendLogPath } from './send-log.ts';
import { smtpConfig, SmtpConfigError, type SmtpConfig } from './smtp-config.ts';
import { dkimConfig, type DkimConfig } from './dkim-config.ts';
import { LockedError, takeLock } from './lock.ts';
import { deliver } from './deliver.ts';
import type { SendContext } from './context.ts';

export type { SendContext } from './context.ts';

/**
 * `npm run send`: checks the list, the message and the server, works out
 * who is still to be served from the send log, then delivers one copy each.
 * Exit 0 when everyone is served, 1 when someone is not (or the list is bad), 2 for bad usage.
 */
export async function runSend(argv: string[], context: SendContext): Promise<number> {
  let args: SendArgs;
  let from: Mailbox | undefined;
  let server: SmtpConfig | undefined;
  let dkim: DkimConfig | undefined;
  try {
    args = parseSendArgs(argv);
    if (args.help) {
      context.print(SEND_HELP.trimEnd());
      return 0;
    }
    from = senderFromEnv(context.env);
    // A dry run needs no server, but shows the one a real run would use when it is set.
    if (!args.dryRun || context.env.SMTP_URL) server = smtpConfig(context.env);
    dkim = dkimConfig(context.env);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof SmtpConfigError)) throw error;
    context.complain(`send: ${error.message}\nRun with --help for usage.`);
    return 2;
  }

  const eml = await readInput(args.message, context);
  const csv = await readInput(args.recipients, context);
  if (eml === undefined || csv === undefined) return 1;
  let message;
  try {
    message = readBuiltMessage(eml);
  } catch (error) {
    context.complain(`${args.message}: ${(error as Error).message} Build it with \`npm run build:email\`.`);
    return 1;
  }
  const list = readRecipients(csv.toString('utf8'), args.recipients);
  list.duplicates.forEach((d) => context.complain(`note: ${d}`));
  if (list.problems.length) {
    list.problems.forEach((p) => context.complain(p));
    context.complain(
      `send: ${list.problems.length} bad row${list.problems.length === 1 ? '' : 's'} ` +
        `in ${args.recipients}; nothing was sent. Fix them and run again.`,
    );
    return 1;
  }
  const sender = from ?? senderOf(message);
  if (!sender) {
    context.complain(
      `send: ${args.message} has no From and SMTP_FROM is not set; set SMTP_FROM="Name ` +
        `<address>" (the sender your server accepts).`,
    );
    return 2;
  }

  // The lock comes before reading the log: a run that read the log while another was still sending would not
  // see its last deliveries.
  const logFile = sendLogPath(args.message);
  let release: (() => Promise<void>) | undefined;
  if (!args.dryRun) {
    try {
      release = await takeLock(`${logFile}.lock`);
    } catch (error) {
      if (!(error instanceof LockedError)) throw error;
      context.complain(`send: ${error.message}`);
      return 1;
    }
  }
  const log = await SendLog.read(logFile, (w) => context.complain(`warning: ${w}`));
  try {
    const plan = planSend(list.recipients, log, message.hash, args.resendChanged);
    context.print(
      `${args.message}: ${formatBytes(eml.length)}, ` +
        `from ${sender.address}${server ? `, via ${server.shown}` : ''}${dkim ? `, DKIM-signed (${dkim.shown})` : ''}`,
    );
    const senderDomain = sender.address.split('@').pop()!.toLowerCase();
    if (dkim && senderDomain !== dkim.domainName && !senderDomain.endsWith(`.${dkim.domainName}`)) {
      context.complain(
        `warning: DKIM_DOMAIN ${dkim.domainName} is not the sender's domain (${senderDomain}); ` +
          `receivers applying DMARC will not count the signature for it.`,
      );
    }
    context.print(describePlan(plan));
    if (args.dryRun) {
      plan.todo.forEach((r) =>
        context.print(`  would send to ${r.address}${r.name ? ` (${r.name})` : ''}, line ${r.line}`),
      );
      context.print('Dry run: nothing was sent.');
      return 0;
    }
    if (!plan.todo.length) {
      context.print('Nothing to send: everyone on the list is served.');
      return 0;
    }
    if (!server) return 2; // unreachable: a real run has read SMTP_URL above
    return await deliver(
      { message, todo: plan.todo, sender, fromOverride: from, server, dkim, log, perMinute: args.perMinute },
      context,
    );
  } finally {
    await log.close();
    await release?.();
  }
}

/** SMTP_FROM, when set: the sender the server accepts for this account. */
function senderFromEnv(env: NodeJS.ProcessEnv): Mailbox | undefined {
  const value = env.SMTP_FROM?.trim();
  if (!value) return undefined;
  const [first, ...rest] = addressparser(value, { flatten: true });
  if (!first?.address || rest.length || !/^[^@\s]+@[^@\s]+$/.test(first.address)) {
    throw new UsageError(
      `SMTP_FROM must be one sender, e.g. "South Asia Times <news@example.org>", not ${JSON.stringify(value)}`,
    );
  }
  return { address: first.address, name: first.name || undefined };
}

/** The message or the list, as a regular file only: a FIFO or a device would block or never end. */
async function readInput(file: string, context: SendContext): Promise<Buffer | undefined> {
  try {
    return await readRegularFile(file, file.endsWith('.eml') ? 'message' : 'recipients list');
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    context.complain(error.code === 'ENOENT' ? `send: ${file} does not exist.` : `send: ${error.message}`);
    return undefined;
  }
}
