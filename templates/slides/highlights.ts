import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { PLACEHOLDERS, pictureBoxes } from './masters.ts';
import { at, fillPlaceholder, type DrawContext, type Slide } from './parts.ts';

type Highlights = Extract<PlannedSlide, { layout: 'highlights' }>;

/** One or two images of the event, each whole (fitted, not cropped) in its frame, its caption in the
 * placeholder under it. */
export async function drawHighlights(slide: Slide, planned: Highlights, context: DrawContext): Promise<void> {
  const { colors } = context.theme;
  fillPlaceholder(slide, PLACEHOLDERS.title, [planned.title], colors.heading, context, { valign: 'bottom' });
  const boxes = pictureBoxes(planned.items.length);
  for (const [i, item] of planned.items.entries()) {
    const { frame } = boxes[i]!;
    const image = await context.image(item.image, frame, 'contain');
    const scale = Math.min(frame.w / image.width, frame.h / image.height);
    const placed = {
      w: image.width * scale,
      h: image.height * scale,
      x: 0,
      y: frame.y + (frame.h - image.height * scale),
    };
    placed.x = frame.x + (frame.w - placed.w) / 2;
    slide.addImage({ data: image.data, ...at(placed), altText: item.alt });
    if (item.caption)
      fillPlaceholder(slide, PLACEHOLDERS.caption(i), item.caption.paragraphs, colors.muted, context, {
        align: 'center',
      });
  }
}
