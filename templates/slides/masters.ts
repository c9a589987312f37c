import type { Presentation, SlideMasterProps } from '../../scripts/lib/render/slides/pptxgen.ts';
import type { DeckPlan } from '../../scripts/lib/layout/slide-plan.ts';
import type { Box } from '../../scripts/lib/layout/slide-plan.ts';
import { grid, SLIDE } from './grid.ts';
import { at } from './parts.ts';
import type { DeckTheme } from './theme.ts';

/**
 * The slide masters: what every slide of a kind shares. COVER is the brand
 * colour edge to edge; CONTENT has the colour band, the logo, the running head
 * and the footer (organisation, event date, slide number); SPEAKER adds the
 * tinted panel the person stands in.
 */
export const MASTERS = { cover: 'COVER', content: 'CONTENT', speaker: 'SPEAKER' } as const;

type MasterObject = NonNullable<SlideMasterProps['objects']>[number];

/** Defines the three masters on a presentation. `logo` is a `image/png;base64,…` string, or undefined. */
export function defineMasters(pres: Presentation, plan: DeckPlan, theme: DeckTheme, lang: string, logo: string | undefined): void {
  const { colors } = theme;
  // Filled boxes are empty text shapes: pptxgenjs writes plain shapes without the
  // <p:txBody> PowerPoint expects (https://github.com/gitbrent/PptxGenJS/issues/1441).
  const fill = (box: Box, color: string, name: string): MasterObject => ({ text: { text: '', options: { ...at(box), shape: 'rect' as never, fill: { color }, margin: 0, objectName: name } } });
  const label = (box: Box, paragraph: DeckPlan['footer'], color: string, name: string, align: 'left' | 'right' = 'left'): MasterObject => ({
    text: {
      text: paragraph.runs.map((r) => r.text).join(''),
      options: { ...at(box), margin: 0, valign: 'top', fontFace: paragraph.style.font, fontSize: paragraph.style.sizePt, bold: paragraph.style.bold, charSpacing: paragraph.style.charSpacingPt, lineSpacing: paragraph.style.lineSpacingPt, color, lang, align, objectName: name },
    },
  });
  const logoObject: MasterObject[] = logo
    ? [{ image: { ...at(grid.logo), data: logo, altText: 'Logo' } }]
    : plan.wordmark
      ? [label(grid.wordmark, plan.wordmark, colors.primary, 'Organisation', 'right')]
      : [];
  const slideNumber = (box: Box): SlideMasterProps['slideNumber'] => ({ ...at(box), fontFace: theme.fonts.body, fontSize: theme.text.footer.sizePt, color: colors.muted, align: 'right', margin: 0, valign: 'top' } as SlideMasterProps['slideNumber']);

  pres.defineSlideMaster({
    title: MASTERS.cover,
    objects: [fill({ x: 0, y: 0, w: SLIDE.w, h: SLIDE.h }, colors.primary, 'Brand colour'), fill({ x: 0, y: SLIDE.h - 10, w: SLIDE.w, h: 10 }, colors.accent, 'Accent band')],
  });
  pres.defineSlideMaster({
    title: MASTERS.content,
    objects: [
      fill(grid.band, colors.primary, 'Colour band'),
      ...logoObject,
      label(grid.kicker, plan.runningHead, colors.muted, 'Running head'),
      fill(grid.footerRule, colors.tint, 'Footer rule'),
      label(grid.footer, plan.footer, colors.muted, 'Footer'),
    ],
    slideNumber: slideNumber(grid.slideNumber),
  });
  pres.defineSlideMaster({
    title: MASTERS.speaker,
    objects: [
      fill(grid.panel, colors.tint, 'Speaker panel'),
      fill(grid.band, colors.primary, 'Colour band'),
      ...logoObject,
      fill({ ...grid.footerRule, x: grid.points.x, w: grid.footerRule.x + grid.footerRule.w - grid.points.x }, colors.tint, 'Footer rule'),
      label({ ...grid.footer, x: grid.points.x }, plan.footer, colors.muted, 'Footer'),
    ],
    slideNumber: slideNumber(grid.slideNumber),
  });
}
