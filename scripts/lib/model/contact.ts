import { websiteHref } from './links.ts';
import type { Labels } from './labels.ts';
import type { Contact } from './types.ts';

/** One way to reach the organisation, as every output lists it: a label, the text shown and the link, if any. */
export interface ContactChannel {
  kind: keyof Contact;
  label: string;
  text: string;
  href?: string;
}

/**
 * The contact block's channels, in the brief's order (phone, e-mail, web, address); absent ones left out.
 * `labels`: the report's (`report.labels.contact`), so they are in its language.
 */
export function contactChannels(contact: Contact, labels: Labels['contact']): ContactChannel[] {
  const channels: ContactChannel[] = [];
  if (contact.phone)
    channels.push({
      kind: 'phone',
      label: labels.phone,
      text: contact.phone,
      href: `tel:${contact.phone.replace(/[^\d+]/g, '')}`,
    });
  if (contact.email)
    channels.push({
      kind: 'email',
      label: labels.email,
      text: contact.email,
      href: `mailto:${contact.email}`,
    });
  if (contact.website)
    channels.push({
      kind: 'website',
      label: labels.website,
      text: contact.website,
      href: websiteHref(contact.website),
    });
  if (contact.address) channels.push({ kind: 'address', label: labels.address, text: contact.address });
  return channels;
}
