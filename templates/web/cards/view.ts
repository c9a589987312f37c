import type { Brand } from '../../../scripts/lib/model/types.ts';
import type { CardFace } from './kit.tsx';

/** An image ready for satori: a data: URL and the pixel size it is drawn at. */
export interface CardImage {
  src: string;
  width: number;
  height: number;
}

/** What every card shares: the brand's colours, faces and logo, and the event it announces. */
export interface CardFrame {
  colors: Brand['colors'];
  faces: {
    /** Titles, numbers, names: the heading family, bold. */
    heading: CardFace;
    /** Labels and small lines: the body family. */
    body: CardFace;
    bodyBold: CardFace;
    /** A speaker's point: the heading family's italic when the brand has one, else the body's. */
    quote: CardFace;
  };
  organisation: string;
  logo?: CardImage;
  /** "BRIEF REPORT" */
  label: string;
  /** "Webinar" */
  kind: string;
  title: string;
  subtitle?: string;
  /** "Tuesday 20 January 2026 · 5:00 – 6:00 pm PKT · Online (Zoom)" */
  when: string;
  /** "20 Jan 2026" */
  shortDate: string;
  /** "southasiatimes.org": where the reader finds the brief, when known. */
  site?: string;
}

export interface OgCardData {
  frame: CardFrame;
}

export interface RecommendationCardData {
  frame: CardFrame;
  number: number;
  total: number;
  /** "Policy Recommendations" as the report heads the section. */
  heading: string;
  text: string;
  field: string;
  remedy: string;
}

export interface SpeakerCardData {
  frame: CardFrame;
  name: string;
  affiliation: string;
  photo?: CardImage;
  initials: string;
  /** "Speaker" */
  role: string;
  quote: string;
  field: string;
  remedy: string;
  /** Where the name, affiliation lines come from, for warnings: "speakers[1]". */
  person: string;
}
