import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { cardBoxes, PLACEHOLDERS } from './masters.ts';
import { drawPortrait, fillPlaceholder, type DrawContext, type Slide } from './parts.ts';
import { drawCard } from './speaker.ts';

type People = Extract<PlannedSlide, { layout: 'people' }>;

/** The moderators, on the Moderators layout for their number: the title, then each card's portrait and its text placeholder. */
export async function drawPeople(slide: Slide, planned: People, context: DrawContext): Promise<void> {
  const { people: box } = grid;
  fillPlaceholder(slide, PLACEHOLDERS.title, [planned.title], context.theme.colors.primary, context, { valign: 'bottom' });
  const cards = cardBoxes(planned.people.length);
  for (const [i, card] of planned.people.entries()) {
    const at = cards[i]!;
    await drawPortrait(slide, card.person, { x: at.x + (at.w - box.disc) / 2, y: at.y + box.discTop, w: box.disc, h: box.disc }, context);
    drawCard(slide, PLACEHOLDERS.card(i), card, context);
  }
}
