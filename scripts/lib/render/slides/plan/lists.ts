import { plain, type Inline } from '../../../model/inline.ts';
import { textWidth } from '../../../layout/measure-text.ts';
import { block, para, paginate, shorten, wordCount } from '../../../layout/slides/fit.ts';
import { listPages, partOf, onSlide, personCard, personNotes, slideTitle } from './sections.ts';
import { WORDS_PER_SLIDE, type PlanContext, type PlannedSlide } from '../../../layout/slides/types.ts';
import { cardWidth, highlightWidth } from '../../../layout/slides/geometry.ts';

/**
 * Planners for the slides that hold lists: speakers' points, recommendations,
 * moderators and highlights. A list that does not fit one slide continues on
 * the next, titled "(2 of 3)".
 */

/**
 * One slide per speaker (more when the points do not fit): the person on the
 * left, the name as the title, each point's short form (or first sentence) as
 * a bullet; the full points in the notes.
 */
export function planSpeakers(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  return report.speakers.flatMap((speaker) => {
    // The role and the first affiliation line (the current post) on the speaker's first slide, the later
    // ones keep the portrait and the role: the points are the slide's text. All of it is in the notes.
    const card = {
      ...personCard(
        context,
        { ...speaker, affiliation: speaker.affiliation.slice(0, 1) },
        grid.card.w,
        grid.card.h,
        false,
      ),
      person: speaker,
    };
    // Warned of once, for the first card.
    const quiet = { ...context, warn: () => {} };
    const later = {
      ...personCard(quiet, { ...speaker, affiliation: [] }, grid.card.w, grid.card.h, false),
      person: speaker,
    };
    const shown = speaker.points.map((point, i) => onSlide(point, speaker.slidePoints[i]));
    // The name (and "(2 of 3)"), the role and affiliation share the slide's word budget with the points.
    // "(2 of 3)" is three words; the slide number and the initials one each.
    const words = (c: typeof card) =>
      wordCount([{ text: speaker.nameText }]) +
      5 +
      c.text.paragraphs.reduce((sum, p) => sum + wordCount(p.runs), 0);
    const budget = (page: number) => WORDS_PER_SLIDE - words(page === 0 ? card : later);
    const pages = listPages(
      context,
      shown,
      styles.lead,
      grid.points.w,
      grid.points.h,
      grid.gap,
      (i) => `${speaker.nameText}'s point ${i + 1}`,
      grid.marker.textIndent,
      budget,
    );
    return pages.map((page, i): PlannedSlide => {
      const points = [...new Set(page.map((p) => p.item))];
      return {
        layout: 'speaker',
        section: 'discussion',
        title: slideTitle(
          context,
          speaker.nameText,
          partOf(i, pages.length),
          styles.slideTitle,
          grid.speakerTitle.w,
        ),
        card: i === 0 ? card : later,
        points: page.map((p) => p.block),
        notes: [...personNotes(speaker), ...points.map((n) => plain(speaker.points[n]!))],
      };
    });
  });
}

/**
 * Recommendations, numbered: the headline of each, else its first sentence
 * (when that stands alone), as many per slide as fit; full text in the notes.
 */
export function planRecommendations(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  const shown: Inline[] = report.recommendations.map((r) => r.headline ?? onSlide(joinParagraphs(r.text)));
  const { recommendations: box } = grid;
  const numberWidth = numberIndent(report.recommendations.length, box.numberWidth, context);
  const pages = listPages(
    context,
    shown,
    styles.lead,
    box.w,
    box.h,
    grid.gap + 4,
    (i) => `recommendation ${i + 1}`,
    numberWidth,
    WORDS_PER_SLIDE - wordCount([{ text: report.headings.recommendations }]) - 4,
  );
  return pages.map((page, i): PlannedSlide => {
    const numbers = [...new Set(page.map((p) => p.item))];
    return {
      layout: 'recommendations',
      section: 'recommendations',
      title: slideTitle(context, report.headings.recommendations, partOf(i, pages.length)),
      // A split recommendation shows its number once, on its first piece.
      items: page.map((p, j) => ({
        number:
          (j > 0 && page[j - 1]!.item === p.item) ||
          (j === 0 && i > 0 && pages[i - 1]!.at(-1)!.item === p.item)
            ? 0
            : p.item + 1,
        text: p.block,
      })),
      numberWidth,
      notes: numbers.map((n) => {
        const r = report.recommendations[n]!;
        return `${n + 1}. ${[r.headline && plain(r.headline), ...r.text.map(plain)].filter(Boolean).join(' ')}`;
      }),
    };
  });
}

/**
 * How the session was framed (the moderation points), as the Discussion
 * section opens in the brief: a list slide titled with that section's heading,
 * each point's short form or first sentence; the full points in the notes.
 */
export function planFraming(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  if (report.moderation.length === 0) return [];
  const heading = report.headings.discussion;
  const shown = report.moderation.map((point, i) => onSlide(point, report.moderationOnSlide[i]));
  const pages = listPages(
    context,
    shown,
    styles.lead,
    grid.text.w,
    grid.text.h,
    grid.gap + 6,
    (i) => `moderation point ${i + 1}`,
    grid.marker.textIndent,
    WORDS_PER_SLIDE - wordCount([{ text: heading }]) - 4,
  );
  return pages.map((page, i): PlannedSlide => ({
    layout: 'text',
    section: 'discussion',
    title: slideTitle(context, heading, partOf(i, pages.length)),
    items: page.map((p) => p.block),
    notes: [...new Set(page.map((p) => p.item))].map((n) => plain(report.moderation[n]!)),
  }));
}

/** The moderators as cards, three to a slide. */
export function planModerators(context: PlanContext): PlannedSlide[] {
  const { report, grid } = context;
  if (report.moderators.length === 0) return [];
  const { people } = grid;
  const width = cardWidth(grid.people);
  const cards = report.moderators.map((m) =>
    personCard(context, m, width - 2 * people.inset, people.cardHeight - people.textTop - people.inset),
  );
  const pages = paginate(cards, () => 1, people.perSlide, 0);
  return pages.map((page, i): PlannedSlide => ({
    layout: 'people',
    section: 'moderators',
    title: slideTitle(context, report.headings.moderators, partOf(i, pages.length)),
    people: page,
    notes: page.flatMap((c) => personNotes(c.person)),
  }));
}

/** Highlights: two images to a slide with their captions (shortened to three lines; full in the notes). */
export function planHighlights(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  const { highlights: box } = grid;
  const pages = paginate(report.highlights, () => 1, box.perSlide, 0);
  return pages.map((page, i): PlannedSlide => {
    const width = highlightWidth(box, page.length);
    const items = page.map((highlight, j) => {
      const number = i * box.perSlide + j + 1;
      const alt = highlight.caption
        ? plain(highlight.caption)
        : `${report.headings.highlights}, image ${number}`;
      if (!highlight.caption) return { highlight, image: highlight.image, alt };
      const fitted = shorten(highlight.caption, styles.caption, width, box.captionLines);
      if (fitted.shortened)
        context.warn(
          `${report.source}: the caption of highlight ${number} is too long for a ` +
            `slide; shortened there, in full in the notes`,
        );
      return {
        highlight,
        image: highlight.image,
        alt,
        caption: block([para(fitted.runs, styles.caption)], width),
      };
    });
    return {
      layout: 'highlights',
      section: 'highlights',
      title: slideTitle(context, report.headings.highlights, partOf(i, pages.length)),
      items,
      notes: items.map((item) => item.alt),
    };
  });
}

/**
 * The hanging indent of numbered recommendations: the grid's (48 pt holds
 * "99."), or, for more, the widest number ("1000.", the limit) in the
 * heading font PowerPoint numbers with (`+mj-lt`), at the text's size, bold,
 * measured `roomy`, and 8 pt. A number wider than its indent pushes its
 * line's text on to the next tab stop, past where the line was measured.
 */
function numberIndent(count: number, gridWidth: number, { styles }: PlanContext): number {
  const style = { font: styles.number.font, sizePt: styles.lead.sizePt, bold: true };
  const digits = String(count).length;
  const widest = Math.max(
    ...[...'0123456789'].map((figure) => textWidth(`${figure.repeat(digits)}.`, style, 'roomy')),
  );
  return Math.max(gridWidth, Math.ceil(widest) + 8);
}

/** Paragraphs read as one: joined by a space. */
function joinParagraphs(paragraphs: Inline[]): Inline {
  return paragraphs.flatMap((p, i) => (i > 0 ? [{ text: ' ' }, ...p] : p));
}
