import type { Recipient } from './recipients.ts';
import type { SendLog } from './send-log.ts';

/** Who gets the message in this run, and who is left out because the log says they are served. */
export interface SendPlan {
  todo: Recipient[];
  /** Sent this very message before. */
  alreadyServed: Recipient[];
  /** Sent an earlier build of it; left out unless --resend-changed. */
  servedEarlier: Recipient[];
}

/** Compares the list with the send log: nobody gets the same message twice, nor a rebuilt one unless asked. */
export function planSend(
  recipients: Recipient[],
  log: SendLog,
  messageHash: string,
  resendChanged: boolean,
): SendPlan {
  const served = log.servedWith(messageHash);
  const earlier = log.servedEarlier(messageHash);
  const plan: SendPlan = { todo: [], alreadyServed: [], servedEarlier: [] };
  for (const recipient of recipients) {
    const key = recipient.address.toLowerCase();
    if (served.has(key)) plan.alreadyServed.push(recipient);
    else if (earlier.has(key) && !resendChanged) plan.servedEarlier.push(recipient);
    else plan.todo.push(recipient);
  }
  return plan;
}

/** "5 recipients: 2 to send, 3 already sent this message (skipped)" */
export function describePlan(plan: SendPlan): string {
  const total = plan.todo.length + plan.alreadyServed.length + plan.servedEarlier.length;
  return (
    `${total} recipient${total === 1 ? '' : 's'}: ${plan.todo.length} to send` +
    (plan.alreadyServed.length ? `, ${plan.alreadyServed.length} already sent this message (skipped)` : '') +
    (plan.servedEarlier.length
      ? `, ${plan.servedEarlier.length} got an earlier build (skipped; --resend-changed sends them this one)`
      : '')
  );
}
