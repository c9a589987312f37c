import type { Brand } from '../../scripts/lib/model/types.ts';
import { contrastRatio, mix } from '../../scripts/lib/model/colour.ts';

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
  const generic =
    SERIF_FONTS.test(family) || SERIF_FONTS.test(officeFont)
      ? 'Georgia, serif'
      : 'Arial, Helvetica, sans-serif';
  // Single quotes: the stack goes inside a double-quoted style attribute.
  return (
    [...new Set([family, officeFont])].map((f) => `'${f.replace(/'/g, '')}'`).join(', ') + `, ${generic}`
  );
}

export interface EmailTheme {
  colors: Brand['colors'];
  /** The colours a reader in dark mode sees, where the client honours prefers-color-scheme. */
  dark: DarkColours;
  body: string;
  heading: string;
  /** CSS font-weight of headings in the heading family: the brand's typography.headings.weight. */
  headingWeight: 'bold' | 'normal';
}

/** Dark-mode colours, derived from the brand's so the message keeps its look. */
export interface DarkColours {
  /** Behind the column. */
  page: string;
  /** The column itself. */
  card: string;
  /** The "Attached" box. */
  panel: string;
  text: string;
  /** Headings and names, in light mode the brand's heading colour. */
  heading: string;
  /** Numbers and rules, in light mode the brand's accent. */
  accent: string;
  muted: string;
}

/** The brand's colours and font stacks, as the e-mail layouts use them. */
export function emailTheme(brand: Brand): EmailTheme {
  return {
    colors: brand.colors,
    dark: darkColours(brand.colors),
    body: stack(brand.fonts.body.family, brand.slides.bodyFont),
    heading: stack(brand.fonts.heading.family, brand.slides.headingFont),
    headingWeight: brand.fonts.headingWeight === 700 ? 'bold' : 'normal',
  };
}

/**
 * Dark surfaces tinted with the brand's primary colour, and its text colours
 * lightened until they read on them: WCAG AA contrast (4.5:1) for the accent
 * and muted text, AAA (7:1) for body text and headings.
 */
export function darkColours(colors: Brand['colors']): DarkColours {
  const card = mix(colors.primary, '#000000', 0.6);
  const panel = mix(card, '#FFFFFF', 0.08);
  // Text sits on the column and on the lighter panel: it must read on both.
  const lighten = (colour: string, contrast: number) => {
    for (let amount = 0; amount <= 1; amount += 0.05) {
      const candidate = mix(colour, '#FFFFFF', amount);
      if (Math.min(contrastRatio(candidate, card), contrastRatio(candidate, panel)) >= contrast)
        return candidate;
    }
    return '#FFFFFF';
  };
  return {
    page: mix(colors.primary, '#000000', 0.8),
    card,
    panel,
    text: lighten(colors.text, 12),
    heading: lighten(colors.heading, 9),
    accent: lighten(colors.accent, 4.5),
    muted: lighten(colors.muted, 4.5),
  };
}
