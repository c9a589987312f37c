import type { Box, SlideGrid } from '../../scripts/lib/layout/slides/types.ts';

/**
 * Where things sit on a 16:9 slide (960 × 540 pt): generous margins, a colour
 * band on top, a footer rule at the bottom. All in points; the writer converts.
 * The slide layouts (masters.ts) put their placeholders in these boxes, the
 * slide plan measures text for the same boxes, and the slides fill the
 * placeholders, so what was measured is what is drawn.
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
  /** The running head: the event's title, above each content slide's title. */
  kicker: { x: margin, y: 30, w: 760, h: 16 },
  /** The title placeholder of content slides, anchored at its foot, just above the accent rule. */
  title: { x: margin, y: 48, w: 800, h: 42 },
  rule: { x: margin, y: 98, w: 56, h: 3 },
  footerRule: { x: margin, y: 492, w: SLIDE.w - 2 * margin, h: 0.75 },
  // As wide on content slides as beside the speaker panel, so one fitted footer serves both.
  footer: { x: margin, y: 502, w: 460, h: 16 },
  slideNumber: { x: SLIDE.w - margin - 80, y: 502, w: 80, h: 16 },
  /** List slides (framework, summary, conclusion): one body placeholder, a bullet before each paragraph. */
  text: { x: margin, y: contentTop, w: SLIDE.w - 2 * margin, h: contentBottom - contentTop },
  /** Bullets: the square's size, and the hanging indent of the text after it. */
  marker: { size: 8, textIndent: 24 },
  /** Speaker slides: a tinted panel with the person on the left, the name as title and the points on the right. */
  panel: { x: 0, y: 8, w: 300, h: 484 },
  disc: { x: 86, y: 48, w: 128, h: 128 },
  card: { x: 32, y: 196, w: 236, h: 280 },
  speakerKicker: { x: 340, y: 30, w: SLIDE.w - margin - 340 - 56, h: 16 },
  speakerTitle: { x: 340, y: 48, w: SLIDE.w - margin - 340 - 56, h: 42 },
  speakerRule: { x: 340, y: 98, w: 56, h: 3 },
  points: { x: 340, y: contentTop, w: SLIDE.w - margin - 340, h: contentBottom - contentTop },
  /** Recommendations: one body placeholder, numbered paragraphs, the number hanging in the accent colour. */
  recommendations: {
    x: margin,
    y: contentTop,
    w: SLIDE.w - 2 * margin,
    h: contentBottom - contentTop,
    numberWidth: 48,
  },
  /** Moderators: up to three cards side by side, each a body placeholder under the portrait. */
  people: {
    x: margin,
    y: contentTop + 12,
    w: SLIDE.w - 2 * margin,
    h: contentBottom - contentTop - 12,
    perSlide: 3,
    gap: 24,
    disc: 112,
    discTop: 20,
    inset: 16,
    textTop: 148,
    cardHeight: 334,
  },
  /** Highlights: one or two images, each with a caption placeholder under its frame. */
  highlights: {
    x: margin,
    y: contentTop,
    w: SLIDE.w - 2 * margin,
    h: contentBottom - contentTop,
    perSlide: 2,
    gap: 32,
    captionLines: 3,
  },
  /** The title slide and the closing slide: the brand colour, text on the left. */
  cover: {
    x: 72,
    y: 150,
    w: SLIDE.w - 2 * 72,
    h: 184,
    logo: { x: 72, y: 40, w: 64, h: 64 },
    kindRule: { x: 72, y: 112, w: 48, h: 4 },
    kind: { x: 72, y: 124, w: SLIDE.w - 2 * 72, h: 20 },
    rule: { x: 72, y: 346, w: 96, h: 1.5 },
    details: { x: 72, y: 362, w: SLIDE.w - 2 * 72, h: 112 },
    byline: { x: 72, y: 484, w: SLIDE.w - 2 * 72, h: 22 },
  },
  closing: {
    title: { x: 72, y: 150, w: SLIDE.w - 2 * 72, h: 84 },
    rule: { x: 72, y: 248, w: 48, h: 4 },
    contact: { x: 72, y: 268, w: SLIDE.w - 2 * 72, h: 200 },
  },
  gap: 16,
};

/** The grid, checked to hold every box the slide plan measures for. */
export const planGrid: SlideGrid = grid;
export type Grid = typeof grid;
export type { Box };
