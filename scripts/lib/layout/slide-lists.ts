import { plain, type Inline } from '../model/inline.ts';
import { block, para, paginate, shorten } from './slide-fit.ts';
import { listPages, personCard, personNotes, slideTitle } from './slide-sections.ts';
import type { PlanContext, PlannedSlide } from './slide-plan.ts';

/**
 * Planners for the slides that hold lists: speakers' points, recommendations,
 * moderators and highlights. Each list continues on "(cont.)" slides when it
 * does not fit one.
 */

/** One slide per speaker (more when the points do not fit): the person on the left, points on the right. */
export function planSpeakers(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  return report.speakers.flatMap((speaker) => {
    const card = personCard(context, speaker, grid.card.w, grid.card.h);
    const width = grid.points.w - grid.marker.textIndent;
    const pages = listPages(context, speaker.points, styles.body, width, grid.points.h, grid.gap, (i) => `${speaker.nameText}'s point ${i + 1}`);
    return pages.map((page, i): PlannedSlide => {
      const shown = [...new Set(page.map((p) => p.item))];
      const kicker = `${report.headings.discussion}${i > 0 ? ' (cont.)' : ''}`.toLocaleUpperCase(report.language);
      return {
        layout: 'speaker',
        section: 'discussion',
        title: para(shorten([{ text: kicker }], styles.kicker, grid.speakerKicker.w, 1).runs, styles.kicker),
        card,
        points: page.map((p) => p.block),
        notes: [...personNotes(speaker), ...shown.map((n) => plain(speaker.points[n]!))],
      };
    });
  });
}

/** Recommendations, numbered: the headline (or the text) of each, as many per slide as fit; full text in the notes. */
export function planRecommendations(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  const shown: Inline[] = report.recommendations.map((r) => r.headline ?? joinParagraphs(r.text));
  const width = grid.recommendations.w - grid.recommendations.numberWidth;
  const pages = listPages(context, shown, styles.body, width, grid.recommendations.h, grid.gap + 4, (i) => `recommendation ${i + 1}`);
  return pages.map((page, i): PlannedSlide => {
    const numbers = [...new Set(page.map((p) => p.item))];
    return {
      layout: 'recommendations',
      section: 'recommendations',
      title: slideTitle(context, report.headings.recommendations, i > 0),
      // A split recommendation shows its number once, on its first piece.
      items: page.map((p, j) => ({ number: j > 0 && page[j - 1]!.item === p.item ? 0 : p.item + 1, text: p.block })),
      notes: numbers.map((n) => {
        const r = report.recommendations[n]!;
        return `${n + 1}. ${[r.headline && plain(r.headline), ...r.text.map(plain)].filter(Boolean).join(' ')}`;
      }),
    };
  });
}

/** The moderators as cards, three to a slide; how the session was moderated goes into the notes. */
export function planModerators(context: PlanContext): PlannedSlide[] {
  const { report, grid } = context;
  if (report.moderators.length === 0) return [];
  const { people } = grid;
  const width = (people.w - people.gap * (people.perSlide - 1)) / people.perSlide;
  const cards = report.moderators.map((m) => personCard(context, m, width - 2 * people.inset, people.h - people.textTop - people.inset));
  const pages = paginate(cards, () => 1, people.perSlide, 0);
  return pages.map((page, i): PlannedSlide => ({
    layout: 'people',
    section: 'moderators',
    title: slideTitle(context, report.headings.moderators, i > 0),
    people: page,
    notes: [...page.flatMap((c) => personNotes(c.person)), ...(i === 0 ? report.moderation.map(plain) : [])],
  }));
}

/** Highlights: two images to a slide with their captions (shortened to three lines; full in the notes). */
export function planHighlights(context: PlanContext): PlannedSlide[] {
  const { report, grid, styles } = context;
  const { highlights: box } = grid;
  const pages = paginate(report.highlights, () => 1, box.perSlide, 0);
  return pages.map((page, i): PlannedSlide => {
    const width = page.length === 1 ? box.w * 0.75 : (box.w - box.gap) / 2;
    const items = page.map((highlight, j) => {
      const number = i * box.perSlide + j + 1;
      const alt = highlight.caption ? plain(highlight.caption) : `${report.headings.highlights}, image ${number}`;
      if (!highlight.caption) return { highlight, image: highlight.image, alt };
      const fitted = shorten(highlight.caption, styles.caption, width, box.captionLines);
      if (fitted.shortened) context.warn(`${report.source}: the caption of highlight ${number} is too long for a slide; shortened there, in full in the notes`);
      return { highlight, image: highlight.image, alt, caption: block([para(fitted.runs, styles.caption)], width) };
    });
    return {
      layout: 'highlights',
      section: 'highlights',
      title: slideTitle(context, report.headings.highlights, i > 0),
      items,
      notes: items.map((item) => item.alt),
    };
  });
}

/** Paragraphs read as one: joined by a space. */
function joinParagraphs(paragraphs: Inline[]): Inline {
  return paragraphs.flatMap((p, i) => (i > 0 ? [{ text: ' ' }, ...p] : p));
}
