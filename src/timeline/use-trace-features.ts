// Hooks that run the model's analyses for the waterfall, memoised per trace (and per query or
// toggle), so a scroll or a hover never recomputes them.

import { useMemo } from 'react';
import { applySkewAdjustment, detectClockSkew } from '../model/clock-skew';
import { ancestorsOf, findSpans } from '../model/find-in-trace';
import type { Trace } from '../model/types';
import type { SiblingGroupIndex } from './row-list';
import { siblingGroupIndex } from './trace-analyses';

export interface FindMatches {
  /** The query as applied (trimmed); '' = no find active. */
  query: string;
  /** Matching span indices, ascending (DFS order). */
  matches: Int32Array;
  /** Per span: 1 when it matches. */
  mask: Uint8Array;
  /** Per span: 1 for matches and their ancestors (what show-only-matches keeps). */
  visible: Uint8Array;
}

/**
 * Builds the trace's search text ahead of the first query: the model makes it lazily, once per
 * trace, and on 100k spans that is most of the first search's cost. Done once per trace, after
 * the current event (so the keystroke that triggered it is painted first), it overlaps the pause
 * the find box waits before searching.
 */
const preparedTraces = new WeakSet<Trace>();
export function prepareFind(trace: Trace): void {
  if (preparedTraces.has(trace)) return;
  preparedTraces.add(trace);
  // Any query builds the text; this one is cheap to scan for, and its result is thrown away.
  window.setTimeout(() => findSpans(trace, '\u0001'), 0);
}

/**
 * How long the find box waits for typing to pause, ms: a few times what one search costs (well
 * under 1 µs per span once the search text exists), at most 150 ms. A 10k-span trace answers
 * after 20 ms, a 100k one after 150 ms.
 */
export function findDebounceMs(spanCount: number): number {
  return Math.min(150, Math.round(spanCount / 500));
}

export function useFindMatches(trace: Trace, rawQuery: string): FindMatches {
  const query = rawQuery.trim();
  return useMemo(() => {
    const matches = query === '' ? new Int32Array(0) : findSpans(trace, query);
    const mask = new Uint8Array(trace.spans.length);
    for (const i of matches) mask[i] = 1;
    return { query, matches, mask, visible: ancestorsOf(trace, matches) };
  }, [trace, query]);
}

export interface ClockSkewView {
  /** The trace as drawn: the input, or a copy with the adjustments applied (same span order). */
  displayTrace: Trace;
  /** Per span: 1 when it lies outside its parent across a process boundary; null when none do. */
  mask: Uint8Array | null;
  /** Number of such spans. */
  skewedCount: number;
  /** Per span: how far the adjustment moved it (with its adjusted ancestors), µs; null when off. */
  shiftUs: Float64Array | null;
}

export function useClockSkew(trace: Trace, adjust: boolean): ClockSkewView {
  const adjustments = useMemo(() => detectClockSkew(trace), [trace]);
  const mask = useMemo(() => {
    if (adjustments.length === 0) return null;
    const m = new Uint8Array(trace.spans.length);
    for (const a of adjustments) m[a.spanIndex] = 1;
    return m;
  }, [trace, adjustments]);
  return useMemo(() => {
    if (!adjust || adjustments.length === 0) {
      return { displayTrace: trace, mask, skewedCount: adjustments.length, shiftUs: null };
    }
    const displayTrace = applySkewAdjustment(trace, adjustments);
    const shiftUs = new Float64Array(trace.spans.length);
    const before = trace.columns.startUs;
    const after = displayTrace.columns.startUs;
    for (let i = 0; i < shiftUs.length; i++) shiftUs[i] = (after[i] ?? 0) - (before[i] ?? 0);
    return { displayTrace, mask, skewedCount: adjustments.length, shiftUs };
  }, [trace, adjust, adjustments, mask]);
}

/** Runs of repeated siblings (computed only while grouping is on). */
export function useSiblingGroups(trace: Trace, enabled: boolean): SiblingGroupIndex | null {
  return useMemo(() => {
    if (!enabled) return null;
    const groups = siblingGroupIndex(trace);
    return groups.firstIndex.length > 0 ? groups : null;
  }, [trace, enabled]);
}
