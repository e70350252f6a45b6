// Which rows of the waterfall are in the DOM, from the scroll position alone. Rows have one fixed
// height, so this is arithmetic: no measuring, no per-row cache, O(1) per scroll event.

/** The rows in view, unclamped: [firstRow, endRow) may run past the row count. */
export interface VisibleRows {
  firstRow: number;
  endRow: number;
  /**
   * The last scroll step jumped further than the viewport is tall (a fast scrollbar drag): rows
   * drawn beyond the viewport would be replaced before anyone saw them, so none are drawn.
   */
  leaping?: boolean;
}

/** Rows that intersect the viewport at this scroll position (before overscan). */
export function visibleRows(scrollTopPx: number, viewportPx: number, rowHeightPx: number): VisibleRows {
  const top = Math.max(0, scrollTopPx);
  const height = Math.max(0, viewportPx);
  const firstRow = Math.floor(top / rowHeightPx);
  const endRow = Math.max(firstRow, Math.ceil((top + height) / rowHeightPx));
  return { firstRow, endRow };
}

/** True when a scroll step from `fromPx` to `toPx` leaves no row of the old view on screen. */
export function isLeap(fromPx: number, toPx: number, viewportPx: number): boolean {
  return Math.abs(toPx - fromPx) > viewportPx;
}

/**
 * The index range to render: the visible rows plus `overscan` on each side (none while leaping),
 * clamped to [0, count).
 */
export function renderRange(visible: VisibleRows, count: number, overscan: number): { start: number; end: number } {
  const extra = visible.leaping ? 0 : overscan;
  const end = Math.min(count, visible.endRow + extra);
  const start = Math.min(Math.max(0, visible.firstRow - extra), end);
  return { start, end };
}

/**
 * The scroll position that brings row `rowIndex` fully into view with the least movement (the
 * current one when it already is): what keyboard moves and "reveal" use.
 */
export function scrollTopToShowRow(rowIndex: number, rowHeightPx: number, scrollTopPx: number, viewportPx: number): number {
  const rowTop = rowIndex * rowHeightPx;
  const rowBottom = rowTop + rowHeightPx;
  if (rowTop < scrollTopPx) return rowTop;
  if (rowBottom > scrollTopPx + viewportPx) return Math.max(0, rowBottom - viewportPx);
  return scrollTopPx;
}
