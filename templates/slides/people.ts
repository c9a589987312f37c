import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { cardBoxes, PLACEHOLDERS, portraitBox } from './masters.ts';
import { drawPortrait, fillPlaceholder, type DrawContext, type Slide } from './parts.ts';
import { drawCard } from './speaker.ts';

type People = Extract<PlannedSlide, { layout: 'people' }>;

/** The moderators, on the Moderators layout for their number: the title, then each card's portrait and its
 * text placeholder. */
export async function drawPeople(slide: Slide, planned: People, context: DrawContext): Promise<void> {
  fillPlaceholder(slide, PLACEHOLDERS.title, [planned.title], context.theme.colors.heading, context, {
    valign: 'bottom',
  });
  const cards = cardBoxes(planned.people.length);
  for (const [i, card] of planned.people.entries()) {
    await drawPortrait(slide, card.person, portraitBox(cards[i]!), context, PLACEHOLDERS.portrait(i));
    drawCard(slide, PLACEHOLDERS.card(i), card, context);
  }
}
