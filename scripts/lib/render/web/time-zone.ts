/**
 * The UTC offset of an event's time zone as written in the report (`PKT`,
 * `Asia/Karachi`, `UTC+5`), for machine-readable dates such as
 * 2026-01-20T17:00:00+05:00. Abbreviations are ambiguous in general (IST is
 * India, Ireland and Israel), so only those with one common meaning are known;
 * an IANA name is always exact, its daylight saving time included.
 */
const ABBREVIATIONS: Record<string, string> = {
  UTC: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  WET: '+00:00',
  WEST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  TRT: '+03:00',
  WAT: '+01:00',
  CAT: '+02:00',
  EAT: '+03:00',
  SAST: '+02:00',
  GST: '+04:00',
  AFT: '+04:30',
  IRST: '+03:30',
  PKT: '+05:00',
  UZT: '+05:00',
  MVT: '+05:00',
  IST: '+05:30',
  SLST: '+05:30',
  NPT: '+05:45',
  BTT: '+06:00',
  MMT: '+06:30',
  ICT: '+07:00',
  WIB: '+07:00',
  SGT: '+08:00',
  HKT: '+08:00',
  PHT: '+08:00',
  AWST: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  ACST: '+09:30',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/** "+05:00" for the zone at that local date and time, or undefined when the zone is not one we can be sure of. */
export function utcOffset(zone: string, date: string, time = '12:00'): string | undefined {
  const written = zone.trim();
  const known = ABBREVIATIONS[written.toUpperCase()];
  if (known) return known;
  const numeric = /^(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(written);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    return `${numeric[1] === '+' ? '+' : '-'}${pad(hours)}:${pad(minutes)}`;
  }
  if (!written.includes('/')) return undefined;
  try {
    // The offset at the local time: guess with the offset at that instant as UTC, then correct once (DST edges).
    const local = Date.parse(`${date}T${time}:00Z`);
    let offset = offsetMinutesAt(written, local);
    offset = offsetMinutesAt(written, local - offset * 60_000);
    const sign = offset < 0 ? '-' : '+';
    return `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  } catch {
    return undefined;
  }
}

/** Minutes east of UTC of an IANA zone at an instant, from Intl ("GMT+05:00"); throws for an unknown zone. */
function offsetMinutesAt(zone: string, instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
