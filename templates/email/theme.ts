import type { Brand } from '../../scripts/lib/model/types.ts';

/**
 * The e-mail's type scale and font stacks. Mail clients cannot load the
 * brand's font files, so each stack names the brand family (used where it is
 * installed), then the brand's office-safe slide font, then a generic family.
 */
export const type = {
  body: 15,
  bodyLine: 24,
  small: 13,
  smallLine: 20,
  label: 11,
  h2: 20,
  title: 28,
  titleLine: 34,
  subtitle: 17,
  number: 18,
};

/** The message column, the width every mail client shows without scrolling. */
export const columnWidth = 600;
/** Space between the column's edge and its text. */
export const gutter = 32;

const SERIF_FONTS = /georgia|times|garamond|cambria|palatino|book antiqua|serif/i;

function stack(family: string, officeFont: string): string {
  const generic = SERIF_FONTS.test(family) || SERIF_FONTS.test(officeFont) ? 'Georgia, serif' : 'Arial, Helvetica, sans-serif';
  // Single quotes: the stack goes inside a double-quoted style attribute.
  return [...new Set([family, officeFont])].map((f) => `'${f.replace(/'/g, '')}'`).join(', ') + `, ${generic}`;
}

export interface EmailTheme {
  colors: Brand['colors'];
  body: string;
  heading: string;
}

/** The brand's colours and font stacks, as the e-mail layouts use them. */
export function emailTheme(brand: Brand): EmailTheme {
  return {
    colors: brand.colors,
    body: stack(brand.fonts.body.family, brand.slides.bodyFont),
    heading: stack(brand.fonts.heading.family, brand.slides.headingFont),
  };
}
