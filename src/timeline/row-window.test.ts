import { describe, expect, it } from 'vitest';
import { isLeap, renderRange, scrollTopToShowRow, visibleRows } from './row-window';

describe('row window', () => {
  it('finds the rows that intersect the viewport, partial rows included', () => {
    expect(visibleRows(0, 280, 28)).toEqual({ firstRow: 0, endRow: 10 });
    expect(visibleRows(14, 280, 28)).toEqual({ firstRow: 0, endRow: 11 });
    expect(visibleRows(28 * 500, 100, 28)).toEqual({ firstRow: 500, endRow: 504 });
    // Overscroll bounce and a zero-height viewport stay sane.
    expect(visibleRows(-40, 56, 28)).toEqual({ firstRow: 0, endRow: 2 });
    expect(visibleRows(56, 0, 28)).toEqual({ firstRow: 2, endRow: 2 });
  });

  it('adds overscan on both sides and clamps to the row count', () => {
    const v = (firstRow: number, endRow: number) => ({ firstRow, endRow });
    expect(renderRange(v(0, 10), 1000, 12)).toEqual({ start: 0, end: 22 });
    expect(renderRange(v(500, 510), 1000, 12)).toEqual({ start: 488, end: 522 });
    expect(renderRange(v(995, 1005), 1000, 12)).toEqual({ start: 983, end: 1000 });
    // The list shrank under the scroll position (collapse all): nothing to draw, no negative range.
    expect(renderRange(v(500, 510), 3, 12)).toEqual({ start: 3, end: 3 });
    expect(renderRange(v(0, 10), 0, 12)).toEqual({ start: 0, end: 0 });
  });

  it('draws no overscan while a fast drag leaps further than the viewport per step', () => {
    expect(isLeap(0, 500, 500)).toBe(false);
    expect(isLeap(0, 501, 500)).toBe(true);
    expect(isLeap(9000, 100, 500)).toBe(true);
    expect(renderRange({ firstRow: 500, endRow: 510, leaping: true }, 1000, 12)).toEqual({ start: 500, end: 510 });
    expect(renderRange({ firstRow: 500, endRow: 510, leaping: false }, 1000, 12)).toEqual({ start: 488, end: 522 });
  });

  it('never renders more than the viewport plus overscan, at any scroll offset', () => {
    for (const viewportPx of [0, 27, 28, 29, 300, 455, 841]) {
      for (let scrollTopPx = 0; scrollTopPx < 28 * 60; scrollTopPx += 3) {
        const { start, end } = renderRange(visibleRows(scrollTopPx, viewportPx, 28), 10_000, 6);
        expect(end - start).toBeLessThanOrEqual(Math.ceil(viewportPx / 28) + 1 + 12);
        // The viewport is covered: the first and last visible pixel rows are rendered.
        expect(start * 28).toBeLessThanOrEqual(scrollTopPx);
        expect(end * 28).toBeGreaterThanOrEqual(scrollTopPx + viewportPx);
      }
    }
  });

  it('scrolls a row into view with the least movement', () => {
    // Already fully visible: stay.
    expect(scrollTopToShowRow(5, 28, 0, 280)).toBe(0);
    // Above the viewport: its top goes to the top.
    expect(scrollTopToShowRow(3, 28, 200, 280)).toBe(84);
    // Below: its bottom goes to the bottom.
    expect(scrollTopToShowRow(20, 28, 0, 280)).toBe(21 * 28 - 280);
    // Partly cut at the bottom counts as below.
    expect(scrollTopToShowRow(9, 28, 10, 270)).toBe(10 * 28 - 270);
    expect(scrollTopToShowRow(99_999, 28, 0, 600)).toBe(100_000 * 28 - 600);
  });
});
