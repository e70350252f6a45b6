// Hooks that run the model's analyses for the waterfall, memoised per trace (and per query or
// toggle), so a scroll or a hover never recomputes them.

import { useMemo } from 'react';
import { applySkewAdjustment, detectClockSkew } from '../model/clock-skew';
import { ancestorsOf, findSpans, prepareSearchTexts } from '../model/find-in-trace';
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

/** Spans whose search text is built per task while preparing: ~10 ms each. */
const PREPARE_SLICE_SPANS = 5000;

/**
 * Builds the trace's search text ahead of the first query (when the find box gets focus): the
 * model makes it lazily, once per trace, and on 100k spans that is most of the first search's
 * cost. It is built in slices, one task each, so that neither the keystroke nor a scroll waits
 * for it; a search that starts before it is done builds the rest itself.
 */
const preparedTraces = new WeakSet<Trace>();
export function prepareFind(trace: Trace): void {
  if (preparedTraces.has(trace)) return;
  preparedTraces.add(trace);
  const step = (): void => {
    if (!prepareSearchTexts(trace, PREPARE_SLICE_SPANS)) window.setTimeout(step, 0);
  };
  window.setTimeout(step, 0);
}

/**
 * How long the find box waits for typing to pause, ms: a few times what one search costs (well
 * under 1 µs per span once the search text exists), at most 100 ms. A 10k-span trace answers
 * after 10 ms, a 100k one after 100 ms.
 */
export function findDebounceMs(spanCount: number): number {
  return Math.min(100, Math.round(spanCount / 1000));
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
