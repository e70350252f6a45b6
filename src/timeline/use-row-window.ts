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
  const [rows, setRows] = useState<VisibleRows>({ firstRow: 0, endRow: 0 });

  useLayoutEffect(() => {
    const el = rowGroupRef.current?.parentElement;
    if (!el) return;
    let leaping = false;
    let settleTimer: number | undefined;
    let lastTopPx = el.scrollTop;
    const read = (): VisibleRows => ({ ...visibleRows(el.scrollTop, el.clientHeight, rowHeightPx), leaping });
    let last: VisibleRows = { firstRow: -1, endRow: -1 };
    const changed = (next: VisibleRows) => {
      if (next.firstRow === last.firstRow && next.endRow === last.endRow && next.leaping === last.leaping) return false;
      last = next;
      return true;
    };
    const apply = () => {
      const next = read();
      if (changed(next)) setRows(next);
    };
    apply(); // before the first paint: no frame with an empty list
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
