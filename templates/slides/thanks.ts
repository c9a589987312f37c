import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { PLACEHOLDERS } from './masters.ts';
import { fillPlaceholder, type DrawContext, type Slide } from './parts.ts';

type Thanks = Extract<PlannedSlide, { layout: 'thanks' }>;

/** The closing slide, on the Closing layout (the title slide's colours): "Thank you" and how to reach the
 * organisation. */
export function drawThanks(slide: Slide, thanks: Thanks, context: DrawContext): void {
  const { colors } = context.theme;
  fillPlaceholder(slide, PLACEHOLDERS.title, [thanks.title], colors.onPrimary, context, { valign: 'bottom' });
  fillPlaceholder(slide, PLACEHOLDERS.contact, thanks.text.paragraphs, colors.onPrimary, context);
  fillPlaceholder(slide, PLACEHOLDERS.byline, [thanks.byline], colors.onPrimaryMuted, context);
}
