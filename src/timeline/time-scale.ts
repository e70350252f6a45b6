// The one time ↔ position mapping of the waterfall. Bars, ruler ticks, markers and the minimap all
// go through these helpers, so they cannot disagree. Positions are fractions of the timeline
// width (0..1), which lets the DOM use percentages and the canvas multiply by its pixel width.

import { ticks as d3Ticks } from 'd3';

/** A time window inside the trace, µs from trace start. */
export interface ViewRange {
  startUs: number;
  endUs: number;
}

/** Smallest zoom window, µs: below this, bars of real spans would be wider than the screen. */
export const MIN_VIEW_WIDTH_US = 1;

/** The whole trace. A zero-length trace still gets a 1 µs wide view so that nothing divides by 0. */
export function fullViewRange(traceDurationUs: number): ViewRange {
  return { startUs: 0, endUs: Math.max(traceDurationUs, MIN_VIEW_WIDTH_US) };
}

/** A range turned the right way round, inside the trace and at least MIN_VIEW_WIDTH_US wide. */
export function clampViewRange(range: ViewRange, traceDurationUs: number): ViewRange {
  const full = fullViewRange(traceDurationUs);
  let startUs = Math.min(range.startUs, range.endUs);
  let endUs = Math.max(range.startUs, range.endUs);
  if (!Number.isFinite(startUs) || !Number.isFinite(endUs)) return full;
  // Wholly outside the trace (a link made for another trace, or edited by hand): nothing to zoom into.
  if (startUs >= full.endUs || endUs <= full.startUs) return full;
  startUs = Math.max(full.startUs, Math.min(startUs, full.endUs));
  endUs = Math.max(full.startUs, Math.min(endUs, full.endUs));
  if (endUs - startUs < MIN_VIEW_WIDTH_US) {
    const mid = (startUs + endUs) / 2;
    startUs = Math.max(full.startUs, mid - MIN_VIEW_WIDTH_US / 2);
    endUs = Math.min(full.endUs, startUs + MIN_VIEW_WIDTH_US);
    startUs = Math.max(full.startUs, endUs - MIN_VIEW_WIDTH_US);
  }
  return { startUs, endUs };
}

export function isFullView(range: ViewRange, traceDurationUs: number): boolean {
  const full = fullViewRange(traceDurationUs);
  return range.startUs <= full.startUs && range.endUs >= full.endUs;
}

/** Fraction (0..1 inside the view; outside it may be <0 or >1) of a time. */
export function timeToFraction(timeUs: number, view: ViewRange): number {
  return (timeUs - view.startUs) / (view.endUs - view.startUs);
}

export function fractionToTime(fraction: number, view: ViewRange): number {
  return view.startUs + fraction * (view.endUs - view.startUs);
}

export interface BarGeometry {
  /** Left edge, fraction of the timeline width, clipped to [0, 1]. */
  left: number;
  /** Width, fraction of the timeline width, clipped to the view (may be 0: draw a minimum). */
  width: number;
  /** False when the bar lies wholly outside the view. */
  inView: boolean;
}

/** Where a bar goes. Clipped to the view so that percentages stay small and sane. */
export function barGeometry(startUs: number, durationUs: number, view: ViewRange): BarGeometry {
  const from = timeToFraction(startUs, view);
  const to = timeToFraction(startUs + Math.max(0, durationUs), view);
  const inView = to >= 0 && from <= 1;
  const left = Math.min(1, Math.max(0, from));
  const right = Math.min(1, Math.max(0, to));
  return { left, width: Math.max(0, right - left), inView };
}

export interface RulerTick {
  /** Tick time, µs from trace start. */
  timeUs: number;
  /** Fraction of the timeline width. */
  at: number;
}

/** Round-numbered ticks (d3's 1-2-5 steps) for a view, about one per `minSpacingPx`. */
export function rulerTicks(view: ViewRange, widthPx: number, minSpacingPx = 90): RulerTick[] {
  const count = Math.max(2, Math.floor(widthPx / minSpacingPx));
  return d3Ticks(view.startUs, view.endUs, count)
    .filter((t) => t >= view.startUs && t <= view.endUs)
    .map((timeUs) => ({ timeUs, at: timeToFraction(timeUs, view) }));
}

/** Zoom a view around a point (fraction of the width) by a factor (<1 zooms in). */
export function zoomAround(view: ViewRange, atFraction: number, factor: number, traceDurationUs: number): ViewRange {
  const pivot = fractionToTime(atFraction, view);
  return clampViewRange(
    { startUs: pivot - (pivot - view.startUs) * factor, endUs: pivot + (view.endUs - pivot) * factor },
    traceDurationUs,
  );
}
