// Runs of look-alike siblings (an N+1 query loop, a batch of identical RPCs) that the waterfall
// can fold into one row: "12 × SELECT orders — total 840 ms".

import type { Trace } from './types';

export interface SiblingRun {
  /** Parent of the run, or -1 for a run of root spans. */
  parentIndex: number;
  firstChildIndex: number;
  /** The spans of the run, in start order. */
  spanIndices: number[];
  /** Sum of the run's durations, µs. */
  totalUs: number;
}

/**
 * Consecutive siblings (in start order) with the same service and the same name, at least
 * `minRunLength` long. Runs are listed in DFS order of their first span.
 */
export function findSiblingRuns(trace: Trace, minRunLength = 3): SiblingRun[] {
  const minLength = Math.max(2, Math.floor(minRunLength));
  const runs: SiblingRun[] = [];
  const { durationUs, service } = trace.columns;
  const scan = (parentIndex: number, siblings: readonly number[]) => {
    let from = 0;
    for (let k = 1; k <= siblings.length; k++) {
      const prev = siblings[k - 1]!;
      const cur = siblings[k];
      const same =
        cur !== undefined && service[cur] === service[prev] && trace.spans[cur]!.name === trace.spans[prev]!.name;
      if (same) continue;
      if (k - from >= minLength) {
        const spanIndices = siblings.slice(from, k);
        let totalUs = 0;
        for (const i of spanIndices) totalUs += durationUs[i]!;
        runs.push({ parentIndex, firstChildIndex: spanIndices[0]!, spanIndices, totalUs });
      }
      from = k;
    }
  };
  scan(-1, trace.rootIndices);
  for (const span of trace.spans) if (span.childIndices.length >= minLength) scan(span.index, span.childIndices);
  return runs.sort((a, b) => a.firstChildIndex - b.firstChildIndex);
}
