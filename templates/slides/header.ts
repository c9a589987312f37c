import type { TextParagraph } from '../../scripts/lib/layout/measure-text.ts';
import { grid } from './grid.ts';
import { drawShape, drawText, type DrawContext, type Slide } from './parts.ts';

/** A content slide's title in the brand colour, with the short accent rule under it. */
export function drawHeader(slide: Slide, title: TextParagraph, context: DrawContext): void {
  const { colors } = context.theme;
  const box = { ...grid.title, y: grid.title.y + grid.title.h - title.style.lineSpacingPt, h: title.style.lineSpacingPt };
  drawText(slide, [title], box, colors.primary, context, { name: 'Title' });
  drawShape(slide, grid.rule, colors.accent, 'rect', 'Accent rule');
}
