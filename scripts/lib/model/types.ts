import type { Inline, Paragraphs } from './inline.ts';
import type { SectionKey } from '../validate/report-schema.ts';
import type { Labels } from './labels.ts';

/**
 * The renderer-neutral report model. The PDF, the deck and the e-mail read
 * only this; none of them sees YAML, paths as written, or the schema.
 */

/** An image file named by a report or a brand, checked to exist inside the project. */
export interface ImageRef {
  /** Absolute path on disk. */
  file: string;
  /** The path as the user wrote it, for messages. */
  shown: string;
  format: 'png' | 'jpeg' | 'webp';
}

export interface Person {
  name: Inline;
  /** The name as plain text, for outlines, alt text and notes. */
  nameText: string;
  role?: string;
  /** Affiliation lines, in the order written. */
  affiliation: string[];
  photo?: ImageRef;
  /** Shown in the brand colour when there is no photo. */
  initials: string;
}

export interface Speaker extends Person {
  points: Inline[];
  /** Each point's short form for its slide (`{text, slide}`), undefined where the report gives none. */
  slidePoints: (Inline | undefined)[];
}

export interface Highlight {
  image: ImageRef;
  caption?: Inline;
}

export interface Recommendation {
  headline?: Inline;
  text: Paragraphs;
}

export interface Contact {
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
}

export interface EventInfo {
  kind: string;
  title: Inline;
  titleText: string;
  subtitle?: Inline;
  subtitleText?: string;
  date: string;
  /** "Tuesday 20 January 2026" */
  dateText: string;
  /** "20 Jan 2026" */
  shortDateText: string;
  /** "5:00 – 6:00 pm PKT" */
  timeText?: string;
  /** As written, "17:00" (24 h), for machine-readable dates (the web edition's JSON-LD). */
  start?: string;
  end?: string;
  /** As written, e.g. "PKT" or "Asia/Karachi". */
  timezone?: string;
  venue?: string;
}

/** The sections of a brief, in the order every output shows them (SECTION_ORDER in build-report.ts). */
export type BriefSection =
  | 'framework'
  | 'discussion'
  | 'highlights'
  | 'recommendations'
  | 'summary'
  | 'conclusion'
  | 'thanks'
  | 'contact';

export interface Report {
  /** The sections this report has, in the brief's order: the one order the PDF, deck and web edition follow. */
  sections: BriefSection[];
  /** The YAML file, as shown in messages. */
  source: string;
  slug: string;
  label: string;
  language: string;
  authors: string[];
  keywords: string[];
  /**
   * Where the web edition will be published (https, ending in "/" unless it
   * names a file), for canonical links and absolute image addresses.
   */
  url?: string;
  event: EventInfo;
  framework?: Paragraphs;
  /** Short forms of the framework's paragraphs, when it is written as a list of points. */
  frameworkOnSlide: (Inline | undefined)[];
  moderators: Person[];
  moderation: Inline[];
  moderationOnSlide: (Inline | undefined)[];
  speakers: Speaker[];
  highlights: Highlight[];
  recommendations: Recommendation[];
  summary?: Paragraphs;
  conclusion?: Paragraphs;
  thanks?: { name: Inline; nameText: string; role?: string; text: Paragraphs };
  contact: Contact;
  headings: Record<SectionKey, string>;
  /** The words the outputs print of their own (page numbers, "continued"…), in the report's language. */
  labels: Labels;
  brand: Brand;
}

export interface FontFace {
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

export interface FontFamily {
  family: string;
  faces: FontFace[];
}

export interface Brand {
  /** Folder name under templates/brands/. */
  name: string;
  dir: string;
  organisation: { short: string; full: string };
  website?: string;
  logo?: ImageRef;
  colors: {
    /** Main brand colour: bands, headings. */
    primary: string;
    /** Accent: rules, numbers, highlights. */
    accent: string;
    text: string;
    background: string;
    /** Secondary text: captions, affiliations. */
    muted: string;
    /** A pale tint of the primary colour, for panels. */
    tint: string;
    /** Headings on the page: typography.headings.color, else primary when it reads on the background, else text. */
    heading: string;
    /** Text and rules on a primary band (cover, contact block, initials): background or text, whichever reads
     * better. */
    onPrimary: string;
    /** Quieter text on a primary band (labels): the tint when it reads there, else onPrimary. */
    onPrimaryMuted: string;
    /** Text on an accent-coloured label: background or text, whichever reads better. */
    onAccent: string;
  };
  /** `headingWeight`: typography.headings.weight, 700 unless the brand says 400. */
  fonts: { body: FontFamily; heading: FontFamily; headingWeight: 400 | 700 };
  /** The brand's default report language (BCP 47), when it sets one. */
  language?: string;
  contact: Contact;
  slides: { headingFont: string; bodyFont: string };
  /** `unsubscribe`: the https page of List-Unsubscribe, when the brand has one. */
  email: { maxBytes: number; subject?: string; unsubscribe?: string };
}
