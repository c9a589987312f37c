import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { drawHeader } from './header.ts';
import { drawShape, drawText, type DrawContext, type Slide } from './parts.ts';

type Section = Extract<PlannedSlide, { layout: 'text' }>;

/** Framework, summary or conclusion in brief: the lead sentences, each beside an accent marker. */
export function drawSection(slide: Slide, section: Section, context: DrawContext): void {
  const { colors } = context.theme;
  drawHeader(slide, section.title, context);
  let y = grid.text.y;
  for (const [i, item] of section.items.entries()) {
    const style = item.paragraphs[0]!.style;
    drawShape(slide, { x: grid.text.x, y: y + (style.lineSpacingPt - grid.marker.size) / 2, w: grid.marker.size, h: grid.marker.size }, colors.accent, 'rect', `Marker ${i + 1}`);
    drawText(slide, item.paragraphs, { x: grid.text.x + grid.marker.textIndent, y, w: grid.text.w - grid.marker.textIndent, h: item.heightPt }, colors.text, context, { name: `Item ${i + 1}` });
    y += item.heightPt + grid.gap + 6;
  }
}
