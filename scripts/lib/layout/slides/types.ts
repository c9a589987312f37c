import type { SectionKey } from '../../validate/report-schema.ts';
import type { Highlight, ImageRef, Person, Report } from '../../model/types.ts';
import type { TextParagraph, TextStyle } from '../measure-text.ts';
import type { TextBlock } from './fit.ts';

/**
 * The slide model's shapes, shared by the deck renderer's planner
 * (render/slides/plan/) and the deck's layouts in templates/slides/, so that none of them
 * imports another's functions to get a type.
 */

/** A rectangle on the slide, in points. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The boxes the plan measures text for; templates/slides/grid.ts provides them. */
export interface SlideGrid {
  title: Box;
  kicker: Box;
  footer: Box;
  wordmark: Box;
  text: Box;
  marker: { textIndent: number };
  card: Box;
  points: Box;
  speakerKicker: Box;
  speakerTitle: Box;
  recommendations: Box & { numberWidth: number };
  /** Cards: the disc `discTop` below the card's top, text from `textTop`, `inset` from its sides. */
  people: Box & {
    perSlide: number;
    gap: number;
    disc: number;
    discTop: number;
    inset: number;
    textTop: number;
    cardHeight: number;
  };
  highlights: Box & { perSlide: number; gap: number; captionLines: number };
  cover: Box & { kind: Box; details: Box; byline: Box };
  closing: { title: Box; contact: Box };
  gap: number;
}

/** The text styles the plan measures with; the deck theme provides them. */
export interface PlanStyles {
  kicker: TextStyle;
  slideTitle: TextStyle;
  body: TextStyle;
  lead: TextStyle;
  number: TextStyle;
  name: TextStyle;
  role: TextStyle;
  affiliation: TextStyle;
  caption: TextStyle;
  footer: TextStyle;
  coverKind: TextStyle;
  coverTitle: TextStyle;
  coverSubtitle: TextStyle;
  coverDetail: TextStyle;
  thanksTitle: TextStyle;
  wordmark: TextStyle;
}

/** A person's name, role and affiliation as one measured block, and the photo or initials. */
export interface PersonCard {
  person: Person;
  text: TextBlock;
}

interface SlideBase {
  section: SectionKey | 'cover';
  /** The slide's title, unique in the deck ("Dr. Khurram Iqbal (2 of 3)"), fitted to its placeholder. */
  title: TextParagraph;
  /** Speaker notes, one paragraph each: the full text of what the slide shows in brief. */
  notes: string[];
}

export type PlannedSlide = SlideBase &
  (
    | { layout: 'cover'; kind: TextParagraph; details: TextBlock; byline: TextParagraph }
    | { layout: 'text'; items: TextBlock[] }
    | { layout: 'people'; people: PersonCard[] }
    | { layout: 'speaker'; card: PersonCard; points: TextBlock[] }
    | {
        layout: 'highlights';
        items: { highlight: Highlight; image: ImageRef; alt: string; caption?: TextBlock }[];
      }
    | {
        layout: 'recommendations';
        items: { number: number; text: TextBlock }[];
        /** The hanging indent the numbers stand in: the grid's, or wider for numbers of three figures or more. */
        numberWidth: number;
      }
    | { layout: 'thanks'; text: TextBlock; byline: TextParagraph }
  );

/** Most words a slide should carry: more is a wall of text (`npm run check` says where). */
export const WORDS_PER_SLIDE = 60;

export interface DeckPlan {
  slides: PlannedSlide[];
  /** Running head of content slides: the event title, shortened to one line. */
  runningHead: TextParagraph;
  /** Footer of every content slide: organisation and event date. */
  footer: TextParagraph;
  /** The organisation's short name, shown where the logo would be when the brand has none. */
  wordmark?: TextParagraph;
  /** The section label above each speaker's name ("DISCUSSION POINTS"), on one line. */
  discussionHeading: string;
}

/** What the planners share: the report, boxes, styles, and where warnings go. */
export interface PlanContext {
  report: Report;
  grid: SlideGrid;
  styles: PlanStyles;
  warn(message: string): void;
}
