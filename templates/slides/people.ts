import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { drawHeader } from './header.ts';
import { drawPortrait, drawShape, type DrawContext, type Slide } from './parts.ts';
import { drawCard } from './speaker.ts';

type People = Extract<PlannedSlide, { layout: 'people' }>;

/** The moderators: cards side by side, centred, each a round photo or initials over name, role and affiliation. */
export async function drawPeople(slide: Slide, planned: People, context: DrawContext): Promise<void> {
  const { people: box } = grid;
  drawHeader(slide, planned.title, context);
  const width = (box.w - box.gap * (box.perSlide - 1)) / box.perSlide;
  const used = planned.people.length * width + (planned.people.length - 1) * box.gap;
  // Cards as tall as the tallest needs, centred in the content area.
  const height = box.textTop + Math.max(...planned.people.map((c) => c.text.heightPt)) + box.inset + 8;
  const y = box.y + (box.h - height) / 2;
  let x = box.x + (box.w - used) / 2;
  for (const card of planned.people) {
    drawShape(slide, { x, y, w: width, h: height }, context.theme.colors.tint, 'rect', 'Card');
    drawShape(slide, { x, y, w: width, h: 4 }, context.theme.colors.accent, 'rect', 'Card edge');
    await drawPortrait(slide, card.person, { x: x + (width - box.disc) / 2, y: y + box.discTop, w: box.disc, h: box.disc }, context);
    drawCard(slide, card, { x: x + box.inset, y: y + box.textTop, w: width - 2 * box.inset, h: card.text.heightPt }, context);
    x += width + box.gap;
  }
}
