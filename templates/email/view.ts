import type { Report } from '../../scripts/lib/model/types.ts';

/** What the e-mail layouts are given: the report, and what the message carries besides text. */
export interface EmailView {
  report: Report;
  subject: string;
  /** The embedded logo: its Content-ID and the size it shows at. */
  logo?: { cid: string; width: number; height: number };
  attachments: { filename: string; description: string; format: string; bytes: number }[];
}

/** The event line: "Webinar · Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT · Online (Zoom)". */
export function eventLine(report: Report): string {
  return [report.event.kind, whenAndWhere(report)].join(' · ');
}

/** "Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT · Online (Zoom)" */
export function whenAndWhere(report: Report): string {
  const { dateText, timeText, venue } = report.event;
  return [dateText, timeText, venue].filter(Boolean).join(' · ');
}

/** "the full brief and the slide deck" */
export function attachedLine(view: EmailView): string {
  const names = view.attachments.map((a) => a.description);
  // "the full brief and the slide deck", joined as the report's language joins a list.
  const language = Intl.ListFormat.supportedLocalesOf([view.report.language])[0] ?? 'en';
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}
