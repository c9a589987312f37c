import { plain, type Inline } from '../../../model/inline.ts';
import type { Person } from '../../../model/types.ts';
import { condense, sentences } from '../../../layout/condense.ts';
import {
  textWidth,
  wrapLines,
  WIDTH_SAFETY,
  type TextParagraph,
  type TextStyle,
} from '../../../layout/measure-text.ts';
import {
  block,
  para,
  paginate,
  shorten,
  splitToFit,
  wordCount,
  type TextBlock,
} from '../../../layout/slides/fit.ts';
import {
  WORDS_PER_SLIDE,
  type PersonCard,
  type PlanContext,
  type PlannedSlide,
} from '../../../layout/slides/types.ts';

/**
 * Planners for the slides that are not lists: the title slide, the condensed
 * sections (framework, summary, conclusion), the closing slide; and the
 * pieces every planner uses: slide titles, what a point shows on its slide,
 * person cards, list items.
 */

/** " (2 of 3)" when a run of slides continues, else nothing. */
export function partOf(index: number, count: number): string {
  return count > 1 ? ` (${index + 1} of ${count})` : '';
}

/**
 * A slide's title on one line, also in DejaVu Sans (a title that wrapped would
 * grow into the running head): the heading and its `suffix` ("(2 of 3)"),
 * smaller, then the heading shortened (never the suffix), if long.
 */
export function slideTitle(
  context: PlanContext,
  text: string,
  suffix = '',
  style = context.styles.slideTitle,
  widthPt = context.grid.title.w,
): TextParagraph {
  for (const sizePt of [style.sizePt, style.sizePt - 4, style.sizePt - 8]) {
    const sized = { ...style, sizePt, lineSpacingPt: style.lineSpacingPt - (style.sizePt - sizePt) };
    if (wrapLines([{ text: text + suffix }], sized, widthPt, 'roomy').length === 1)
      return para(text + suffix, sized);
  }
  const smallest = { ...style, sizePt: style.sizePt - 8, lineSpacingPt: style.lineSpacingPt - 8 };
  context.warn(
    `${context.report.source}: the heading "${text}" is too long for a slide title; shortened on the slide`,
  );
  const room = widthPt - textWidth(suffix, smallest, 'roomy') / WIDTH_SAFETY;
  return para(
    [...shorten([{ text }], smallest, room, 1).runs, ...(suffix ? [{ text: suffix }] : [])],
    smallest,
  );
}

/**
 * What a point shows on its slide: its short form when the report gives one
 * (`{text, slide}`); else its first sentence, when that stands alone as a
 * sentence (the point has more than one; the first ends as a sentence does,
 * has four words or more and no colon); else the whole point. The notes always carry the full text.
 */
export function onSlide(point: Inline, short?: Inline): Inline {
  if (short) return short;
  const all = sentences(point);
  const first = all[0];
  if (all.length < 2 || !first) return point;
  const text = plain(first);
  // A sentence with a colon leads into what follows (a list, a quotation): it does not stand alone.
  return /[.!?]["'”’)]*$/u.test(text) && !text.includes(':') && wordCount(first) >= 4 ? first : point;
}

/**
 * Items of a list measured for a placeholder `widthPt` wide with a hanging
 * indent of `indentPt` (the bullet): each item too tall for an empty
 * placeholder (with room for DejaVu) is split at a sentence end, with a
 * warning; then the pieces are packed onto as few slides as they fit, at most
 * `maxWords` words a slide (the slide's other text counted off
 * WORDS_PER_SLIDE by the caller), evened out across the slides.
 */
export function listPages(
  context: PlanContext,
  items: Inline[],
  style: TextStyle,
  widthPt: number,
  capacityPt: number,
  gapPt: number,
  label: (index: number) => string,
  indentPt = 0,
  maxWords: number | ((page: number) => number) = WORDS_PER_SLIDE,
): { block: TextBlock; item: number; words: number }[][] {
  const measure = (runs: Inline) => block([para(runs, style, undefined, indentPt)], widthPt);
  const pieces = items.flatMap((runs, item) => {
    const parts = splitToFit(runs, (r) => measure(r).roomPt, capacityPt);
    if (parts.length > 1)
      context.warn(
        `${context.report.source}: ${label(item)} is too long for one slide; it ` +
          `is split across ${parts.length} slides`,
      );
    return parts.map((part) => ({ block: measure(part), item, words: wordCount(part) }));
  });
  return paginate(pieces, (p) => p.block.roomPt, capacityPt, gapPt, { of: (p) => p.words, max: maxWords });
}

/**
 * A person's name (unless the slide's title is the name), role and
 * affiliation, fitted to a card `widthPt` × `maxHeightPt` (affiliation
 * shortened last), measured with room for DejaVu.
 */
export function personCard(
  context: PlanContext,
  person: Person,
  widthPt: number,
  maxHeightPt: number,
  withName = true,
): PersonCard {
  const { styles } = context;
  const name = withName ? [para(shorten(person.name, styles.name, widthPt, 3).runs, styles.name)] : [];
  let role = person.role
    ? [para(person.role.toLocaleUpperCase(context.report.language), styles.role, withName ? 8 : 0)]
    : [];
  let lines = person.affiliation.map((line, i) =>
    para(line, styles.affiliation, i === 0 && (withName || role.length) ? 10 : i === 0 ? 0 : 4),
  );
  const measure = (paragraphs: TextParagraph[]) => block(paragraphs, widthPt);
  let card = measure([...name, ...role, ...lines]);
  let shortened = false;
  while (card.roomPt > maxHeightPt && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    const spare =
      maxHeightPt - measure([...name, ...role, ...lines.slice(0, -1)]).roomPt - (last.spaceBeforePt ?? 0);
    const maxLines = Math.floor(spare / styles.affiliation.lineSpacingPt);
    lines =
      maxLines >= 1
        ? [
            ...lines.slice(0, -1),
            { ...last, runs: shorten(last.runs, styles.affiliation, widthPt, maxLines).runs },
          ]
        : lines.slice(0, -1);
    if (maxLines >= 1 && measure([...name, ...role, ...lines]).roomPt > maxHeightPt)
      lines = lines.slice(0, -1);
    card = measure([...name, ...role, ...lines]);
    shortened = true;
  }
  // A role too long for the card even alone: shortened to the lines left under the name.
  let roleShortened = false;
  if (card.roomPt > maxHeightPt && role.length) {
    const spare = maxHeightPt - measure(name).roomPt - (role[0]!.spaceBeforePt ?? 0);
    const maxLines = Math.max(1, Math.floor(spare / styles.role.lineSpacingPt));
    role = [{ ...role[0]!, runs: shorten(role[0]!.runs, styles.role, widthPt, maxLines).runs }];
    card = measure([...name, ...role]);
    roleShortened = true;
  }
  if (shortened || roleShortened)
    context.warn(
      `${context.report.source}: the ${roleShortened ? 'role' : 'affiliation'} of ${person.nameText} is too ` +
        `long for a slide; shortened there, in full in the notes`,
    );
  return { person, text: card };
}

/** Notes lines describing a person. */
export function personNotes(person: Person): string[] {
  return [[person.nameText, person.role, ...person.affiliation].filter(Boolean).join(', ')];
}

/**
 * The title slide: the kind of event; the title in the title placeholder (set
 * smaller when long, then shortened); subtitle, date, time and venue in the
 * details placeholder; the report label at the foot.
 */
export function planCover(context: PlanContext): PlannedSlide {
  const { report, styles, grid } = context;
  const { event } = report;
  const { cover } = grid;
  const width = cover.w;
  const titleStyle = (step: number) => ({
    ...styles.coverTitle,
    sizePt: styles.coverTitle.sizePt - 4 * step,
    lineSpacingPt: styles.coverTitle.lineSpacingPt - 4.5 * step,
  });
  let title = para(event.title, titleStyle(0));
  for (let step = 1; step <= 3 && block([title], width).roomPt > cover.h; step++)
    title = para(event.title, titleStyle(step));
  let shortened = false;
  if (block([title], width).roomPt > cover.h) {
    const style = titleStyle(3);
    title = para(shorten(event.title, style, width, Math.floor(cover.h / style.lineSpacingPt)).runs, style);
    shortened = true;
  }
  const timeAndVenue = [event.timeText, event.venue].filter(Boolean).join('  ·  ');
  const detailLines = (subtitleLines: number) => [
    ...(event.subtitle
      ? [para(shorten(event.subtitle, styles.coverSubtitle, width, subtitleLines).runs, styles.coverSubtitle)]
      : []),
    para(
      shorten([{ text: event.dateText }], styles.coverDetail, width, 1).runs,
      styles.coverDetail,
      event.subtitle ? 10 : 0,
    ),
    ...(timeAndVenue
      ? [para(shorten([{ text: timeAndVenue }], styles.coverDetail, width, 1).runs, styles.coverDetail, 4)]
      : []),
  ];
  let details = block(detailLines(2), width);
  if (details.roomPt > cover.details.h) details = block(detailLines(1), width);
  if (
    shortened ||
    (event.subtitle &&
      wrapLines(event.subtitle, styles.coverSubtitle, width, 'roomy').length > details.lines[0]!)
  ) {
    context.warn(
      `${report.source}: the event title is too long for the title slide; shortened there, in full in the notes`,
    );
  }
  const kind = para(
    shorten([{ text: event.kind.toLocaleUpperCase(report.language) }], styles.coverKind, width, 1).runs,
    styles.coverKind,
  );
  const notes = [
    `${event.kind}: ${event.titleText}`,
    event.subtitleText,
    [event.dateText, event.timeText, event.venue].filter(Boolean).join(', '),
    `${report.label}, ${report.brand.organisation.full}`,
  ];
  return {
    layout: 'cover',
    section: 'cover',
    title,
    kind,
    details,
    byline: byline(context),
    notes: notes.filter((n): n is string => !!n),
  };
}

/** "Brief Report  ·  South Asia Times" under the title slide and the closing slide, on one line. */
function byline(context: PlanContext): TextParagraph {
  const { report, styles, grid } = context;
  const text = `${report.label}  ·  ${report.brand.organisation.full}`;
  return para(shorten([{ text }], styles.coverDetail, grid.cover.byline.w, 1).runs, styles.coverDetail);
}

/**
 * Framework, summary or conclusion: on the slide, each framework point's short
 * form (when the framework is written as points with `slide`), else the lead
 * sentences; the full text in the notes.
 */
export function planSections(
  context: PlanContext,
  key: 'framework' | 'summary' | 'conclusion',
): PlannedSlide[] {
  const paragraphs = context.report[key];
  if (!paragraphs?.length) return [];
  const { grid, styles, report } = context;
  const shorts = key === 'framework' ? report.frameworkOnSlide : [];
  const shown = shorts.some(Boolean) ? paragraphs.map((p, i) => onSlide(p, shorts[i])) : condense(paragraphs);
  const pages = listPages(
    context,
    shown,
    styles.lead,
    grid.text.w,
    grid.text.h,
    grid.gap + 6,
    (i) => `${key}, sentence ${i + 1}`,
    grid.marker.textIndent,
    WORDS_PER_SLIDE - wordCount([{ text: report.headings[key] }]) - 4,
  );
  const notes = paragraphs.map(plain);
  return pages.map((page, i) => ({
    layout: 'text',
    section: key,
    title: slideTitle(context, report.headings[key], partOf(i, pages.length)),
    items: page.map((p) => p.block),
    notes,
  }));
}

/** The closing slide: thanks and the contact details (the report's, else the brand's). */
export function planThanks(context: PlanContext): PlannedSlide[] {
  const { report, styles, grid } = context;
  const { contact, thanks } = report;
  const lines = [contact.phone, contact.email, contact.website, contact.address].filter(
    (l): l is string => !!l,
  );
  if (!thanks && lines.length === 0) return [];
  const details = lines.map((line, i) =>
    para(
      shorten([{ text: line }], styles.coverDetail, grid.closing.contact.w, 2).runs,
      styles.coverDetail,
      i === 0 ? 0 : 6,
    ),
  );
  const notes = thanks
    ? [[thanks.nameText, thanks.role].filter(Boolean).join(', ') + ':', ...thanks.text.map(plain)]
    : [];
  return [
    {
      layout: 'thanks',
      section: 'thanks',
      title: para(report.labels.thankYou, styles.thanksTitle),
      text: block(details, grid.closing.contact.w),
      byline: byline(context),
      notes: [...notes, ...(lines.length ? [`${report.headings.contact}: ${lines.join(' · ')}`] : [])],
    },
  ];
}
