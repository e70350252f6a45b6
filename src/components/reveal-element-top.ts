// Brings the top of a part of the page into view after the user asked for it: e.g. the results of
// a search on a narrow window, where they are under the form, out of sight. Nothing moves when the
// top is already in sight, and the scroll is not animated for those who asked for reduced motion.

/** How far above the bottom of the visible area a top still counts as in sight. */
const MIN_VISIBLE_PX = 120;

/** The part of the window where `element` can be seen: its nearest scrolling ancestor, or the window. */
function visibleBand(element: Element): { top: number; bottom: number } {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      const rect = parent.getBoundingClientRect();
      return { top: Math.max(rect.top, 0), bottom: Math.min(rect.bottom, window.innerHeight) };
    }
  }
  return { top: 0, bottom: window.innerHeight };
}

/**
 * Scrolls `element`'s top to the top of what can be seen, unless it is in sight already (at least
 * MIN_VISIBLE_PX above the bottom). Returns whether it scrolled.
 */
export function revealElementTop(element: Element): boolean {
  const { top } = element.getBoundingClientRect();
  const band = visibleBand(element);
  if (top >= band.top && top <= band.bottom - MIN_VISIBLE_PX) return false;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  return true;
}
