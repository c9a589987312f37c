import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { grid } from './grid.ts';
import { PLACEHOLDERS } from './masters.ts';
import { fillPlaceholder, type DrawContext, type Slide } from './parts.ts';

type Recommendations = Extract<PlannedSlide, { layout: 'recommendations' }>;

/**
 * Numbered recommendations, on the Recommendations layout: one body
 * placeholder, each recommendation a paragraph numbered by PowerPoint itself
 * (continuing across slides), the number in the accent colour and the heading
 * font hanging before the text. A recommendation split across slides shows
 * its number once.
 */
export function drawRecommendations(slide: Slide, planned: Recommendations, context: DrawContext): void {
  const { colors } = context.theme;
  const indent = planned.numberWidth;
  fillPlaceholder(slide, PLACEHOLDERS.title, [planned.title], colors.heading, context, { valign: 'bottom' });
  const paragraphs = planned.items.flatMap((item, i) =>
    item.text.paragraphs.map((p, j) => ({
      ...p,
      spaceBeforePt: i > 0 && j === 0 ? grid.gap + 4 : p.spaceBeforePt,
    })),
  );
  fillPlaceholder(slide, PLACEHOLDERS.body, paragraphs, colors.text, context, {
    bullet: (i) => {
      const number = planned.items[i]!.number;
      // A continued piece hangs at the same indent behind an invisible bullet (pptxgenjs writes no indent
      // with buNone).
      return number > 0
        ? { type: 'number', style: 'arabicPeriod', numberStartAt: number, indent, color: colors.accent }
        : { characterCode: '00A0', indent };
    },
  });
}
