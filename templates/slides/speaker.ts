import type { Box, PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { partHeight } from '../../scripts/lib/layout/slide-fit.ts';
import { grid } from './grid.ts';
import { drawPortrait, drawShape, drawText, type DrawContext, type Slide } from './parts.ts';

type Speaker = Extract<PlannedSlide, { layout: 'speaker' }>;

/**
 * A speaker: on the tinted panel (SPEAKER master) the round photo or initials,
 * name, role and affiliation; beside it the section kicker and the points,
 * each with an accent marker.
 */
export async function drawSpeaker(slide: Slide, speaker: Speaker, context: DrawContext): Promise<void> {
  const { colors } = context.theme;
  await drawPortrait(slide, speaker.card.person, grid.disc, context);
  drawCard(slide, speaker.card, grid.card, context);
  drawText(slide, [speaker.title], { ...grid.speakerKicker, h: speaker.title.style.lineSpacingPt }, colors.accent, context, { name: 'Section' });
  drawShape(slide, grid.speakerRule, colors.accent, 'rect', 'Accent rule');
  let y = grid.points.y;
  for (const [i, point] of speaker.points.entries()) {
    const style = point.paragraphs[0]!.style;
    drawShape(slide, { x: grid.points.x, y: y + (style.lineSpacingPt - grid.marker.size) / 2, w: grid.marker.size, h: grid.marker.size }, colors.accent, 'rect', `Marker ${i + 1}`);
    drawText(slide, point.paragraphs, { x: grid.points.x + grid.marker.textIndent, y, w: grid.points.w - grid.marker.textIndent, h: point.heightPt }, colors.text, context, { name: `Point ${i + 1}` });
    y += point.heightPt + grid.gap;
  }
}

/** Name (brand colour), role (accent) and affiliation (muted), centred in a card box, as one text box per colour. */
export function drawCard(slide: Slide, card: Speaker['card'], box: Box, context: DrawContext): void {
  const { colors } = context.theme;
  const { paragraphs } = card.text;
  const name = paragraphs[0]!;
  const hasRole = !!card.person.role;
  const groups = [
    { paragraphs: [name], color: colors.primary, label: 'Name' },
    { paragraphs: hasRole ? [paragraphs[1]!] : [], color: colors.accent, label: 'Role' },
    { paragraphs: paragraphs.slice(hasRole ? 2 : 1), color: colors.muted, label: 'Affiliation' },
  ];
  let y = box.y;
  for (const group of groups) {
    if (group.paragraphs.length === 0) continue;
    const height = partHeight(card.text, group.paragraphs);
    drawText(slide, group.paragraphs, { x: box.x, y, w: box.w, h: height }, group.color, context, { align: 'center', name: group.label });
    y += height;
  }
}
