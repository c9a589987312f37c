/**
 * Which link targets may reach an output. A report's links end up as PDF URI
 * actions, PPTX hyperlinks, e-mail and web `href`s, all clicked by people who
 * trust the sender: only web addresses, e-mail addresses and phone numbers.
 * `javascript:`, `file:`, `data:`, relative paths (`../x.pdf`) and anything
 * else are refused at load time (validate/links.ts), so renderers never see them.
 */
export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

/** What is wrong with a link target, in the words of someone editing a report; undefined when it may be used. */
export function linkProblem(href: string): string | undefined {
  const how = 'Link to a full address (https://…), an e-mail address (mailto:…) or a phone number (tel:…).';
  // Control characters and spaces would be dropped or mangled differently by each reader: never ambiguous.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href))
    return `the link target \`${shown(href)}\` holds a space or control character. Write %20 for a space. ${how}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (!scheme)
    return (
      `the link target \`${shown(href)}\` is not a full address; a relative path ` +
      `or #anchor means nothing in a PDF, a deck or an e-mail. ${how}`
    );
  if (!(LINK_SCHEMES as readonly string[]).includes(`${scheme}:`)) {
    return (
      `links to \`${scheme}:\` are not allowed (only https:, http:, mailto: and ` +
      `tel:): a reader's viewer could run or open it. ${how}`
    );
  }
  if (!URL.canParse(href)) return `the link target \`${shown(href)}\` is not a valid address. ${how}`;
  const url = new URL(href);
  if ((scheme === 'https' || scheme === 'http') && (!url.hostname || !/^[a-z]+:\/\//i.test(href))) {
    return `the link target \`${shown(href)}\` has no host name. Write it as ${scheme}://www.example.org/….`;
  }
  if ((scheme === 'mailto' || scheme === 'tel') && !url.pathname)
    return `the link target \`${shown(href)}\` names no ${scheme === 'tel' ? 'number' : 'address'}. ${how}`;
  return undefined;
}

/** True when `href` may be written into an output. */
export function isAllowedLink(href: string): boolean {
  return linkProblem(href) === undefined;
}

function shown(href: string): string {
  const visible = href.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible;
}

/** "www.example.org" → "https://www.example.org": a contact website may be written without its scheme. */
export function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

/**
 * What is wrong with a website (`www.example.org` or `https://…`), as every
 * output links it (websiteHref): only a web address, never another scheme
 * dressed up as one (`file:///etc/passwd` became `https://file:///etc/passwd`).
 */
export function websiteProblem(website: string): string | undefined {
  const how = 'Write a web address such as www.example.org or https://www.example.org/.';
  // A scheme, not a host and port (www.example.org:8080).
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(website)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'https' && scheme !== 'http') {
    return `links to \`${scheme}:\` are not allowed for a website, which is linked as an https:// address. ${how}`;
  }
  const href = websiteHref(website);
  const problem = linkProblem(href);
  if (problem) return problem;
  const host = new URL(href).hostname;
  if (!/^https?:\/\/[^/?#]/i.test(href) || (!host.includes('.') && host !== 'localhost')) {
    return `\`${shown(website)}\` is not a web address. ${how}`;
  }
  return undefined;
}

/** What is wrong with a contact phone number, linked as `tel:` with its digits: it must have some. */
export function phoneProblem(phone: string): string | undefined {
  if (/\d/.test(phone)) return undefined;
  return `\`${shown(phone)}\` has no digits to dial; it is linked as tel:…. Write the number, e.g. +92 51 1234567.`;
}

/** The contact channels whose link may not reach an output: a website that is not one, a phone without digits. */
export function contactProblems(contact: {
  phone?: string;
  website?: string;
}): { key: 'phone' | 'website'; message: string }[] {
  const found: { key: 'phone' | 'website'; message: string }[] = [];
  const phone = contact.phone && phoneProblem(contact.phone);
  if (phone) found.push({ key: 'phone', message: phone });
  const website = contact.website && websiteProblem(contact.website);
  if (website) found.push({ key: 'website', message: website });
  return found;
}
