import type { PlannedSlide } from '../../scripts/lib/layout/slides/types.ts';
import { grid } from './grid.ts';
import { PLACEHOLDERS } from './masters.ts';
import { fillPlaceholder, type Bullet, type DrawContext, type Slide } from './parts.ts';

type Section = Extract<PlannedSlide, { layout: 'text' }>;

/** The square bullet in the accent colour, the text hanging `textIndent` after it. */
export function squareBullet(color: string): Bullet {
  return { characterCode: '25AA', indent: grid.marker.textIndent, color, font: 'Arial' };
}

/**
 * Framework, summary or conclusion in brief, on the List layout: the title,
 * then one body placeholder holding every item as a bulleted paragraph with
 * space before it, so the text flows whatever font draws it.
 */
export function drawSection(slide: Slide, section: Section, context: DrawContext): void {
  const { colors } = context.theme;
  fillPlaceholder(slide, PLACEHOLDERS.title, [section.title], colors.heading, context, { valign: 'bottom' });
  const paragraphs = section.items.flatMap((item, i) =>
    item.paragraphs.map((p, j) => ({
      ...p,
      spaceBeforePt: i > 0 && j === 0 ? grid.gap + 6 : p.spaceBeforePt,
    })),
  );
  fillPlaceholder(slide, PLACEHOLDERS.body, paragraphs, colors.text, context, {
    bullet: () => squareBullet(colors.accent),
  });
}
