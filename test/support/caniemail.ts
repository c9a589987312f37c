import { caniemail } from 'caniemail';

/** A client name or glob as caniemail takes them: `gmail.*`, `outlook.windows`. */
type EmailClientGlobs = Parameters<typeof caniemail>[0]['clients'][number];

/**
 * The mail clients the HTML e-mail is linted for with caniemail's data
 * (caniemail.com): every client of the big providers, and the independent
 * ones whose data is complete. Left out because caniemail has no data for
 * some feature we use and stops (`Feature "lang attribute" not found`):
 * Free.fr, GMX apps, IONOS, SFR, T-Online, Thunderbird for Windows (Thunderbird
 * for Mac, the same engine, is linted).
 */
export const LINTED_CLIENTS: EmailClientGlobs[] = [
  'gmail.*',
  'outlook.*',
  'apple-mail.*',
  'yahoo.*',
  'aol.*',
  'samsung-email.android',
  'protonmail.*',
  'fastmail.desktop-webmail',
  'hey.desktop-webmail',
  'thunderbird.macos',
];

/**
 * What the e-mail uses knowing that caniemail reports it as unsupported in
 * some clients, and why that is acceptable. `none` lists the clients where
 * the feature is not supported at all and we accept it; an unsupported
 * feature in any other client, or a feature not listed here, fails the lint.
 * Features listed are accepted where caniemail calls them partly supported.
 */
export const ACCEPTED: Record<string, { none?: string[]; why: string }> = {
  '<body> element': {
    none: [
      'outlook.macos',
      'yahoo.android',
      'yahoo.ios',
      'aol.android',
      'aol.ios',
      'protonmail.android',
      'protonmail.ios',
      'protonmail.desktop-webmail',
      'fastmail.desktop-webmail',
    ],
    why: 'clients that drop <body> and its style lose nothing: the page colour is repeated on the outer table',
  },
  '<style> element': {
    none: ['gmail.mobile-webmail'],
    why: 'it holds only the dark-mode block; without it the light design shows, which is complete',
  },
  '@media': {
    none: ['gmail.mobile-webmail', 'outlook.windows', 'outlook.windows-mail', 'thunderbird.macos'],
    why: 'the only media query is prefers-color-scheme: dark, an enhancement',
  },
  'color-scheme CSS property': {
    none: ['*'],
    why: 'a hint that the message supports dark mode; clients without it ignore it',
  },
  'color-scheme meta tag': { none: ['*'], why: 'as the CSS property: a hint, ignored where unknown' },
  'border-radius': {
    none: ['outlook.windows', 'outlook.windows-mail'],
    why: 'only the corners of the light mat behind the logo; square corners there',
  },
  'height attribute': {
    none: ['hey.desktop-webmail'],
    why: 'on the logo only; HEY sizes it by its CSS width and its aspect ratio',
  },
  'width attribute': {
    none: ['hey.desktop-webmail'],
    why: 'every width attribute (Outlook for Windows needs them) is repeated in CSS, which HEY reads',
  },
  'lang attribute': {
    none: ['hey.desktop-webmail'],
    why: 'the language for screen readers; also in Content-Language',
  },
  'role attribute': {
    none: ['hey.desktop-webmail', 'outlook.windows-mail'],
    why: 'role="presentation" tells screen readers a table is layout; ignored where unknown, as by sighted readers',
  },
  'text-decoration': {
    none: ['protonmail.ios'],
    why: 'links there lose their underline but stay links in the link colour',
  },
  '<img> element': { why: 'one embedded (cid:) logo with alt text' },
  'align attribute': { why: 'centres the column in Outlook for Windows; CSS margins are not read there' },
  background: { why: 'background-color only, repeated as bgcolor for Outlook' },
  border: { why: 'solid borders for the rules and the attachment box; Outlook for Windows draws them' },
  'border-collapse': { why: 'table spacing; cellpadding and cellspacing are 0 as well' },
  'cellpadding attribute': { why: 'always 0, as the CSS says' },
  'cellspacing attribute': { why: 'always 0, as the CSS says' },
  display: { why: 'display:block on the logo image only, against a gap under it' },
  'font-size': { why: 'px sizes, the form every client reads' },
  'font-weight': { why: 'bold only' },
  'letter-spacing': { why: 'decorative spacing of small capitals labels' },
  'line-height': { why: 'px values, with mso-line-height-rule for Outlook' },
  'mailto: links': { why: 'the contact address; shown as text too' },
  margin: { why: 'paragraph margins in px; spacing only' },
  'max-width': {
    why: 'keeps the column 600 px wide on large screens; the width attribute does so in Outlook',
  },
  padding: { why: 'on table cells, where Outlook for Windows reads it' },
  'text-transform': { why: 'upper-case labels; the text itself is mixed case, as read aloud' },
  'width property': { why: 'repeated by width attributes for Outlook' },
};

/** One thing caniemail reports that the allow-list does not accept. */
export interface LintProblem {
  client: string;
  feature: string;
  support: string;
  line?: number;
}

/** Lints HTML with caniemail for LINTED_CLIENTS; returns what ACCEPTED does not cover, and every feature reported. */
export function lintEmailHtml(html: string): { problems: LintProblem[]; reported: Set<string> } {
  const { issues } = caniemail({ clients: LINTED_CLIENTS, html });
  const problems: LintProblem[] = [];
  const reported = new Set<string>();
  for (const [level, byClient] of [
    ['none', issues.errors],
    ['partial', issues.warnings],
  ] as const) {
    for (const [client, list] of byClient) {
      for (const issue of list) {
        reported.add(issue.title);
        const accepted = ACCEPTED[issue.title];
        const ok =
          accepted &&
          (level === 'partial' || accepted.none?.includes('*') || accepted.none?.includes(client));
        if (!ok)
          problems.push({ client, feature: issue.title, support: level, line: issue.position?.start.line });
      }
    }
  }
  return { problems, reported };
}
