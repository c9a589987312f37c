import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { PLACEHOLDERS } from './masters.ts';
import { fillPlaceholder, type DrawContext, type Slide } from './parts.ts';

type Cover = Extract<PlannedSlide, { layout: 'cover' }>;

/**
 * The title slide, on the Title layout (brand colour, logo, rules): the event's
 * title in the title placeholder, its kind above, subtitle, date, time and
 * venue below, the report label at the foot; in reading order.
 */
export function drawCover(slide: Slide, cover: Cover, context: DrawContext): void {
  const { colors } = context.theme;
  fillPlaceholder(slide, PLACEHOLDERS.title, [cover.title], colors.onPrimary, context, { valign: 'bottom' });
  fillPlaceholder(slide, PLACEHOLDERS.kind, [cover.kind], colors.onPrimary, context);
  fillPlaceholder(slide, PLACEHOLDERS.details, cover.details.paragraphs, colors.onPrimary, context);
  fillPlaceholder(slide, PLACEHOLDERS.byline, [cover.byline], colors.onPrimaryMuted, context);
}
