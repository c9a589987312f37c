import type { Brand } from '../../scripts/lib/model/types.ts';
import type { OfficeFont, TextStyle } from '../../scripts/lib/layout/measure-text.ts';

/**
 * The deck's look, taken from the brand alone: colours as pptxgenjs wants them
 * (RRGGBB, no #), the two Office fonts, and one text style per role. Every
 * layout draws with these, so a second brand changes every slide.
 */
export interface DeckTheme {
  colors: {
    primary: string;
    accent: string;
    text: string;
    muted: string;
    tint: string;
    background: string;
    onPrimary: string;
    onPrimaryMuted: string;
    heading: string;
  };
  fonts: { heading: OfficeFont; body: OfficeFont };
  text: {
    /** Small letter-spaced label above a slide title: the section. */
    kicker: TextStyle;
    slideTitle: TextStyle;
    body: TextStyle;
    lead: TextStyle;
    number: TextStyle;
    name: TextStyle;
    role: TextStyle;
    affiliation: TextStyle;
    caption: TextStyle;
    footer: TextStyle;
    initials: TextStyle;
    coverKind: TextStyle;
    coverTitle: TextStyle;
    coverSubtitle: TextStyle;
    coverDetail: TextStyle;
    thanksTitle: TextStyle;
    wordmark: TextStyle;
  };
}

/** Body text never goes below this size (pt): the readable floor for a projected slide. */
export const BODY_FLOOR_PT = 16;

/** The deck theme for a brand. */
export function deckTheme(brand: Brand): DeckTheme {
  const heading = brand.slides.headingFont as OfficeFont;
  const body = brand.slides.bodyFont as OfficeFont;
  const style = (font: OfficeFont, sizePt: number, extra: Partial<TextStyle> = {}): TextStyle => ({
    font,
    sizePt,
    lineSpacingPt: Math.round(sizePt * 1.22 * 2) / 2,
    ...extra,
  });
  const hex = (c: string) => c.replace('#', '').toUpperCase();
  return {
    colors: {
      primary: hex(brand.colors.primary),
      accent: hex(brand.colors.accent),
      text: hex(brand.colors.text),
      muted: hex(brand.colors.muted),
      tint: hex(brand.colors.tint),
      background: hex(brand.colors.background),
      onPrimary: hex(brand.colors.onPrimary),
      onPrimaryMuted: hex(brand.colors.onPrimaryMuted),
      heading: hex(brand.colors.heading),
    },
    fonts: { heading, body },
    text: {
      kicker: style(body, 12, { bold: true, charSpacingPt: 1.5 }),
      slideTitle: style(heading, 30, { bold: true, lineSpacingPt: 34 }),
      body: style(body, 18, { lineSpacingPt: 23 }),
      lead: style(body, 22, { lineSpacingPt: 28 }),
      number: style(heading, 26, { bold: true, lineSpacingPt: 30 }),
      name: style(heading, 22, { bold: true, lineSpacingPt: 26 }),
      role: style(body, 13, { bold: true, charSpacingPt: 1 }),
      affiliation: style(body, 16, { lineSpacingPt: 19.5 }),
      caption: style(body, 16, { italic: true, lineSpacingPt: 19.5 }),
      footer: style(body, 11, { lineSpacingPt: 13 }),
      initials: style(heading, 40, { bold: true, lineSpacingPt: 44 }),
      coverKind: style(body, 14, { bold: true, charSpacingPt: 3 }),
      coverTitle: style(heading, 40, { bold: true, lineSpacingPt: 46 }),
      coverSubtitle: style(body, 22, { lineSpacingPt: 27 }),
      coverDetail: style(body, 16, { lineSpacingPt: 21 }),
      thanksTitle: style(heading, 48, { bold: true, lineSpacingPt: 54 }),
      wordmark: style(heading, 18, { bold: true, lineSpacingPt: 22 }),
    },
  };
}
