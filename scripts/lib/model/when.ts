/**
 * Event dates and times in the brief's house style:
 * "Tuesday 20 January 2026" and "5:00 – 6:00 pm PKT".
 * Computed from the calendar fields only, never from the machine's clock or locale.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return `${weekday} ${d} ${MONTHS[m - 1]!} ${y}`;
}

/** "20 Jan 2026": for footers where space is short. */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

export function formatTimeRange(start?: string, end?: string, timezone?: string): string | undefined {
  if (!start) return undefined;
  const a = clock(start);
  let range: string;
  if (!end) range = `${a.text} ${a.meridiem}`;
  else {
    const b = clock(end);
    range = a.meridiem === b.meridiem ? `${a.text} – ${b.text} ${b.meridiem}` : `${a.text} ${a.meridiem} – ${b.text} ${b.meridiem}`;
  }
  return timezone ? `${range} ${timezone}` : range;
}

function clock(hhmm: string): { text: string; meridiem: 'am' | 'pm' } {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return { text: `${hour12}:${String(m).padStart(2, '0')}`, meridiem: h < 12 ? 'am' : 'pm' };
}
