// Self time: the part of a span's duration not covered by any of its children.
// Children are clipped to the parent (a child that starts early or ends late only covers the
// overlap), and overlapping children count once (union of intervals).

import type { Trace } from './types';

/** Self time per span in µs, indexed like `trace.spans`. */
export function computeSelfTimes(trace: Trace): Float64Array {
  const n = trace.spans.length;
  const selfUs = new Float64Array(n);
  for (let i = 0; i < n; i++) selfUs[i] = selfTimeOf(trace, i);
  return selfUs;
}

/** Self time of span `i` alone, µs: for one selected span, without computing every span's. */
export function selfTimeOf(trace: Trace, i: number): number {
  const { startUs, durationUs } = trace.columns;
  const spanStart = startUs[i]!;
  const spanEnd = spanStart + durationUs[i]!;
  let coveredUs = 0;
  // Children are in start order (DFS contract), so one sweep merges their intervals.
  let runStart = 0;
  let runEnd = Number.NEGATIVE_INFINITY;
  for (const c of trace.spans[i]!.childIndices) {
    const from = Math.max(startUs[c]!, spanStart);
    const to = Math.min(startUs[c]! + durationUs[c]!, spanEnd);
    if (to <= from) continue;
    if (from > runEnd) {
      if (runEnd > runStart) coveredUs += runEnd - runStart;
      runStart = from;
      runEnd = to;
    } else if (to > runEnd) {
      runEnd = to;
    }
  }
  if (runEnd > runStart) coveredUs += runEnd - runStart;
  return Math.max(0, durationUs[i]! - coveredUs);
}
