/**
 * List-Unsubscribe (RFC 2369) as Gmail's and Yahoo's bulk-sender rules
 * (2024) want it: a mailto: to the sender, and the brand's https address when
 * it has one. Shared by the draft and by every sent copy, which fills in the
 * recipient.
 */

/** `mailto:` to an address, each part percent-encoded so `?`, `&` or `%` in it cannot start a query. */
function mailtoOf(address: string): string {
  const at = address.lastIndexOf('@');
  const [local, domain] = [address.slice(0, at), address.slice(at + 1)].map(encodeURIComponent);
  return `mailto:${local}@${domain}?subject=unsubscribe`;
}

/**
 * The brand's unsubscribe address for one recipient: the address as given,
 * with `email=<recipient>` added to its query, so that a one-click request
 * (RFC 8058) says who wants to leave. Without a recipient (the draft), as given.
 */
export function unsubscribeUrl(page: string, recipient?: string): string {
  if (!recipient) return page;
  const url = new URL(page);
  url.searchParams.set('email', recipient);
  return url.href;
}

/** The header value, e.g. `<mailto:news@example.org?subject=unsubscribe>,
 * <https://example.org/leave?email=a%40b.org>`; undefined with neither. */
export function listUnsubscribe(sender: string | undefined, page: string | undefined): string | undefined {
  const targets = [sender && mailtoOf(sender), page].filter((t): t is string => Boolean(t));
  return targets.length ? targets.map((t) => `<${t}>`).join(', ') : undefined;
}

/** The https address in a List-Unsubscribe value, if any. */
export function unsubscribePageIn(header: string | undefined): string | undefined {
  return header ? /<(https:\/\/[^>]+)>/i.exec(header)?.[1] : undefined;
}

/** RFC 8058: the value of List-Unsubscribe-Post, allowed only beside an https address. */
export const ONE_CLICK = 'List-Unsubscribe=One-Click';
