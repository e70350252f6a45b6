// Per-span questions about the trace's issue lists (TraceIssues). The lists are in DFS order,
// so a binary search answers them; the row and details views ask only for the few spans on
// screen, and only when the list is not empty.

import { sortedIndexOf } from '../lib/sorted-index';
import type { Trace } from './types';

const sortedIncludes = (list: readonly number[], value: number): boolean => sortedIndexOf(list, value) >= 0;

/** The span arrived without an ID; its `spanId` is a stand-in (`missing-id-…`). */
export function spanIdMissing(trace: Trace, index: number): boolean {
  return sortedIncludes(trace.issues.missingIdSpanIndices, index);
}

/** The span arrived without a readable start; it is drawn at its parent's start. */
export function spanStartMissing(trace: Trace, index: number): boolean {
  return sortedIncludes(trace.issues.missingStartSpanIndices, index);
}

/** The span arrived without a readable duration; it is drawn with zero length. */
export function spanDurationMissing(trace: Trace, index: number): boolean {
  return sortedIncludes(trace.issues.missingDurationSpanIndices, index);
}

/** No span has a readable start: the trace's start time is unknown (not 1970). */
export function traceStartUnknown(trace: Trace): boolean {
  return trace.issues.missingStartSpanIndices.length === trace.spans.length;
}

/** No span has a readable duration: the trace's duration is unknown (not 0). */
export function traceDurationUnknown(trace: Trace): boolean {
  return trace.issues.missingDurationSpanIndices.length === trace.spans.length;
}
