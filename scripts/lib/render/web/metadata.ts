import { plain } from '../../model/inline.ts';
import type { Report } from '../../model/types.ts';
import { utcOffset } from './time-zone.ts';

/** Search engines and feeds show about this much of a description. */
const DESCRIPTION_MAX = 200;

/** The page's `<title>`: "Title: Subtitle | Organisation". */
export function pageTitle(report: Report): string {
  const { titleText, subtitleText } = report.event;
  return `${subtitleText ? `${titleText}: ${subtitleText}` : titleText} | ${report.brand.organisation.full}`;
}

/** The description of a shared link: the summary's first sentence, else the framework's, else the event line. */
export function pageDescription(report: Report): string {
  const source = report.summary?.[0] ?? report.framework?.[0];
  if (!source)
    return [report.event.kind, report.event.dateText, report.event.venue].filter(Boolean).join(', ');
  const text = plain(source).replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s+[\p{Lu}\p{N}"“‘(]|$)/u.exec(text)?.[0] ?? text;
  return shorten(sentence, DESCRIPTION_MAX);
}

/** Cut at a word boundary with an ellipsis when longer than max characters. */
function shorten(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max - 1).join('');
  return `${cut.replace(/\s+\S*$/, '')}…`;
}

const ONLINE = /\b(online|zoom|teams|webex|google meet|youtube|livestream|live stream|virtual|webinar)\b/i;

export interface EventDates {
  startDate: string;
  endDate?: string;
  /** Set when the report's time zone could not be turned into an offset. */
  unknownZone?: string;
}

/** ISO 8601 start and end, with the UTC offset of the report's time zone when it has one we know. */
export function eventDates(report: Report): EventDates {
  const { date, start, end, timezone } = report.event;
  if (!start) return { startDate: date };
  const offset = timezone ? utcOffset(timezone, date, start) : undefined;
  const at = (time: string) => `${date}T${time}:00${offset ?? ''}`;
  return {
    startDate: at(start),
    endDate: end ? at(end) : undefined,
    unknownZone: timezone && !offset ? timezone : undefined,
  };
}

/**
 * schema.org JSON-LD: the event (name, dates with their offset, online or
 * physical location, organiser, the speakers as performers) and the report
 * about it, with the PDF as its encoding when it is offered. Safe to place in
 * a <script> element: "<" is escaped.
 */
export function jsonLd(
  report: Report,
  options: { canonical?: string; image?: string; description: string; pdf?: string; dates: EventDates },
): string {
  const { event, brand } = report;
  const organizer = {
    '@type': 'Organization',
    name: brand.organisation.full,
    ...(brand.website && { url: brand.website }),
  };
  const online = (event.venue && ONLINE.test(event.venue)) || (!event.venue && /webinar/i.test(event.kind));
  const location = online
    ? { '@type': 'VirtualLocation', name: event.venue ?? 'Online' }
    : event.venue && { '@type': 'Place', name: event.venue, address: event.venue };
  const id = (fragment: string) => (options.canonical ? `${options.canonical}#${fragment}` : `#${fragment}`);
  const eventNode = {
    '@type': 'Event',
    '@id': id('event'),
    name: event.subtitleText ? `${event.titleText}: ${event.subtitleText}` : event.titleText,
    description: options.description,
    startDate: options.dates.startDate,
    ...(options.dates.endDate && { endDate: options.dates.endDate }),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: online
      ? 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    ...(location && { location }),
    organizer,
    performer: report.speakers.map((s) => ({
      '@type': 'Person',
      name: s.nameText,
      ...(s.affiliation[0] && { affiliation: { '@type': 'Organization', name: s.affiliation[0] } }),
    })),
    ...(options.image && { image: options.image }),
    inLanguage: report.language,
  };
  const reportNode = {
    '@type': 'Report',
    '@id': id('report'),
    name: `${report.label}: ${event.titleText}`,
    headline: event.titleText,
    ...(options.canonical && { url: options.canonical }),
    about: { '@id': id('event') },
    inLanguage: report.language,
    author: report.authors.length
      ? report.authors.map((name) => ({ '@type': 'Organization', name }))
      : organizer,
    publisher: organizer,
    ...(report.keywords.length && { keywords: report.keywords.join(', ') }),
    ...(options.image && { image: options.image }),
    ...(options.pdf && {
      encoding: { '@type': 'MediaObject', contentUrl: options.pdf, encodingFormat: 'application/pdf' },
    }),
  };
  return JSON.stringify(
    { '@context': 'https://schema.org', '@graph': [eventNode, reportNode] },
    null,
    2,
  ).replace(/</g, '\\u003c');
}
