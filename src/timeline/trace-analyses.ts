// Adapters from the model's analyses (src/model) to the shapes the waterfall draws from.
// Each runs once per trace (or per query), never per frame.

import { computeCriticalPath } from '../model/critical-path';
import { findSiblingRuns } from '../model/group-siblings';
import type { Trace } from '../model/types';
import type { CriticalSegments } from './row-context';
import type { SiblingGroupIndex } from './row-list';

/** Shortest run of look-alike siblings worth folding. */
export const MIN_GROUP_RUN = 3;

/** The model's sibling runs as the typed index the row list walks. */
export function siblingGroupIndex(trace: Trace, minRunLength = MIN_GROUP_RUN): SiblingGroupIndex {
  const runs = findSiblingRuns(trace, minRunLength);
  const n = trace.spans.length;
  const groupAt = new Int32Array(n).fill(-1);
  const memberOf = new Int32Array(n).fill(-1);
  const firstIndex = new Int32Array(runs.length);
  const lastIndex = new Int32Array(runs.length);
  const memberCount = new Int32Array(runs.length);
  const totalDurationUs = new Float64Array(runs.length);
  runs.forEach((run, g) => {
    const first = run.spanIndices[0] ?? run.firstChildIndex;
    const last = run.spanIndices[run.spanIndices.length - 1] ?? first;
    groupAt[first] = g;
    for (const i of run.spanIndices) memberOf[i] = g;
    firstIndex[g] = first;
    lastIndex[g] = last;
    memberCount[g] = run.spanIndices.length;
    totalDurationUs[g] = run.totalUs;
  });
  return { groupAt, memberOf, firstIndex, lastIndex, memberCount, totalDurationUs };
}

/** Critical-path pieces grouped per span, as flat [start, end] pairs. */
export function criticalSegmentsBySpan(trace: Trace): CriticalSegments {
  const pairs = new Map<number, number[]>();
  for (const segment of computeCriticalPath(trace)) {
    let list = pairs.get(segment.spanIndex);
    if (!list) pairs.set(segment.spanIndex, (list = []));
    list.push(segment.startUs, segment.endUs);
  }
  const out: CriticalSegments = new Map();
  for (const [spanIndex, list] of pairs) out.set(spanIndex, Float64Array.from(list));
  return out;
}

/** Indices of error spans in DFS order, for jump-to-next-error. */
export function errorSpanIndices(trace: Trace, errorFlag: number): Int32Array {
  const { flags } = trace.columns;
  let count = 0;
  for (let i = 0; i < flags.length; i++) if ((flags[i] ?? 0) & errorFlag) count++;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < flags.length; i++) if ((flags[i] ?? 0) & errorFlag) out[k++] = i;
  return out;
}

/**
 * The next (direction 1) or previous (-1) entry of a sorted index list after `from`, wrapping
 * around; -1 when the list is empty. `from` = -1 starts before the first span.
 */
export function nextInSorted(sorted: Int32Array, from: number, direction: 1 | -1): number {
  if (sorted.length === 0) return -1;
  // First position whose value is > from.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= from) lo = mid + 1;
    else hi = mid;
  }
  if (direction === 1) return sorted[lo < sorted.length ? lo : 0] ?? -1;
  // Last position whose value is < from.
  let p = lo - 1;
  if (p >= 0 && sorted[p] === from) p--;
  return sorted[p >= 0 ? p : sorted.length - 1] ?? -1;
}
