/**
 * Event dates and times in the report's language, through Intl.DateTimeFormat
 * (CLDR's names and patterns), e.g. "Dienstag, 20. Januar 2026" and
 * "17:00–18:00 Uhr" for `de`. English keeps the brief's house style in every
 * region: "Tuesday 20 January 2026" and "5:00 – 6:00 pm PKT" (day before
 * month, no commas, 12-hour clock with lower-case am/pm).
 *
 * Computed from the calendar fields only (formatted in UTC), never from the
 * machine's clock, time zone or locale: a language Intl does not know falls
 * back to English rather than to whatever the machine is set to.
 */

/** English, as the brief's house style writes it. */
const HOUSE_ENGLISH = 'en-GB';

/** The locale Intl formats `language` in: the tag itself when Intl knows it, else English. */
export function dateLocale(language: string): string {
  if (isEnglish(language)) return HOUSE_ENGLISH;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language])[0] ?? HOUSE_ENGLISH;
  } catch {
    // A tag Intl rejects outright (the schema allows some it does not, e.g. a 9-letter subtag).
    return HOUSE_ENGLISH;
  }
}

function isEnglish(language: string): boolean {
  return /^en(-|$)/i.test(language);
}

/** A calendar date at midnight UTC, so the day never shifts with the machine's time zone. */
function calendarDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A wall-clock time "HH:MM" on a fixed day, in UTC, for formatting the time alone. */
function clockTime(hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2000, 0, 1, h, m));
}

/**
 * ICU puts a thin space (U+2009) around the range dash and a narrow no-break
 * space (U+202F) before am/pm, and which of them it uses changes between ICU
 * versions (Node 20 and 22 differ). Plain spaces keep the output the same on
 * every Node and drawable by every brand and Office font.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f]/g, ' ');
}

/** Joins parts with one space for each literal: "Tuesday, 20 January 2026" → "Tuesday 20 January 2026". */
function houseJoin(parts: Intl.DateTimeFormatPart[]): string {
  return parts
    .map((p) => (p.type === 'literal' ? ' ' : p.value))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
}

/** "Tuesday 20 January 2026"; `de`: "Dienstag, 20. Januar 2026". */
export function formatDate(iso: string, language = 'en'): string {
  const locale = dateLocale(language);
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const date = calendarDate(iso);
  return plainSpaces(locale === HOUSE_ENGLISH ? houseJoin(format.formatToParts(date)) : format.format(date));
}

/** "20 Jan 2026", for footers where space is short; `de`: "20. Jan. 2026". */
export function formatShortDate(iso: string, language = 'en'): string {
  const locale = dateLocale(language);
  const date = calendarDate(iso);
  if (locale !== HOUSE_ENGLISH) {
    return plainSpaces(
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date),
    );
  }
  // The house style abbreviates every month to three letters; British CLDR writes "Sept", American "Sep".
  const month = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(date);
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(date);
  return houseJoin(parts.map((p) => (p.type === 'month' ? { ...p, value: month } : p)));
}

/**
 * "5:00 – 6:00 pm PKT", "11:30 am – 1:00 pm", "5:00 pm" without an end;
 * `de`: "17:00–18:00 Uhr PKT". The time zone is the report's own label, kept as written.
 */
export function formatTimeRange(
  start?: string,
  end?: string,
  timezone?: string,
  language = 'en',
): string | undefined {
  if (!start) return undefined;
  const locale = dateLocale(language);
  // English: a 12-hour clock that says 12:00 am for midnight (en-GB's own 12-hour cycle would say 0:00 am).
  const clock: Intl.DateTimeFormatOptions = locale === HOUSE_ENGLISH ? { hourCycle: 'h12' } : {};
  const format = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    ...clock,
  });
  const range = plainSpaces(
    end ? format.formatRange(clockTime(start), clockTime(end)) : format.format(clockTime(start)),
  );
  return timezone ? `${range} ${timezone}` : range;
}
