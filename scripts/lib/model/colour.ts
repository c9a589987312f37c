/** Colour arithmetic on #RRGGBB strings: mixing, and WCAG 2 contrast for choosing readable roles. */

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `a` moved towards `b` by `amount` (0 to 1), as #RRGGBB. */
export function mix(a: string, b: string, amount: number): string {
  const [x, y] = [channels(a), channels(b)];
  return `#${x
    .map((c, i) =>
      Math.round(c + (y[i]! - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = channels(hex).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Of `candidates`, the one that reads best on `background` (the highest contrast ratio; the first on a tie). */
export function mostReadableOn(background: string, candidates: string[]): string {
  let best = candidates[0]!;
  for (const candidate of candidates.slice(1))
    if (contrastRatio(candidate, background) > contrastRatio(best, background)) best = candidate;
  return best;
}
