/**
 * Slide geometry that the planner measures text for and the deck's masters
 * draw frames at: one function each, so the two cannot disagree.
 */

/** A moderator card's width: three fit the content width. */
export function cardWidth(people: { w: number; gap: number; perSlide: number }): number {
  return (people.w - people.gap * (people.perSlide - 1)) / people.perSlide;
}

/** A highlight frame's width: three quarters of the content for one image, half (less the gap) for two. */
export function highlightWidth(box: { w: number; gap: number }, count: number): number {
  return count === 1 ? box.w * 0.75 : (box.w - box.gap) / 2;
}
