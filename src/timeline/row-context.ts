// Everything a waterfall row needs to draw itself, so that rows stay dumb: no row reads React state
// of its own, and no state exists per span. The timeline memoises this object on its real inputs
// (trace, zoom, collapse state, find, toggles): it does not change while the list scrolls, so rows
// already on screen skip rendering and a scroll frame renders only the rows that came into view.
// What changes per row and often (selected, active, current match) is passed to each row instead.

import type { Trace } from '../model/types';
import type { SiblingGroupIndex } from './row-list';
import type { ViewRange } from './time-scale';

/** Critical-path pieces per span: flat [startUs, endUs] pairs, µs from trace start. */
export type CriticalSegments = Map<number, Float64Array>;

export interface HoveredEvent {
  spanIndex: number;
  eventIndex: number;
  /** Viewport position for the tooltip. */
  clientX: number;
  clientY: number;
}

export interface RowContext {
  /** The trace as drawn (clock-skew adjusted when the adjustment is on; same span order). */
  trace: Trace;
  /** Colour per service index. */
  colours: readonly string[];
  view: ViewRange;
  /** Span starts as drawn (= trace.columns.startUs). */
  startUs: Float64Array;
  /** Per span: how far the adjustment moved it, µs (0 when off or not skewed). */
  shiftUs: Float64Array | null;
  collapsed: Uint8Array;
  groups: SiblingGroupIndex | null;
  groupExpanded: Uint8Array;
  errorPrefix: Int32Array;
  /** Per span: 1 when it matches the find query (highlight mode and filter mode alike). */
  matchMask: Uint8Array | null;
  critical: CriticalSegments | null;
  /** Per span: 1 when the span lies outside its parent across a process boundary. */
  skewMask: Uint8Array | null;
  /** The attribute shown as bar label, or null for the duration. */
  labelAttribute: string | null;
  onToggleRow(row: number): void;
  onClickRow(rowIndex: number): void;
  onHoverEvent(event: HoveredEvent | null): void;
}
