import type { ReportInput, PersonInput } from '../validate/report-schema.ts';
import { parseInline, parseParagraphs, plain, type Inline } from './inline.ts';
import { formatDate, formatShortDate, formatTimeRange } from './when.ts';
import { initialsOf } from './initials.ts';
import { chooseSlug } from './slug.ts';
import { fillLabel, labelsFor } from './labels.ts';
import type { Brand, ImageRef, Person, Report, BriefSection } from './types.ts';

/** Images resolved during validation, keyed by the YAML path that named them (`speakers.1.photo`). */
export type ResolvedImages = Map<string, ImageRef>;

/** Reports something about the input that does not stop the build, at the field it concerns. */
export type ModelWarning = (where: PropertyKey[], message: string) => void;

/** Turns a validated report into the renderer-neutral model. */
export function buildReport(
  input: ReportInput,
  brand: Brand,
  images: ResolvedImages,
  source: string,
  warn: ModelWarning = () => {},
): Report {
  const person = (p: PersonInput, key: string): Person => {
    const { name, nameText } = named(p.name);
    return {
      name,
      nameText,
      role: p.role,
      affiliation: p.affiliation
        ? p.affiliation
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
        : [],
      photo: images.get(`${key}.photo`),
      initials: initialsOf(nameText),
    };
  };
  const title = parseInline(input.event.title);
  const subtitle = input.event.subtitle ? parseInline(input.event.subtitle) : undefined;
  const language = input.report?.language ?? brand.language ?? 'en';
  // The outputs' own words in the report's language; the report's headings and label win.
  const labels = labelsFor(language);
  const headings = {
    ...labels.headings,
    highlights: fillLabel(labels.highlights, { kind: input.event.kind }),
    ...input.headings,
  };
  let slug = input.report?.slug;
  if (!slug) {
    const chosen = chooseSlug(input.event.date, plain(title));
    if (chosen.warning) warn(['event', 'title'], chosen.warning);
    slug = chosen.slug;
  }
  const report: Omit<Report, 'sections'> = {
    source,
    slug,
    label: input.report?.label ?? labels.documentLabel,
    labels,
    language,
    authors: input.report?.authors ?? [],
    keywords: input.report?.keywords ?? [],
    url: input.report?.url && pageAddress(input.report.url),
    event: {
      kind: input.event.kind,
      title,
      titleText: plain(title),
      subtitle,
      subtitleText: subtitle && plain(subtitle),
      date: input.event.date,
      dateText: formatDate(input.event.date, language),
      shortDateText: formatShortDate(input.event.date, language),
      timeText: formatTimeRange(input.event.start, input.event.end, input.event.timezone, language),
      venue: input.event.venue,
      start: input.event.start,
      end: input.event.end,
      timezone: input.event.timezone,
    },
    framework:
      input.framework === undefined
        ? undefined
        : typeof input.framework === 'string'
          ? parseParagraphs(input.framework)
          : input.framework.map((p) => parseInline(pointText(p))),
    frameworkOnSlide: typeof input.framework === 'object' ? input.framework.map(pointSlide) : [],
    moderators: (input.moderators ?? []).map((m, i) => person(m, `moderators.${i}`)),
    moderation: (input.moderation ?? []).map((p) => parseInline(pointText(p))),
    moderationOnSlide: (input.moderation ?? []).map(pointSlide),
    speakers: input.speakers.map((s, i) => ({
      ...person(s, `speakers.${i}`),
      points: s.points.map((p) => parseInline(pointText(p))),
      slidePoints: s.points.map(pointSlide),
    })),
    highlights: (input.highlights ?? []).map((h, i) => ({
      image: images.get(`highlights.${i}.image`)!,
      caption: h.caption ? parseInline(h.caption) : undefined,
    })),
    recommendations: input.recommendations.map((r) =>
      typeof r === 'string'
        ? { text: parseParagraphs(r) }
        : { headline: parseInline(r.headline), text: parseParagraphs(r.text) },
    ),
    summary: input.summary ? parseParagraphs(input.summary) : undefined,
    conclusion: input.conclusion ? parseParagraphs(input.conclusion) : undefined,
    thanks: input.thanks && {
      ...named(input.thanks.name),
      role: input.thanks.role,
      text: parseParagraphs(input.thanks.text),
    },
    contact: input.contact ?? brand.contact,
    headings,
    brand,
  };
  return { ...report, sections: sectionsOf(report) };
}

/** The brief's order, as the published briefs have it. */
export const SECTION_ORDER: readonly BriefSection[] = [
  'framework',
  'discussion',
  'highlights',
  'recommendations',
  'summary',
  'conclusion',
  'thanks',
  'contact',
];

/** The sections a report has content for, in SECTION_ORDER (discussion, recommendations and contact always). */
function sectionsOf(report: Omit<Report, 'sections'>): BriefSection[] {
  const present: Record<BriefSection, boolean> = {
    framework: Boolean(report.framework?.length),
    discussion: true,
    highlights: report.highlights.length > 0,
    recommendations: true,
    summary: Boolean(report.summary?.length),
    conclusion: Boolean(report.conclusion?.length),
    thanks: Boolean(report.thanks),
    contact: true,
  };
  return SECTION_ORDER.filter((key) => present[key]);
}

/** A name as inline runs and as plain text, parsed once. */
function named(markdown: string): { name: Inline; nameText: string } {
  const name = parseInline(markdown);
  return { name, nameText: plain(name) };
}

/** The page's address as a base for relative links: a folder address gets its closing "/", so cards/og.png
 * lands inside it. */
function pageAddress(written: string): string {
  const url = new URL(written);
  if (!url.pathname.endsWith('/') && !/\.html?$/i.test(url.pathname)) url.pathname += '/';
  return url.href;
}

/** A point's full text: the point itself, or `text` of `{text, slide}`. */
function pointText(point: string | { text: string; slide: string }): string {
  return typeof point === 'string' ? point : point.text;
}

/** A point's short form for its slide, when it has one. */
function pointSlide(point: string | { text: string; slide: string }): Inline | undefined {
  return typeof point === 'string' ? undefined : parseInline(point.slide);
}
