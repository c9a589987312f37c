import type { SectionKey } from '../validate/report-schema.ts';
import type { Highlight, ImageRef, Person, Report } from '../model/types.ts';
import type { TextParagraph, TextStyle } from './measure-text.ts';
import { para, shorten, type TextBlock } from './slide-fit.ts';
import { planCover, planSections, planThanks } from './slide-sections.ts';
import { planHighlights, planModerators, planRecommendations, planSpeakers } from './slide-lists.ts';

/**
 * The slide model: which text goes on which slide, measured to fit its box.
 * Built from the report alone, before any PPTX exists (as pandoc's PowerPoint
 * writer first builds a slide model, then writes it), so it can be tested
 * without unzipping anything. The layouts in templates/slides/ then draw each
 * planned slide into the same boxes it was measured for.
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
  recommendations: Box & { numberWidth: number };
  /** Cards: the disc `discTop` below the card's top, text from `textTop`, `inset` from its sides. */
  people: Box & { perSlide: number; gap: number; disc: number; discTop: number; inset: number; textTop: number };
  highlights: Box & { perSlide: number; gap: number; captionLines: number };
  cover: Box;
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
  /** The slide's title line (or, on speaker slides, its kicker), fitted to one line. */
  title: TextParagraph;
  /** Speaker notes, one paragraph each: the full text of what the slide shows in brief. */
  notes: string[];
}

export type PlannedSlide = SlideBase &
  (
    | { layout: 'cover'; kind: TextParagraph; heading: TextBlock; subtitle?: TextBlock; details: TextBlock; gapPt: number; byline: TextParagraph }
    | { layout: 'text'; items: TextBlock[] }
    | { layout: 'people'; people: PersonCard[] }
    | { layout: 'speaker'; card: PersonCard; points: TextBlock[] }
    | { layout: 'highlights'; items: { highlight: Highlight; image: ImageRef; alt: string; caption?: TextBlock }[] }
    | { layout: 'recommendations'; items: { number: number; text: TextBlock }[] }
    | { layout: 'thanks'; text: TextBlock; byline: TextParagraph }
  );

export interface DeckPlan {
  slides: PlannedSlide[];
  /** Running head of content slides: the event title, shortened to one line. */
  runningHead: TextParagraph;
  /** Footer of every content slide: organisation and event date. */
  footer: TextParagraph;
  /** The organisation's short name, shown where the logo would be when the brand has none. */
  wordmark?: TextParagraph;
}

/** What the planners share: the report, boxes, styles, and where warnings go. */
export interface PlanContext {
  report: Report;
  grid: SlideGrid;
  styles: PlanStyles;
  warn(message: string): void;
}

/** Plans the whole deck, in the order of the issue: cover … thank-you. Absent sections make no slide. */
export function planDeck(report: Report, grid: SlideGrid, styles: PlanStyles, warn: (message: string) => void): DeckPlan {
  const context: PlanContext = { report, grid, styles, warn };
  const slides = [
    planCover(context),
    ...planSections(context, 'framework'),
    ...planModerators(context),
    ...planSpeakers(context),
    ...planHighlights(context),
    ...planRecommendations(context),
    ...planSections(context, 'summary'),
    ...planSections(context, 'conclusion'),
    ...planThanks(context),
  ];
  const { event, brand } = report;
  const head = shorten([{ text: event.titleText.toLocaleUpperCase(report.language) }], styles.kicker, grid.kicker.w, 1).runs;
  const foot = shorten([{ text: `${brand.organisation.full}  ·  ${event.kind}  ·  ${event.dateText}` }], styles.footer, grid.footer.w, 1).runs;
  const wordmark = brand.logo ? undefined : para(shorten([{ text: brand.organisation.short }], styles.wordmark, grid.wordmark.w, 1).runs, styles.wordmark);
  return { slides, runningHead: para(head, styles.kicker), footer: para(foot, styles.footer), wordmark };
}
