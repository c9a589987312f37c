import { type } from './theme.ts';

/**
 * Keep-with-next, and why it holds. Pages are packed by react-pdf's
 * pagination engine (@react-pdf/paginate, used because the body Page has a
 * `layout`), which breaks a column between its children or inside them, at
 * text lines. A heading is never wrapped with what follows it in one
 * unbreakable View: a block taller than a page could then only be squeezed
 * onto one, its lines printed over each other (issue 11). Instead:
 *
 * - a heading is a small `wrap={false}` View with `minPresenceAhead`: no
 *   page break may fall right after it, nor within that many points below it
 *   when it is not first in its column;
 * - what follows a heading starts with content, not with space: a block's
 *   top margin or padding would be a place to break, leaving the heading
 *   alone at the page bottom. Spacing above a block is the first child's own
 *   margin instead, and a block that cannot place its first lines on a page
 *   moves there whole with its heading;
 * - paragraphs and points break at lines (two lines at least on each side,
 *   react-pdf's orphans and widows), so a heading keeps its first lines only.
 *
 * `wrap={false}` stays on what is always small (a recommendation, a row of
 * photos, the contact block); one taller than a page still breaks (the
 * @react-pdf/layout patch in scripts/patches), rather than overprint.
 */
export const keep = {
  /** Points below a section heading that must share its page: about three body lines. */
  heading: Math.ceil(type.body * type.bodyLeading * 3),
  /** Below a speaker's name and affiliation: the first two lines of the first point. */
  speaker: Math.ceil(type.body * type.bodyLeading * 2),
};
