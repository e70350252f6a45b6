// Critical path: the chain of work that determined when each root finished.
//
// Walking back from the end of a root, the last-finishing child that ends no later than the
// current point is on the path; the gap between its end and the point belongs to the parent;
// then the walk continues inside that child, and afterwards from the child's start. Children are
// clipped to their parent first, so a child that outlives its parent only counts up to the
// parent's end. Iterative, so deep traces cannot overflow the stack.

import type { Trace } from './types';

export interface CriticalPathSegment {
  spanIndex: number;
  /** Offset from trace start, µs. */
  startUs: number;
  endUs: number;
}

interface Frame {
  spanIndex: number;
  /** The span's window after clipping to its parent's window. */
  lowUs: number;
  /** The walk's current point, moving back from the window end. */
  cursorUs: number;
  /** Children clipped to the window, latest clipped end first. */
  children: { index: number; startUs: number; endUs: number }[];
  next: number;
}

/** Segments of every root's critical path: roots in display order, each root chronological. */
export function computeCriticalPath(trace: Trace): CriticalPathSegment[] {
  const segments: CriticalPathSegment[] = [];
  for (const root of trace.rootIndices) {
    for (const segment of criticalPathOfRoot(trace, root)) segments.push(segment);
  }
  return segments;
}

/** Chronological, non-overlapping segments of positive length covering the root's duration. */
export function criticalPathOfRoot(trace: Trace, rootIndex: number): CriticalPathSegment[] {
  const { startUs, durationUs } = trace.columns;
  const backwards: CriticalPathSegment[] = [];
  const emit = (spanIndex: number, fromUs: number, toUs: number) => {
    if (toUs > fromUs) backwards.push({ spanIndex, startUs: fromUs, endUs: toUs });
  };
  const frameFor = (spanIndex: number, lowUs: number, highUs: number): Frame => {
    const children: Frame['children'] = [];
    for (const c of trace.spans[spanIndex]!.childIndices) {
      const from = Math.max(startUs[c]!, lowUs);
      const to = Math.min(startUs[c]! + durationUs[c]!, highUs);
      // Zero-length (or wholly outside) children take no time on the path.
      if (to > from) children.push({ index: c, startUs: from, endUs: to });
    }
    // Latest end first; on equal ends the longer child explains more of the wait.
    children.sort((a, b) => b.endUs - a.endUs || a.startUs - b.startUs || a.index - b.index);
    return { spanIndex, lowUs, cursorUs: highUs, children, next: 0 };
  };

  const rootStart = startUs[rootIndex]!;
  const stack: Frame[] = [frameFor(rootIndex, rootStart, rootStart + durationUs[rootIndex]!)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    // Children ending after the cursor ran alongside a later path span: never on the path again,
    // because the cursor only moves back.
    while (frame.next < frame.children.length && frame.children[frame.next]!.endUs > frame.cursorUs) frame.next++;
    const child = frame.children[frame.next];
    if (child === undefined || child.endUs <= frame.lowUs) {
      emit(frame.spanIndex, frame.lowUs, frame.cursorUs);
      stack.pop();
      continue;
    }
    frame.next++;
    emit(frame.spanIndex, child.endUs, frame.cursorUs);
    frame.cursorUs = child.startUs;
    stack.push(frameFor(child.index, child.startUs, child.endUs));
  }
  return backwards.reverse();
}

/** Total time on the critical path per span (µs), indexed like `trace.spans`. */
export function criticalPathTimePerSpan(trace: Trace, segments: readonly CriticalPathSegment[]): Float64Array {
  const totals = new Float64Array(trace.spans.length);
  for (const s of segments) totals[s.spanIndex]! += s.endUs - s.startUs;
  return totals;
}
