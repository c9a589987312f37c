import type { ShapeType, Slide, TextProps } from './pptx.ts';
import type { TextParagraph } from '../../scripts/lib/layout/measure-text.ts';
import type { Box } from '../../scripts/lib/layout/slides/types.ts';
import { fillLabel, type Labels } from '../../scripts/lib/model/labels.ts';
import type { ImageRef, Person } from '../../scripts/lib/model/types.ts';
import type { DeckTheme } from './theme.ts';

/**
 * Drawing pieces every slide uses: a layout's placeholder filled with text
 * exactly as it was measured (no insets, exact line spacing), and a person's
 * round photo (in a picture placeholder) or initials disc.
 */

export type { Slide };

/** What a layout is given besides its planned slide. */
export interface DrawContext {
  theme: DeckTheme;
  /** BCP 47 tag of the report, written on every run. */
  lang: string;
  /** The words the deck prints of its own, in the report's language. */
  labels: Labels;
  /** The brand's logo, prepared (`image/png;base64,…`); or, without one, the organisation's name. */
  logo?: string;
  wordmark?: TextParagraph;
  /** An image prepared for a box (cropped to it, or fitted inside), as pptxgenjs wants it. */
  image(ref: ImageRef, box: Box, fit: 'cover' | 'contain'): Promise<PlacedImage>;
}

export interface PlacedImage {
  /** `image/png;base64,…`: pptxgenjs is handed bytes, never a path or URL to fetch. */
  data: string;
  /** Pixel size, for fitting the image inside its box. */
  width: number;
  height: number;
}

/** Points to the inches pptxgenjs takes. */
export const inch = (pt: number) => pt / 72;

/** pptxgenjs position options for a box given in points. */
export function at(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(box.h) };
}

/** A paragraph's bullet: pptxgenjs's bullet options (with the patched `color` and `font`), or none. */
export type Bullet = NonNullable<NonNullable<TextProps['options']>['bullet']> | false;

/**
 * Paragraphs as pptxgenjs text runs. Paragraph options (spacing, alignment,
 * bullet) are read from a paragraph's first run; a bullet on a later run would
 * start a new paragraph, so it goes on the first only.
 */
export function runsOf(
  paragraphs: TextParagraph[],
  color: string,
  lang: string,
  align: 'left' | 'center' = 'left',
  bullet?: (index: number) => Bullet,
): TextProps[] {
  return paragraphs.flatMap((p, i) =>
    p.runs.map((run, j): TextProps => ({
      // Hard breaks were measured as spaces; pptxgenjs would turn "\n" into a new paragraph.
      text: run.text.replace(/\s/g, ' '),
      options: {
        fontFace: p.style.font,
        fontSize: p.style.sizePt,
        bold: p.style.bold || run.bold || undefined,
        italic: p.style.italic || run.italic || undefined,
        charSpacing: p.style.charSpacingPt,
        color,
        lang,
        align,
        lineSpacing: p.style.lineSpacingPt,
        paraSpaceBefore: p.spaceBeforePt,
        hyperlink: run.href ? { url: run.href } : undefined,
        ...(j === 0 && bullet ? { bullet: bullet(i) } : {}),
        breakLine: j === p.runs.length - 1 && i < paragraphs.length - 1,
      },
    })),
  );
}

/**
 * Fills a placeholder of the slide's layout with measured paragraphs: the
 * position, insets and anchoring come from the layout (masters.ts), the text
 * keeps its measured style. Never auto-fitted: PowerPoint applies "shrink
 * text on overflow" only once the text is edited
 * (https://github.com/gitbrent/PptxGenJS/issues/544), so text is measured and
 * split instead.
 */
export function fillPlaceholder(
  slide: Slide,
  placeholder: string,
  paragraphs: TextParagraph[],
  color: string,
  context: DrawContext,
  options: {
    align?: 'left' | 'center';
    valign?: 'top' | 'bottom';
    name?: string;
    bullet?: (index: number) => Bullet;
  } = {},
): void {
  if (paragraphs.length === 0) return;
  slide.addText(runsOf(paragraphs, color, context.lang, options.align, options.bullet), {
    placeholder,
    margin: 0,
    valign: options.valign ?? 'top',
    wrap: true,
    objectName: options.name ?? placeholder,
  });
}

/** A person's photo in a circle, or their initials on a disc in the brand colour. */
export async function drawPortrait(
  slide: Slide,
  person: Person,
  box: Box,
  context: DrawContext,
  placeholder?: string,
): Promise<void> {
  const { theme } = context;
  if (person.photo) {
    const photo = await context.image(person.photo, box, 'cover');
    // In the layout's picture placeholder (the layout draws a disc behind it, so a cut-out portrait still
    // reads as round).
    slide.addImage({
      data: photo.data,
      ...at(box),
      rounding: true,
      altText: fillLabel(context.labels.photoOf, { name: person.nameText }),
      placeholder,
    });
    return;
  }
  // One shape, the disc holding its initials: a shape with text needs no alt text (PowerPoint's checker flags
  // empty ones).
  const size = Math.round(box.w * 0.32);
  const style = { ...theme.text.initials, sizePt: size, lineSpacingPt: Math.round(size * 1.15) };
  slide.addText(
    runsOf([{ runs: [{ text: person.initials }], style }], theme.colors.onPrimary, context.lang, 'center'),
    {
      ...at(box),
      shape: 'ellipse' as ShapeType,
      fill: { color: theme.colors.primary },
      line: { color: theme.colors.primary, width: 0 },
      margin: 0,
      valign: 'middle',
      objectName: `Initials of ${person.nameText}`,
    },
  );
}
