import type { Brand } from '../../scripts/lib/model/types.ts';

/**
 * The brief's type scale and spacing. Colours and families come from the
 * brand; sizes and rhythm are the layout's own, so every brand gets the same
 * well-proportioned page.
 */
export const page = {
  size: 'A4' as const,
  width: 595.28,
  height: 841.89,
  marginX: 58,
};

export const type = {
  body: 10.2,
  bodyLeading: 1.5,
  small: 8.4,
  label: 7.8,
  h1: 20,
  name: 13,
  coverTitle: 31,
  coverSubtitle: 15,
};

export interface Theme {
  colors: Brand['colors'];
  body: string;
  heading: string;
  /** The weight headings are set in (the brand's typography.headings.weight). */
  headingWeight: 400 | 700;
}

export function themeOf(brand: Brand): Theme {
  return {
    colors: brand.colors,
    body: brand.fonts.body.family,
    heading: brand.fonts.heading.family,
    headingWeight: brand.fonts.headingWeight,
  };
}

/** A colour with transparency, for tints on the cover. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}
