import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { drawHeader } from './header.ts';
import { drawShape, drawText, type DrawContext, type Slide } from './parts.ts';

type Recommendations = Extract<PlannedSlide, { layout: 'recommendations' }>;

/** Numbered recommendations: a large number in the accent colour beside each, a hairline between them. */
export function drawRecommendations(slide: Slide, planned: Recommendations, context: DrawContext): void {
  const { colors, text } = context.theme;
  const { recommendations: box } = grid;
  drawHeader(slide, planned.title, context);
  const gap = grid.gap + 4;
  let y = box.y;
  for (const [i, item] of planned.items.entries()) {
    if (i > 0) drawShape(slide, { x: box.x + box.numberWidth, y: y - gap / 2, w: box.w - box.numberWidth, h: 0.75 }, colors.tint, 'rect', 'Separator');
    if (item.number > 0) {
      // The number's cap height lines up with the text's first line.
      const numberBox = { x: box.x, y: y - (text.number.lineSpacingPt - text.body.lineSpacingPt) / 2, w: box.numberWidth - 12, h: text.number.lineSpacingPt };
      drawText(slide, [{ runs: [{ text: String(item.number).padStart(2, '0') }], style: text.number }], numberBox, colors.accent, context, { name: `Number ${item.number}` });
    }
    drawText(slide, item.text.paragraphs, { x: box.x + box.numberWidth, y, w: box.w - box.numberWidth, h: item.text.heightPt }, colors.text, context, { name: `Recommendation ${item.number || i + 1}` });
    y += item.text.heightPt + gap;
  }
}
