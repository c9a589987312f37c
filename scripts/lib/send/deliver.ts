import { copyFor, envelopeAddress, type BuiltMessage, type Mailbox } from './personalise.ts';
import type { Recipient } from './recipients.ts';
import type { SendLog } from './send-log.ts';
import type { SmtpConfig } from './smtp-config.ts';
import type { DkimConfig } from './dkim-config.ts';
import { classify, NeedsSmtpUtf8, smtpMailer } from './transport.ts';
import { rateLimiter } from './rate.ts';
import type { SendContext } from './context.ts';

/** One run's work: the message, who is still to get it, and how. */
export interface Delivery {
  message: BuiltMessage;
  todo: Recipient[];
  /** The envelope sender. */
  sender: Mailbox;
  /** SMTP_FROM, which replaces the message's From; undefined keeps it. */
  fromOverride?: Mailbox;
  server: SmtpConfig;
  /** Sign every copy with this key; undefined: unsigned. */
  dkim?: DkimConfig;
  log: SendLog;
  perMinute?: number;
}

/**
 * Sends one copy per recipient, in list order, logging each outcome to disk
 * before the next. A refused recipient is listed and the run goes on; a lost
 * connection, a refused login or Ctrl-C stops it, and a re-run picks up from there.
 * Returns the exit status: 0 when every copy was accepted.
 */
export async function deliver(run: Delivery, context: SendContext): Promise<number> {
  const mailer = smtpMailer(run.server, run.dkim);
  const envelopeFrom = envelopeAddress(run.sender);
  const senderNeedsSmtpUtf8 = /[^\x00-\x7f]/.test(envelopeFrom);
  const wait = rateLimiter(run.perMinute, context.signal);
  const refused: { recipient: Recipient; reason: string; permanent: boolean }[] = [];
  const total = run.todo.length;
  const width = String(total).length;
  let sent = 0;
  let stopped: string | undefined;
  try {
    for (const [i, recipient] of run.todo.entries()) {
      if (context.signal?.aborted) {
        stopped = 'interrupted';
        break;
      }
      try {
        await wait();
      } catch {
        stopped = 'interrupted';
        break;
      }
      const progress = `[${String(i + 1).padStart(width)}/${total}]`;
      const {
        bytes: copy,
        messageId,
        envelopeTo,
        needsSmtpUtf8,
      } = copyFor(run.message, recipient, run.fromOverride, new Date());
      const time = () => new Date().toISOString();
      try {
        if ((needsSmtpUtf8 || senderNeedsSmtpUtf8) && !(await mailer.offersSmtpUtf8()))
          throw new NeedsSmtpUtf8(run.server.shown, needsSmtpUtf8 ? 'the address' : 'the sender');
        const response = await mailer.send(envelopeFrom, envelopeTo, copy);
        await run.log.append({
          time: time(),
          message: run.message.hash,
          to: recipient.address.toLowerCase(),
          result: 'sent',
          response,
          messageId,
        });
        sent++;
        context.print(`${progress} sent     ${recipient.address}  ${response}`);
      } catch (error) {
        const failure = classify(error);
        if (failure.kind === 'stop') {
          stopped = failure.reason;
          context.print(`${progress} not sent ${recipient.address}  ${failure.reason}`);
          break;
        }
        await run.log.append({
          time: time(),
          message: run.message.hash,
          to: recipient.address.toLowerCase(),
          result: 'refused',
          response: failure.reason,
          messageId,
        });
        refused.push({ recipient, reason: failure.reason, permanent: failure.permanent });
        context.print(`${progress} refused  ${recipient.address}  ${failure.reason}`);
      }
    }
  } finally {
    mailer.close();
  }

  const notReached = total - sent - refused.length;
  context.print(`Sent ${sent} of ${total}.`);
  if (refused.length) {
    context.complain(`The server refused ${refused.length}:`);
    refused.forEach(({ recipient, reason }) =>
      context.complain(`  ${recipient.address} (line ${recipient.line}): ${reason}`),
    );
  }
  if (stopped) context.complain(`Stopped: ${stopped}. ${notReached} not sent yet.`);
  if (refused.some((r) => r.permanent))
    context.complain('A refusal with a 5xx code is for good: correct or remove those addresses in the list.');
  if (refused.length || stopped)
    context.complain(
      'Run the same command again to send to those not yet served; nobody gets the message twice.',
    );
  return refused.length || stopped ? 1 : 0;
}
