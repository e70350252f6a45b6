// Greedy label placement in screen space: labels are tried in priority order (hovered and found
// services first, then the busiest) and a label is drawn only where it overlaps no label already
// placed. Zoomed out, only the big services keep their names; zoom in and the rest appear. Text
// therefore stays at one readable size instead of shrinking with the zoom.

export interface LabelBox {
  /** Left, top, width, height in screen px. */
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL_PX = 64;

/**
 * Returns, for each box in order, whether it is placed. Boxes entirely outside the viewport are
 * skipped. At most `maxLabels` are placed; `paddingPx` keeps neighbours apart.
 */
export function placeLabels(
  boxes: readonly LabelBox[],
  viewport: { width: number; height: number },
  maxLabels: number,
  paddingPx = 2,
): boolean[] {
  const grid = new Map<number, LabelBox[]>();
  const placed: boolean[] = boxes.map(() => false);
  let count = 0;
  const cellsOf = (box: LabelBox, visit: (key: number) => boolean | void): boolean => {
    const x0 = Math.floor((box.x - paddingPx) / CELL_PX);
    const x1 = Math.floor((box.x + box.width + paddingPx) / CELL_PX);
    const y0 = Math.floor((box.y - paddingPx) / CELL_PX);
    const y1 = Math.floor((box.y + box.height + paddingPx) / CELL_PX);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        if (visit(cx * 100_003 + cy) === true) return true;
      }
    }
    return false;
  };
  boxes.forEach((box, i) => {
    if (count >= maxLabels) return;
    if (box.x + box.width < 0 || box.y + box.height < 0 || box.x > viewport.width || box.y > viewport.height) return;
    const collides = cellsOf(box, (key) =>
      (grid.get(key) ?? []).some(
        (other) =>
          box.x - paddingPx < other.x + other.width &&
          other.x < box.x + box.width + paddingPx &&
          box.y - paddingPx < other.y + other.height &&
          other.y < box.y + box.height + paddingPx,
      ),
    );
    if (collides) return;
    cellsOf(box, (key) => {
      const list = grid.get(key);
      if (list) list.push(box);
      else grid.set(key, [box]);
    });
    placed[i] = true;
    count++;
  });
  return placed;
}
