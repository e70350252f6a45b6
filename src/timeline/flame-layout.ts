// Layout of the flame graph (an icicle: x = time, y = depth). Pure and typed-array based, so
// hit testing a pointer is a binary search in one depth's span list, not a scan of the trace.

import type { SpanColumns } from '../model/types';

export interface FlameLayout {
  /** Per depth: span indices at that depth, sorted by start. */
  byDepth: Int32Array[];
  /** Per depth: running maximum of span ends in `byDepth` order (for the binary search). */
  maxEndByDepth: Float64Array[];
}

export function buildFlameLayout(columns: SpanColumns): FlameLayout {
  const n = columns.depth.length;
  let maxDepth = -1;
  for (let i = 0; i < n; i++) maxDepth = Math.max(maxDepth, columns.depth[i] ?? 0);
  const counts = new Int32Array(maxDepth + 1);
  for (let i = 0; i < n; i++) counts[columns.depth[i] ?? 0]!++;
  const byDepth = Array.from(counts, (count) => new Int32Array(count));
  const fill = new Int32Array(maxDepth + 1);
  for (let i = 0; i < n; i++) {
    const d = columns.depth[i] ?? 0;
    byDepth[d]![fill[d]!++] = i;
  }
  const { startUs, durationUs } = columns;
  const maxEndByDepth = byDepth.map((list) => {
    list.sort((a, b) => (startUs[a] ?? 0) - (startUs[b] ?? 0) || a - b);
    const maxEnd = new Float64Array(list.length);
    let running = -Infinity;
    list.forEach((i, k) => {
      running = Math.max(running, (startUs[i] ?? 0) + (durationUs[i] ?? 0));
      maxEnd[k] = running;
    });
    return maxEnd;
  });
  return { byDepth, maxEndByDepth };
}

/**
 * The span drawn at `timeUs` on row `depth`: the latest-starting span there that covers the time,
 * within `toleranceUs` (so thin spans can be hit). -1 when none.
 */
export function flameHitTest(layout: FlameLayout, columns: SpanColumns, depth: number, timeUs: number, toleranceUs: number): number {
  const list = layout.byDepth[depth];
  const maxEnd = layout.maxEndByDepth[depth];
  if (!list || !maxEnd || list.length === 0) return -1;
  // Last span starting at or before timeUs + tolerance.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((columns.startUs[list[mid] ?? 0] ?? 0) <= timeUs + toleranceUs) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    if ((maxEnd[k] ?? -Infinity) < timeUs - toleranceUs) break; // nothing earlier reaches this far
    const i = list[k] ?? 0;
    const end = (columns.startUs[i] ?? 0) + (columns.durationUs[i] ?? 0);
    if (end >= timeUs - toleranceUs) return i;
  }
  return -1;
}
