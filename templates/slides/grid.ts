import type { Box, SlideGrid } from '../../scripts/lib/layout/slide-plan.ts';

/**
 * Where things sit on a 16:9 slide (960 × 540 pt): generous margins, a colour
 * band on top, a footer rule at the bottom. All in points; the writer converts.
 * The slide plan measures text into these boxes, and the layouts draw into the
 * same boxes, so what was measured is what is drawn.
 */
export const SLIDE = { w: 960, h: 540 };
const margin = 48;
const contentTop = 122;
const contentBottom = 476;

export const grid = {
  margin,
  band: { x: 0, y: 0, w: SLIDE.w, h: 8 },
  logo: { x: SLIDE.w - margin - 40, y: 26, w: 40, h: 40 },
  /** The organisation's name instead of a logo, right-aligned where the logo would be. */
  wordmark: { x: SLIDE.w - margin - 240, y: 30, w: 240, h: 22 },
  kicker: { x: margin, y: 32, w: 760, h: 16 },
  title: { x: margin, y: 52, w: 800, h: 36 },
  rule: { x: margin, y: 98, w: 56, h: 3 },
  footerRule: { x: margin, y: 492, w: SLIDE.w - 2 * margin, h: 0.75 },
  // As wide on content slides as beside the speaker panel, so one fitted footer serves both.
  footer: { x: margin, y: 502, w: 460, h: 16 },
  slideNumber: { x: SLIDE.w - margin - 80, y: 502, w: 80, h: 16 },
  /** Condensed sections: one marker and one text box per item. */
  text: { x: margin, y: contentTop, w: SLIDE.w - 2 * margin, h: contentBottom - contentTop },
  marker: { size: 8, textIndent: 24 },
  /** Speaker slides: a tinted panel with the person on the left, points on the right. */
  panel: { x: 0, y: 8, w: 300, h: 484 },
  disc: { x: 86, y: 48, w: 128, h: 128 },
  card: { x: 32, y: 196, w: 236, h: 280 },
  points: { x: 340, y: 80, w: SLIDE.w - margin - 340, h: contentBottom - 80 },
  speakerKicker: { x: 340, y: 32, w: SLIDE.w - margin - 340, h: 16 },
  speakerRule: { x: 340, y: 58, w: 56, h: 3 },
  /** Recommendations: the number in the accent colour, the text beside it. */
  recommendations: { x: margin, y: contentTop, w: SLIDE.w - 2 * margin, h: contentBottom - contentTop, numberWidth: 60 },
  /** Moderators: up to three cards side by side. */
  people: { x: margin, y: contentTop + 8, w: SLIDE.w - 2 * margin, h: contentBottom - contentTop - 8, perSlide: 3, gap: 24, disc: 112, discTop: 24, inset: 16, textTop: 156 },
  /** Highlights: one or two images with captions. */
  highlights: { x: margin, y: contentTop, w: SLIDE.w - 2 * margin, h: contentBottom - contentTop, perSlide: 2, gap: 32, captionLines: 3 },
  /** The cover and the closing slide: the brand colour, text on the left. */
  cover: { x: 72, y: 176, w: SLIDE.w - 2 * 72, h: 276, logo: { x: 72, y: 40, w: 64, h: 64 } },
  gap: 16,
};

/** The grid, checked to hold every box the slide plan measures for. */
export const planGrid: SlideGrid = grid;
export type Grid = typeof grid;
export type { Box };
