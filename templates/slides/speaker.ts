import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { grid } from './grid.ts';
import { PLACEHOLDERS } from './masters.ts';
import { drawPortrait, fillPlaceholder, runsOf, type DrawContext, type Slide } from './parts.ts';
import { squareBullet } from './section.ts';

type Speaker = Extract<PlannedSlide, { layout: 'speaker' }>;

/**
 * A speaker, on the Speaker layout (the tinted panel, the section label): the
 * name as the slide's title, the round photo or initials and the role and
 * affiliation on the panel, and the points in one body placeholder, each a
 * bulleted paragraph; in that reading order.
 */
export async function drawSpeaker(slide: Slide, speaker: Speaker, context: DrawContext): Promise<void> {
  const { colors } = context.theme;
  fillPlaceholder(slide, PLACEHOLDERS.title, [speaker.title], colors.heading, context, { valign: 'bottom' });
  await drawPortrait(slide, speaker.card.person, grid.disc, context, PLACEHOLDERS.photo);
  drawCard(slide, PLACEHOLDERS.person, speaker.card, context);
  const paragraphs = speaker.points.flatMap((point, i) =>
    point.paragraphs.map((p, j) => ({ ...p, spaceBeforePt: i > 0 && j === 0 ? grid.gap : p.spaceBeforePt })),
  );
  fillPlaceholder(slide, PLACEHOLDERS.body, paragraphs, colors.text, context, {
    bullet: () => squareBullet(colors.accent),
  });
}

/** Name (brand colour), role (accent) and affiliation (muted), centred, as paragraphs of one placeholder. */
export function drawCard(
  slide: Slide,
  placeholder: string,
  card: Speaker['card'],
  context: DrawContext,
): void {
  const { colors } = context.theme;
  const { paragraphs } = card.text;
  const roleAt = card.person.role ? paragraphs.findIndex((p) => p.style === context.theme.text.role) : -1;
  const colour = (i: number) =>
    i === roleAt
      ? colors.accent
      : paragraphs[i]!.style === context.theme.text.name
        ? colors.heading
        : colors.muted;
  // One placeholder, a colour per paragraph: the runs of each paragraph carry its colour.
  const runs = paragraphs.flatMap((p, i) =>
    runsOf([p], colour(i), context.lang, 'center').map((run, j, all) =>
      j === all.length - 1 && i < paragraphs.length - 1
        ? { ...run, options: { ...run.options, breakLine: true } }
        : run,
    ),
  );
  slide.addText(runs, { placeholder, margin: 0, valign: 'top', wrap: true, objectName: placeholder });
}
