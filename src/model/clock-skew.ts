// Clock skew across process boundaries (DESIGN.md §2).
//
// A child recorded by another service uses another machine's clock, so it can appear to start
// before its parent or end after it. `detectClockSkew` proposes a shift per such child (moving
// its whole subtree); `applySkewAdjustment` returns a new Trace with the shifts applied and every
// moved span marked, so the view can offer it visibly and reversibly, never silently.

import { formatDurationUs } from '../lib/duration-format';
import { SpanFlag, type Span, type Trace } from './types';

export interface SkewAdjustment {
  spanIndex: number;
  /** Shift of this span (and, with it, its subtree) relative to where its parent put it, µs. */
  adjustmentUs: number;
}

/**
 * Children outside their parent where the parent belongs to another service. Parents are
 * handled before children (DFS order), and a child is judged against its parent's adjusted
 * position, so nested skew is not corrected twice.
 * - a server child of a client parent that is shorter than it: centred in the parent (the
 *   network latency is split evenly between request and response);
 * - otherwise: moved to start with the parent.
 */
export function detectClockSkew(trace: Trace): SkewAdjustment[] {
  const { startUs, durationUs, parent, service } = trace.columns;
  const n = trace.spans.length;
  const shiftUs = new Float64Array(n); // cumulative shift, inherited down the tree
  const adjustments: SkewAdjustment[] = [];
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p < 0) continue;
    const inheritedUs = shiftUs[p]!;
    shiftUs[i] = inheritedUs;
    if (service[i] === service[p]) continue;
    const childStart = startUs[i]! + inheritedUs;
    const childDuration = durationUs[i]!;
    const parentStart = startUs[p]! + shiftUs[p]!;
    const parentDuration = durationUs[p]!;
    if (childStart >= parentStart && childStart + childDuration <= parentStart + parentDuration) continue;
    const span = trace.spans[i]!;
    const centre =
      span.kind === 'server' && trace.spans[p]!.kind === 'client' && childDuration < parentDuration;
    const targetStart = centre ? parentStart + (parentDuration - childDuration) / 2 : parentStart;
    const adjustmentUs = targetStart - childStart;
    if (adjustmentUs === 0) continue;
    adjustments.push({ spanIndex: i, adjustmentUs });
    shiftUs[i] = inheritedUs + adjustmentUs;
  }
  return adjustments;
}

function signed(us: number): string {
  return us > 0 ? `+${formatDurationUs(us)}` : formatDurationUs(us);
}

/**
 * A new Trace with each adjustment applied to its span's subtree. Span order and indices are
 * kept, so a selection survives toggling the adjustment (siblings may then be slightly out of
 * start order). Nothing of the input trace is mutated.
 */
export function applySkewAdjustment(trace: Trace, adjustments: readonly SkewAdjustment[]): Trace {
  if (adjustments.length === 0) return trace;
  const n = trace.spans.length;
  const { parent } = trace.columns;
  const ownUs = new Float64Array(n);
  for (const a of adjustments) ownUs[a.spanIndex]! += a.adjustmentUs;
  const shiftUs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    shiftUs[i] = (p < 0 ? 0 : shiftUs[p]!) + ownUs[i]!;
  }

  const startUs = new Float64Array(n);
  const flags = trace.columns.flags.slice();
  let endUs = 0;
  let movedCount = 0;
  const spans: Span[] = trace.spans.map((span, i) => {
    const shift = shiftUs[i]!;
    const start = span.startUs + shift;
    startUs[i] = start;
    endUs = Math.max(endUs, start + span.durationUs);
    if (shift === 0) return span;
    movedCount++;
    flags[i]! |= SpanFlag.SkewAdjusted;
    const own = ownUs[i]!;
    const note =
      own !== 0
        ? `Clock skew: shifted by ${signed(own)} to fit inside its parent, which another service recorded.`
        : `Clock skew: shifted by ${signed(shift)} together with an adjusted ancestor.`;
    return {
      ...span,
      startUs: start,
      events: span.events.map((e) => ({ ...e, timeUs: e.timeUs + shift })),
      warnings: [...span.warnings, note],
    };
  });

  // The span that started first may have been the one moved (a child recorded before its parent):
  // the trace then starts later, at its first adjusted span, and the time axis starts there too.
  let firstUs = Infinity;
  for (let i = 0; i < n; i++) firstUs = Math.min(firstUs, startUs[i]!);
  const rebaseUs = n > 0 && Number.isFinite(firstUs) ? firstUs : 0;
  const rebased = rebaseUs === 0 ? spans : spans.map((span) => rebaseSpan(span, rebaseUs));
  if (rebaseUs !== 0) for (let i = 0; i < n; i++) startUs[i]! -= rebaseUs;
  const startNs = rebaseUs === 0 ? trace.startNs : addNs(trace.startNs, Math.round(rebaseUs * 1000));

  return {
    ...trace,
    startUs: rebaseUs === 0 ? trace.startUs : wholeUsOf(startNs, trace.startUs + Math.floor(rebaseUs)),
    startNs,
    spans: rebased,
    durationUs: Math.max(endUs - rebaseUs, 0),
    columns: { ...trace.columns, startUs, flags },
    issues: {
      ...trace.issues,
      warnings: [
        ...trace.issues.warnings,
        `Clock skew adjusted: ${adjustments.length} ${adjustments.length === 1 ? 'span' : 'spans'} shifted to fit their parents (${movedCount} moved in all).`,
      ],
    },
  };
}

function rebaseSpan(span: Span, byUs: number): Span {
  return { ...span, startUs: span.startUs - byUs, events: span.events.map((e) => ({ ...e, timeUs: e.timeUs - byUs })) };
}

/** A decimal epoch-nanoseconds string plus a whole number of nanoseconds (exact, as startNs is). */
function addNs(startNs: string, deltaNs: number): string {
  try {
    return String(BigInt(startNs) + BigInt(deltaNs));
  } catch {
    return startNs; // not a decimal string: left as it was rather than made up
  }
}

/** Whole epoch µs of a decimal epoch-ns string (Number() of the string would round it past 2^53). */
function wholeUsOf(startNs: string, fallbackUs: number): number {
  try {
    return Number(BigInt(startNs) / 1000n);
  } catch {
    return fallbackUs;
  }
}
