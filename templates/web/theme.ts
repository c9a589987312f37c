import type { Brand, FontFamily } from '../../scripts/lib/model/types.ts';

/**
 * The brand as CSS custom properties: the page's stylesheet (style.css) uses
 * only these names, so a brand changes every colour and font and no layout
 * carries a colour of its own.
 */
export function brandTokens(brand: Brand): string {
  const { colors } = brand;
  const tokens: Record<string, string> = {
    '--color-primary': colors.primary,
    '--color-accent': colors.accent,
    '--color-text': colors.text,
    '--color-background': colors.background,
    '--color-muted': colors.muted,
    '--color-tint': colors.tint,
    '--color-heading': colors.heading,
    '--color-on-primary': colors.onPrimary,
    '--color-on-primary-muted': colors.onPrimaryMuted,
    '--color-on-accent': colors.onAccent,
    '--font-heading-weight': String(brand.fonts.headingWeight),
    '--font-body': fontStack(brand.fonts.body, 'sans-serif'),
    '--font-heading': fontStack(brand.fonts.heading, isSerif(brand.fonts.heading) ? 'serif' : 'sans-serif'),
  };
  return `:root {\n${Object.entries(tokens)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')}\n}\n`;
}

/** A brand family first; the generic family only shows while the subset WOFF2 loads or if it fails. */
function fontStack(family: FontFamily, generic: string): string {
  return `${JSON.stringify(family.family)}, ${generic}`;
}

function isSerif(family: FontFamily): boolean {
  return /serif/i.test(family.family) && !/sans/i.test(family.family);
}
