// Follows the scroll position of the waterfall and reports which rows are in view. It lives in the
// small component that draws the rows, so a scroll re-renders that list only — never the toolbar,
// legend, minimap or ruler — and only when the first or last visible row actually changes.
// While a fast drag leaps a screenful or more per frame the list is drawn without overscan (those
// rows would be thrown away unseen); the overscan comes back once the scrolling settles.

import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { isLeap, visibleRows, type VisibleRows } from './row-window';

/** How long after the last leaping scroll step the overscan rows are drawn again, ms. */
const LEAP_SETTLE_MS = 120;

/**
 * Follows the scroll box that holds `rowGroupRef`'s element: its parent. The box is found when the
 * rows mount (their own ref is set by then, where a ref on the parent would not be), so the
 * component owning the box never re-renders just to hand it over.
 */
export function useRowWindow(rowGroupRef: RefObject<HTMLElement | null>, rowHeightPx: number): VisibleRows {
  // The first rows come from the window's height, not the box's: reading the box's size when the
  // rows mount would force the browser to lay out the whole new page inside React's commit (tens
  // of milliseconds on a large trace's first view, in one task), where the frame that paints them
  // lays it out anyway. A new box is scrolled to the top and no taller than the window, so these
  // rows cover it; the box's first ResizeObserver report, before that frame is painted, trims them.
  const [rows, setRows] = useState<VisibleRows>(() =>
    // (No window when rendered to a string, as some tests do: no rows until the box reports.)
    visibleRows(0, typeof window === 'undefined' ? 0 : window.innerHeight, rowHeightPx),
  );

  useLayoutEffect(() => {
    const el = rowGroupRef.current?.parentElement;
    if (!el) return;
    let leaping = false;
    let settleTimer: number | undefined;
    let lastTopPx = 0; // (read in the first report: a read here would force that layout too)
    const read = (): VisibleRows => ({ ...visibleRows(el.scrollTop, el.clientHeight, rowHeightPx), leaping });
    let last: VisibleRows = { firstRow: -1, endRow: -1 };
    const changed = (next: VisibleRows) => {
      if (next.firstRow === last.firstRow && next.endRow === last.endRow && next.leaping === last.leaping) return false;
      last = next;
      return true;
    };
    // Called by the ResizeObserver (after layout, before paint), first when it starts observing:
    // rendered at once, so the frame it runs in paints the rows of the box's true size.
    const apply = () => {
      lastTopPx = el.scrollTop;
      const next = read();
      // Rows drawn already that cover the box stay: the first report usually finds the rows drawn
      // from the window's height, a few more than the box shows, and re-rendering the list in that
      // frame only to drop them would cost more than the rows do.
      if (changed(next)) flushSync(() => setRows((shown) => (covers(shown, next) ? shown : next)));
    };
    const settle = () => {
      leaping = false;
      apply();
    };
    const onScroll = () => {
      const topPx = el.scrollTop;
      if (isLeap(lastTopPx, topPx, el.clientHeight)) {
        leaping = true;
        window.clearTimeout(settleTimer);
        settleTimer = window.setTimeout(settle, LEAP_SETTLE_MS);
      }
      lastTopPx = topPx;
      const next = read();
      // Most scroll events move less than a row: nothing to render. Otherwise render synchronously
      // in the scroll event (which runs before the frame is painted), so a fast drag never paints
      // a frame of stale or missing rows.
      if (changed(next)) flushSync(() => setRows(next));
    };
    const observer = new ResizeObserver(apply);
    el.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(el);
    return () => {
      window.clearTimeout(settleTimer);
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [rowGroupRef, rowHeightPx]);

  return rows;
}

/** Whether the rows shown include every row wanted, in the same leaping state (which sets the overscan). */
function covers(shown: VisibleRows, wanted: VisibleRows): boolean {
  return shown.firstRow <= wanted.firstRow && shown.endRow >= wanted.endRow && (shown.leaping ?? false) === (wanted.leaping ?? false);
}
