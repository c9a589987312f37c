import type { SectionKey } from '../validate/report-schema.ts';
import type { Highlight, ImageRef, Person, Report } from '../model/types.ts';
import type { TextParagraph, TextStyle } from './measure-text.ts';
import { para, shorten, wordCount, type TextBlock } from './slide-fit.ts';
import { planCover, planSections, planThanks } from './slide-sections.ts';
import { planFraming, planHighlights, planModerators, planRecommendations, planSpeakers } from './slide-lists.ts';

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
  speakerTitle: Box;
  recommendations: Box & { numberWidth: number };
  /** Cards: the disc `discTop` below the card's top, text from `textTop`, `inset` from its sides. */
  people: Box & { perSlide: number; gap: number; disc: number; discTop: number; inset: number; textTop: number; cardHeight: number };
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
    | { layout: 'highlights'; items: { highlight: Highlight; image: ImageRef; alt: string; caption?: TextBlock }[] }
    | { layout: 'recommendations'; items: { number: number; text: TextBlock }[] }
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

/** Plans the whole deck, in the order of the issue: cover … thank-you. Absent sections make no slide. */
export function planDeck(report: Report, grid: SlideGrid, styles: PlanStyles, warn: (message: string) => void): DeckPlan {
  const context: PlanContext = { report, grid, styles, warn };
  const slides = uniqueTitles([
    planCover(context),
    ...planSections(context, 'framework'),
    ...planModerators(context),
    ...planFraming(context),
    ...planSpeakers(context),
    ...planHighlights(context),
    ...planRecommendations(context),
    ...planSections(context, 'summary'),
    ...planSections(context, 'conclusion'),
    ...planThanks(context),
  ]);
  const { event, brand } = report;
  const head = shorten([{ text: event.titleText.toLocaleUpperCase(report.language) }], styles.kicker, grid.kicker.w, 1).runs;
  const foot = shorten([{ text: `${brand.organisation.full}  ·  ${event.kind}  ·  ${event.dateText}` }], styles.footer, grid.footer.w, 1).runs;
  const wordmark = brand.logo ? undefined : para(shorten([{ text: brand.organisation.short }], styles.wordmark, grid.wordmark.w, 1).runs, styles.wordmark);
  const discussion = shorten([{ text: report.headings.discussion.toLocaleUpperCase(report.language) }], styles.kicker, grid.speakerKicker.w, 1).runs;
  return { slides, runningHead: para(head, styles.kicker), footer: para(foot, styles.footer), wordmark, discussionHeading: discussion.map((r) => r.text).join('') };
}

/**
 * Titles unique across the deck, as PowerPoint's accessibility checker wants:
 * a title that is still repeated (two sections renamed alike, two speakers of
 * one name) gets its place in the run, "(2)".
 */
function uniqueTitles(slides: PlannedSlide[]): PlannedSlide[] {
  const seen = new Map<string, number>();
  return slides.map((slide) => {
    const text = slide.title.runs.map((r) => r.text).join('');
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? slide : { ...slide, title: { ...slide.title, runs: [...slide.title.runs, { text: ` (${count})` }] } };
  });
}

/** Words a planned slide shows: its title and every paragraph on it (what a reader of the slide reads). */
export function slideWords(slide: PlannedSlide): number {
  const count = (paragraphs: TextParagraph[]) => paragraphs.reduce((sum, p) => sum + wordCount(p.runs), 0);
  const title = count([slide.title]);
  switch (slide.layout) {
    case 'cover':
      return title + count([slide.kind, ...slide.details.paragraphs, slide.byline]);
    case 'text':
      return title + count(slide.items.flatMap((i) => i.paragraphs));
    case 'people':
      return title + count(slide.people.flatMap((c) => c.text.paragraphs));
    case 'speaker':
      return title + count([...slide.card.text.paragraphs, ...slide.points.flatMap((p) => p.paragraphs)]);
    case 'highlights':
      return title + count(slide.items.flatMap((i) => i.caption?.paragraphs ?? []));
    case 'recommendations':
      return title + count(slide.items.flatMap((i) => i.text.paragraphs));
    case 'thanks':
      return title + count([...slide.text.paragraphs, slide.byline]);
  }
}
