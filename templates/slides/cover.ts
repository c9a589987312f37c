import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { drawBrandMark, drawShape, drawText, type DrawContext, type Slide } from './parts.ts';

type Cover = Extract<PlannedSlide, { layout: 'cover' }>;

/**
 * The title slide: the brand colour edge to edge (from the COVER master), the
 * logo, the kind of event over an accent rule, the title, subtitle, date, time
 * and venue, and the report label with the organisation at the foot.
 */
export function drawCover(slide: Slide, cover: Cover, context: DrawContext): void {
  const { colors } = context.theme;
  const { cover: box } = grid;
  drawBrandMark(slide, box.logo, context);
  // Kind, title, subtitle and details stay together, centred in the space the plan measured for.
  const { heading, subtitle, details, gapPt } = cover;
  const total = heading.heightPt + (subtitle ? gapPt + subtitle.heightPt : 0) + 2 * gapPt + details.heightPt;
  let y = box.y + Math.max(0, (box.h - total) / 2);
  const kindY = y - 40;
  drawShape(slide, { x: box.x, y: kindY - 14, w: 48, h: 4 }, colors.accent, 'rect', 'Accent rule');
  drawText(slide, [cover.kind], { x: box.x, y: kindY, w: box.w, h: cover.kind.style.lineSpacingPt }, colors.onPrimary, context, { name: 'Kind' });
  drawText(slide, heading.paragraphs, { x: box.x, y, w: box.w, h: heading.heightPt }, colors.onPrimary, context, { name: 'Title' });
  y += heading.heightPt;
  if (subtitle) {
    drawText(slide, subtitle.paragraphs, { x: box.x, y: y + gapPt, w: box.w, h: subtitle.heightPt }, colors.onPrimaryMuted, context, { name: 'Subtitle' });
    y += gapPt + subtitle.heightPt;
  }
  drawShape(slide, { x: box.x, y: y + gapPt - 1, w: 96, h: 1.5 }, colors.accent, 'rect', 'Rule');
  drawText(slide, details.paragraphs, { x: box.x, y: y + 2 * gapPt, w: box.w, h: details.heightPt }, colors.onPrimary, context, { name: 'Date, time and venue' });
  drawText(slide, [cover.byline], { x: box.x, y: 476, w: box.w, h: cover.byline.style.lineSpacingPt }, colors.onPrimaryMuted, context, { name: 'Report label' });
}
