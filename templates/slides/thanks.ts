import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { drawBrandMark, drawShape, drawText, type DrawContext, type Slide } from './parts.ts';

type Thanks = Extract<PlannedSlide, { layout: 'thanks' }>;

/** The closing slide, in the cover's colours: "Thank you" and how to reach the organisation. */
export function drawThanks(slide: Slide, thanks: Thanks, context: DrawContext): void {
  const { colors } = context.theme;
  const { cover: box } = grid;
  drawBrandMark(slide, box.logo, context);
  const titleHeight = thanks.title.style.lineSpacingPt;
  const total = titleHeight + 36 + thanks.text.heightPt;
  let y = box.y + Math.max(0, (box.h - total) / 2);
  drawText(slide, [thanks.title], { x: box.x, y, w: box.w, h: titleHeight }, colors.onPrimary, context, { name: 'Title' });
  y += titleHeight + 16;
  drawShape(slide, { x: box.x, y, w: 48, h: 4 }, colors.accent, 'rect', 'Accent rule');
  drawText(slide, thanks.text.paragraphs, { x: box.x, y: y + 20, w: box.w, h: thanks.text.heightPt }, colors.onPrimary, context, { name: 'Contact' });
  drawText(slide, [thanks.byline], { x: box.x, y: 476, w: box.w, h: thanks.byline.style.lineSpacingPt }, colors.onPrimaryMuted, context, { name: 'Report label' });
}
