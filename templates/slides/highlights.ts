import type { PlannedSlide } from '../../scripts/lib/layout/slide-plan.ts';
import { grid } from './grid.ts';
import { drawHeader } from './header.ts';
import { at, drawText, type DrawContext, type Slide } from './parts.ts';

type Highlights = Extract<PlannedSlide, { layout: 'highlights' }>;

/** One or two images of the event, each whole (fitted, not cropped) above its caption. */
export async function drawHighlights(slide: Slide, planned: Highlights, context: DrawContext): Promise<void> {
  const { highlights: box } = grid;
  const { colors, text } = context.theme;
  drawHeader(slide, planned.title, context);
  const width = planned.items.length === 1 ? box.w * 0.75 : (box.w - box.gap) / 2;
  const captionSpace = box.captionLines * text.caption.lineSpacingPt + 12;
  let x = box.x + (box.w - (planned.items.length * width + (planned.items.length - 1) * box.gap)) / 2;
  for (const item of planned.items) {
    const frame = { x, y: box.y, w: width, h: box.h - captionSpace };
    const image = await context.image(item.image, frame, 'contain');
    const scale = Math.min(frame.w / image.width, frame.h / image.height);
    const placed = { w: image.width * scale, h: image.height * scale, x: 0, y: frame.y };
    placed.x = frame.x + (frame.w - placed.w) / 2;
    slide.addImage({ data: image.data, ...at(placed), altText: item.alt });
    if (item.caption) drawText(slide, item.caption.paragraphs, { x: frame.x, y: placed.y + placed.h + 12, w: width, h: item.caption.heightPt }, colors.muted, context, { align: 'center', name: 'Caption' });
    x += width + box.gap;
  }
}
