// Percentiles with linear interpolation between closest ranks (the common "type 7" definition),
// so p50 of [1, 2, 3, 4] is 2.5 and p95 of a single value is that value.

/** `fraction` in [0, 1]; `sorted` ascending. NaN for an empty list. */
export function percentileOfSorted(sorted: ArrayLike<number>, fraction: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const clamped = Math.min(1, Math.max(0, fraction));
  const rank = clamped * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  const low = sorted[lo]!;
  return low + (sorted[hi]! - low) * (rank - lo);
}

/** Sorts a copy; use `percentileOfSorted` when asking several percentiles of one list. */
export function percentile(values: ArrayLike<number>, fraction: number): number {
  const sorted = Float64Array.from(values).sort();
  return percentileOfSorted(sorted, fraction);
}
