// Everything a waterfall row needs to draw itself, gathered once per render of the timeline so
// that rows stay dumb: no row reads React state of its own, and no state exists per span.

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
  selectedIndex: number;
  activeRowIndex: number;
  errorPrefix: Int32Array;
  /** Per span: 1 when it matches the find query (highlight mode and filter mode alike). */
  matchMask: Uint8Array | null;
  /** Span index of the current find match, or -1. */
  currentMatch: number;
  critical: CriticalSegments | null;
  /** Per span: 1 when the span lies outside its parent across a process boundary. */
  skewMask: Uint8Array | null;
  /** The attribute shown as bar label, or null for the duration. */
  labelAttribute: string | null;
  nameColumnPx: number;
  /** Rows are this tall, px. */
  rowHeightPx: number;
  onToggleRow(row: number): void;
  onClickRow(rowIndex: number): void;
  onHoverEvent(event: HoveredEvent | null): void;
}
