// Where the histogram's percentile labels go. Each label sits beside its dashed line, to the right
// (or, near the right edge, to the left); labels that would overlap go to another row above, so
// "p90" and "p99" never print into each other ("p9099"). Pure, so the layout can be tested.

/** Estimated width of one character of the 11px semibold label, generous so estimates do not touch. */
const CHAR_WIDTH_PX = 7;
/** Gap between the line and its label (the text's dx). */
export const LABEL_OFFSET_PX = 3;
/** Minimum space between two labels in one row. */
const LABEL_GAP_PX = 4;
/** Marks closer than this share one line and one label (`p90/p99`). */
const MERGE_PX = 3;

export interface PlacedMark {
  key: string;
  label: string;
  x: number;
  /** 0 is the row nearest the plot; each row is one line of text higher. */
  row: number;
  anchor: 'start' | 'end';
  /** The label's estimated extent, for tests and overlap checks. */
  leftPx: number;
  rightPx: number;
}

/**
 * Marks in ascending x. Near `rightEdgePx` a label goes left of its line so it stays in the plot.
 * Every label gets the lowest row in which it overlaps no label already placed; with n marks at
 * most n rows are used.
 */
export function placeMarks(marks: readonly { key: string; x: number }[], rightEdgePx: number): PlacedMark[] {
  const groups: { key: string; label: string; x: number }[] = [];
  for (const mark of [...marks].sort((a, b) => a.x - b.x)) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(mark.x - last.x) < MERGE_PX) last.label += `/${mark.key}`;
    else groups.push({ key: mark.key, label: mark.key, x: mark.x });
  }
  const placed: PlacedMark[] = [];
  for (const group of groups) {
    const widthPx = group.label.length * CHAR_WIDTH_PX;
    const anchor = group.x + LABEL_OFFSET_PX + widthPx > rightEdgePx ? 'end' : 'start';
    const leftPx = anchor === 'start' ? group.x + LABEL_OFFSET_PX : group.x - LABEL_OFFSET_PX - widthPx;
    const rightPx = leftPx + widthPx;
    let row = 0;
    while (placed.some((p) => p.row === row && leftPx < p.rightPx + LABEL_GAP_PX && p.leftPx < rightPx + LABEL_GAP_PX)) row++;
    placed.push({ ...group, row, anchor, leftPx, rightPx });
  }
  return placed;
}
