import type { Report } from '../../../model/types.ts';
import type { TextParagraph } from '../../../layout/measure-text.ts';
import { para, shorten, wordCount } from '../../../layout/slides/fit.ts';
import { planCover, planSections, planThanks } from './sections.ts';
import { planFraming, planHighlights, planModerators, planRecommendations, planSpeakers } from './lists.ts';
import type {
  DeckPlan,
  PlanContext,
  PlanStyles,
  PlannedSlide,
  SlideGrid,
} from '../../../layout/slides/types.ts';

/**
 * The slide model: which text goes on which slide, measured to fit its box.
 * Built from the report alone, before any PPTX exists (as pandoc's PowerPoint
 * writer first builds a slide model, then writes it), so it can be tested
 * without unzipping anything. The layouts in templates/slides/ then draw each
 * planned slide into the same boxes it was measured for.
 */

/** Plans the whole deck, in the order of the issue: cover … thank-you. Absent sections make no slide. */
export function planDeck(
  report: Report,
  grid: SlideGrid,
  styles: PlanStyles,
  warn: (message: string) => void,
): DeckPlan {
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
  const head = shorten(
    [{ text: event.titleText.toLocaleUpperCase(report.language) }],
    styles.kicker,
    grid.kicker.w,
    1,
  ).runs;
  const foot = shorten(
    [{ text: `${brand.organisation.full}  ·  ${event.kind}  ·  ${event.dateText}` }],
    styles.footer,
    grid.footer.w,
    1,
  ).runs;
  const wordmark = brand.logo
    ? undefined
    : para(
        shorten([{ text: brand.organisation.short }], styles.wordmark, grid.wordmark.w, 1).runs,
        styles.wordmark,
      );
  const discussion = shorten(
    [{ text: report.headings.discussion.toLocaleUpperCase(report.language) }],
    styles.kicker,
    grid.speakerKicker.w,
    1,
  ).runs;
  return {
    slides,
    runningHead: para(head, styles.kicker),
    footer: para(foot, styles.footer),
    wordmark,
    discussionHeading: discussion.map((r) => r.text).join(''),
  };
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
    return count === 1
      ? slide
      : { ...slide, title: { ...slide.title, runs: [...slide.title.runs, { text: ` (${count})` }] } };
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
