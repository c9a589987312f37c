import { plain, type Inline } from '../model/inline.ts';
import type { Person } from '../model/types.ts';
import { condense } from './condense.ts';
import { wrapLines, type TextParagraph, type TextStyle } from './measure-text.ts';
import { block, para, paginate, shorten, splitToFit, type TextBlock } from './slide-fit.ts';
import type { PersonCard, PlanContext, PlannedSlide } from './slide-plan.ts';

/**
 * Planners for the slides that are not lists: the cover, the condensed
 * sections (framework, summary, conclusion), the thank-you slide; and the
 * pieces every planner uses: slide titles, person cards, list items.
 */

/** A slide's title on one line: the heading, "(cont.)" when continued; smaller, then shortened, if long. */
export function slideTitle(context: PlanContext, heading: string, continued: boolean, style = context.styles.slideTitle, widthPt = context.grid.title.w): TextParagraph {
  const text = continued ? `${heading} (cont.)` : heading;
  for (const sizePt of [style.sizePt, style.sizePt - 4, style.sizePt - 8]) {
    const sized = { ...style, sizePt, lineSpacingPt: style.lineSpacingPt - (style.sizePt - sizePt) };
    if (wrapLines([{ text }], sized, widthPt).length === 1) return para(text, sized);
  }
  const smallest = { ...style, sizePt: style.sizePt - 8, lineSpacingPt: style.lineSpacingPt - 8 };
  context.warn(`${context.report.source}: the heading "${text}" is too long for a slide title; shortened on the slide`);
  return para(shorten([{ text }], smallest, widthPt, 1).runs, smallest);
}

/**
 * Items of a list measured for a box: each item that is too tall for an empty
 * box is split at a sentence end (with a warning), then the pieces are packed
 * onto as few slides as they fit.
 */
export function listPages(context: PlanContext, items: Inline[], style: TextStyle, widthPt: number, capacityPt: number, gapPt: number, label: (index: number) => string): { block: TextBlock; item: number }[][] {
  const measure = (runs: Inline) => block([para(runs, style)], widthPt);
  const pieces = items.flatMap((runs, item) => {
    const parts = splitToFit(runs, (r) => measure(r).heightPt, capacityPt);
    if (parts.length > 1) context.warn(`${context.report.source}: ${label(item)} is too long for one slide; it is split across ${parts.length} slides`);
    return parts.map((part) => ({ block: measure(part), item }));
  });
  return paginate(pieces, (p) => p.block.heightPt, capacityPt, gapPt);
}

/** A person's name, role and affiliation, fitted to a card `widthPt` × `maxHeightPt` (affiliation shortened last). */
export function personCard(context: PlanContext, person: Person, widthPt: number, maxHeightPt: number): PersonCard {
  const { styles } = context;
  const name = para(shorten(person.name, styles.name, widthPt, 3).runs, styles.name);
  const role = person.role ? [para(person.role.toLocaleUpperCase(context.report.language), styles.role, 8)] : [];
  let lines = person.affiliation.map((line, i) => para(line, styles.affiliation, i === 0 ? 10 : 4));
  let card = block([name, ...role, ...lines], widthPt);
  let shortened = false;
  while (card.heightPt > maxHeightPt && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    const spare = maxHeightPt - block([name, ...role, ...lines.slice(0, -1)], widthPt).heightPt - (last.spaceBeforePt ?? 0);
    const maxLines = Math.floor(spare / styles.affiliation.lineSpacingPt);
    lines = maxLines >= 1 ? [...lines.slice(0, -1), { ...last, runs: shorten(last.runs, styles.affiliation, widthPt, maxLines).runs }] : lines.slice(0, -1);
    if (maxLines >= 1 && block([name, ...role, ...lines], widthPt).heightPt > maxHeightPt) lines = lines.slice(0, -1);
    card = block([name, ...role, ...lines], widthPt);
    shortened = true;
  }
  if (shortened) context.warn(`${context.report.source}: the affiliation of ${person.nameText} is too long for a slide; shortened there, in full in the notes`);
  return { person, text: card };
}

/** Notes lines describing a person. */
export function personNotes(person: Person): string[] {
  return [[person.nameText, person.role, ...person.affiliation].filter(Boolean).join(', ')];
}

/** The cover: kind, title, subtitle, date, time and venue; the title set smaller when long. */
export function planCover(context: PlanContext): PlannedSlide {
  const { report, styles, grid } = context;
  const { event } = report;
  const width = grid.cover.w;
  const details = block([event.dateText, [event.timeText, event.venue].filter(Boolean).join('  ·  ')].filter(Boolean).map((d, i) => para(d, styles.coverDetail, i === 0 ? 0 : 4)), width);
  const titleStyle = (step: number) => ({ ...styles.coverTitle, sizePt: styles.coverTitle.sizePt - 4 * step, lineSpacingPt: styles.coverTitle.lineSpacingPt - 4.5 * step });
  const compose = (step: number, titleRuns: Inline, subtitleRuns?: Inline) => {
    const title = block([para(titleRuns, titleStyle(step))], width);
    const subtitle = subtitleRuns ? block([para(subtitleRuns, styles.coverSubtitle)], width) : undefined;
    return { title, subtitle, heightPt: title.heightPt + (subtitle ? COVER_GAP + subtitle.heightPt : 0) + 2 * COVER_GAP + details.heightPt };
  };
  let text = compose(0, event.title, event.subtitle);
  for (let step = 1; step <= 3 && text.heightPt > grid.cover.h; step++) text = compose(step, event.title, event.subtitle);
  if (text.heightPt > grid.cover.h) {
    const subtitle = event.subtitle && shorten(event.subtitle, styles.coverSubtitle, width, 2).runs;
    text = compose(3, shorten(event.title, titleStyle(3), width, 4).runs, subtitle);
    context.warn(`${report.source}: the event title is too long for the title slide; shortened there, in full in the notes`);
  }
  const kind = para(shorten([{ text: event.kind.toLocaleUpperCase(report.language) }], styles.coverKind, width, 1).runs, styles.coverKind);
  const notes = [`${event.kind}: ${event.titleText}`, event.subtitleText, [event.dateText, event.timeText, event.venue].filter(Boolean).join(', '), `${report.label}, ${report.brand.organisation.full}`];
  return {
    layout: 'cover',
    section: 'cover',
    title: para(event.titleText, styles.coverTitle),
    kind,
    heading: text.title,
    subtitle: text.subtitle,
    details,
    gapPt: COVER_GAP,
    byline: byline(context),
    notes: notes.filter((n): n is string => !!n),
  };
}

/** Space between the cover's title, subtitle and details (twice that before the details). */
const COVER_GAP = 14;

/** "Brief Report  ·  South Asia Times" under the cover and the closing slide, on one line. */
function byline(context: PlanContext): TextParagraph {
  const { report, styles, grid } = context;
  const text = `${report.label}  ·  ${report.brand.organisation.full}`;
  return para(shorten([{ text }], styles.coverDetail, grid.cover.w, 1).runs, styles.coverDetail);
}

/** Framework, summary or conclusion: the lead sentences on the slide, the full text in the notes. */
export function planSections(context: PlanContext, key: 'framework' | 'summary' | 'conclusion'): PlannedSlide[] {
  const paragraphs = context.report[key];
  if (!paragraphs?.length) return [];
  const { grid, styles, report } = context;
  const pages = listPages(context, condense(paragraphs), styles.lead, grid.text.w - grid.marker.textIndent, grid.text.h, grid.gap + 6, (i) => `${key}, sentence ${i + 1}`);
  const notes = paragraphs.map(plain);
  return pages.map((page, i) => ({ layout: 'text', section: key, title: slideTitle(context, report.headings[key], i > 0), items: page.map((p) => p.block), notes }));
}

/** The closing slide: thanks and the contact details (the report's, else the brand's). */
export function planThanks(context: PlanContext): PlannedSlide[] {
  const { report, styles, grid } = context;
  const { contact, thanks } = report;
  const lines = [contact.phone, contact.email, contact.website, contact.address].filter((l): l is string => !!l);
  if (!thanks && lines.length === 0) return [];
  const details = lines.map((line, i) => para(shorten([{ text: line }], styles.coverDetail, grid.cover.w, 2).runs, styles.coverDetail, i === 0 ? 0 : 6));
  const notes = thanks ? [[thanks.nameText, thanks.role].filter(Boolean).join(', ') + ':', ...thanks.text.map(plain)] : [];
  return [{
    layout: 'thanks',
    section: 'thanks',
    title: para('Thank you', styles.thanksTitle),
    text: block(details, grid.cover.w),
    byline: byline(context),
    notes: [...notes, ...(lines.length ? [`${report.headings.contact}: ${lines.join(' · ')}`] : [])],
  }];
}
