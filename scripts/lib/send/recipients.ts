import { parse } from 'csv-parse/sync';

/** One person to send the message to, as read from the recipients list. */
export interface Recipient {
  address: string;
  name?: string;
  /** Line in the CSV, for messages. */
  line: number;
}

/** What reading the list found: who to send to, what is wrong, and which rows repeat an earlier one. */
export interface RecipientList {
  recipients: Recipient[];
  /** Rows that stop the send: "recipients.csv:7: …". */
  problems: string[];
  /** Rows dropped because the address is already listed: "recipients.csv:9: … (first on line 3)". */
  duplicates: string[];
}

const ADDRESS_HEADERS = new Set(['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'address']);
const NAME_HEADERS = new Set(['name', 'full name', 'recipient']);

/**
 * Reads a recipients CSV: a header row naming an `email` column (and
 * optionally `name`; other columns are ignored), then one person per row.
 * Every bad address is reported with its line; a repeated address is sent once.
 */
export function readRecipients(csv: string, shown: string): RecipientList {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each row comes as { record, info }; csv-parse's types do not follow that option.
    rows = parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      recipients: [],
      problems: [`${shown}:${line ?? 1}: not readable as CSV: ${(error as Error).message}`],
      duplicates: [],
    };
  }
  const [header, ...people] = rows;
  const columns =
    header?.record.map((h) =>
      h
        .toLowerCase()
        .replace(/[_\s]+/g, ' ')
        .trim(),
    ) ?? [];
  const addressColumn = columns.findIndex((c) => ADDRESS_HEADERS.has(c));
  const nameColumn = columns.findIndex((c) => NAME_HEADERS.has(c));
  if (addressColumn < 0) {
    const found = header ? `found: ${header.record.join(', ')}` : 'the file is empty';
    return {
      recipients: [],
      problems: [
        `${shown}:1: the first row must name the columns, one of them \`email\` ` +
          `(${found}). For example:\n  email,name\n  amina@example.org,Amina Rauf`,
      ],
      duplicates: [],
    };
  }

  const recipients: Recipient[] = [];
  const problems: string[] = [];
  const duplicates: string[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, info } of people) {
    // csv-parse counts lines to the end of the row; a quoted value with line breaks started that many lines before.
    const line =
      info.lines - record.reduce((breaks, value) => breaks + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const address = record[addressColumn] ?? '';
    const name = nameColumn >= 0 ? record[nameColumn] || undefined : undefined;
    const problem = addressProblem(address) ?? (name === undefined ? undefined : nameProblem(name));
    if (problem) {
      problems.push(`${shown}:${line}: ${problem}`);
      continue;
    }
    const key = address.toLowerCase();
    const first = firstLine.get(key);
    if (first !== undefined) {
      duplicates.push(`${shown}:${line}: ${address} is already on line ${first}; it gets one message.`);
      continue;
    }
    firstLine.set(key, line);
    recipients.push({ address, name, line });
  }
  return { recipients, problems, duplicates };
}

/**
 * What is wrong with an address, or undefined when it will do. A
 * deliberately plain check (RFC 5321 sizes, one @, a dotted domain, nothing a
 * mail header would misread); the server has the last word on whether it exists.
 */
export function addressProblem(address: string): string | undefined {
  if (!address) return 'no e-mail address in this row.';
  const shown = JSON.stringify(address);
  const hidden = hiddenCharacter(address);
  if (hidden)
    return `${quoted(address)} holds ${hidden}. Write the address as plain visible text on one line.`;
  if (/[\s<>()[\]\\,;:"]/.test(address))
    return (
      `${shown} is not an e-mail address (it holds a space or one of < > ( ) ` +
      `[ ] , ; : "); write the bare address, e.g. amina@example.org.`
    );
  const at = address.lastIndexOf('@');
  if (at < 1 || address.indexOf('@') !== at)
    return `${shown} is not an e-mail address: it needs exactly one @ with a name before it.`;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || address.length > 254) return `${shown} is too long for an e-mail address.`;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return `${shown} is not an e-mail address: dots must sit between letters.`;
  const labels = domain.split('.');
  if (
    labels.length < 2 ||
    labels.some((l) => !/^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l))
  ) {
    return `${shown} is not an e-mail address: the part after @ must be a domain like example.org.`;
  }
  return undefined;
}

/** What is wrong with a display name, or undefined: nodemailer encodes any text, but a line break or control
 * character is never a name. */
export function nameProblem(name: string): string | undefined {
  // Zero-width (non-)joiners are part of how Persian, Urdu and Indic names are spelt.
  const hidden = hiddenCharacter(name.replace(/[\u200c\u200d]/g, ''));
  return hidden
    ? `the name ${quoted(name)} holds ${hidden}. Write the name as plain visible text on one line.`
    : undefined;
}

/**
 * A character that could end a header line or hide in one, in any form:
 * control characters (C0 with CR and LF, DEL, C1 with NEL), Unicode line and
 * paragraph separators, invisible format characters (zero-width, bidi
 * controls), and the same written percent-encoded (%0A) or as a MIME encoded
 * word (=?utf-8?Q?=0D=0A?=), which some software decodes before it writes a header.
 */
function hiddenCharacter(text: string): string | undefined {
  const raw = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.exec(text)?.[0];
  if (raw)
    return `a control or invisible character (U+${raw.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  const percent = /%(?:[01][0-9a-f]|7f)/i.exec(text)?.[0];
  if (percent) return `a percent-encoded control character (${percent})`;
  if (/=\?[^?\s]*\?[bq]\?/i.test(text))
    return 'a MIME encoded word (=?…?=), which is encoded when sent and must not be written encoded';
  return undefined;
}

/** Text in quotes with every control or invisible character written as \uXXXX, so a message shows what is
 * there and never breaks a line itself. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
