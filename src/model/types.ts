// The one internal trace model. Every wire format is converted into `RawSpan`s by a parser in
// src/api/parsers, and `buildTrace` (src/model/build-trace.ts) turns them into a `Trace`.
// Nothing here knows about React, the DOM or fetch.

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type StatusCode = 'unset' | 'ok' | 'error';

/** A JSON-like attribute value. 64-bit integers beyond 2^53 stay decimal strings. */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };

/** Attributes are a list, not a map: inputs can repeat keys and we show what arrived. */
export interface Attribute {
  key: string;
  value: AttrValue;
}

export interface RawEvent {
  /** Absolute time, epoch microseconds (may be fractional for ns precision). null when missing. */
  timeUs: number | null;
  name: string;
  attributes: Attribute[];
}

export type ReferenceType = 'child-of' | 'follows-from' | 'link';

export interface SpanReference {
  type: ReferenceType;
  traceId: string;
  spanId: string;
  attributes: Attribute[];
}

/**
 * A span as a parser hands it over: IDs normalised, absolute times, no tree yet.
 * Parsers never drop a span; what they cannot read they fill with defaults and note in `warnings`.
 */
export interface RawSpan {
  /** Normalised trace ID (lower-case hex, left-padded to 16 or 32; or an opaque string). */
  traceId: string;
  /** Normalised span ID (lower-case hex, left-padded to 16; or an opaque string). Empty if absent. */
  spanId: string;
  /** Normalised parent span ID, or null for a root (absent, empty or all-zero parent). */
  parentSpanId: string | null;
  name: string;
  serviceName: string;
  kind: SpanKind;
  status: StatusCode;
  statusMessage: string;
  /** Absolute start, integer epoch microseconds (exact up to year 2255), or null when missing. */
  startUs: number | null;
  /** The sub-microsecond part of the start (0..999 ns), so the absolute start is kept exactly. */
  startNsRemainder: number;
  /** Duration in microseconds (fractional for ns precision), or null when missing. */
  durationUs: number | null;
  attributes: Attribute[];
  resourceAttributes: Attribute[];
  /** Instrumentation scope / library, when the format has one. */
  scope: { name: string; version: string } | null;
  events: RawEvent[];
  /** References other than the primary parent (follows-from, links, extra parents). */
  references: SpanReference[];
  warnings: string[];
  /** Counts of dropped attributes/events/links reported by the producer (OTLP). */
  dropped: { attributes: number; events: number; links: number };
  /** Format-specific extras kept for display (e.g. Jaeger process tags, Zipkin endpoints). */
  extra?: Record<string, AttrValue>;
}

export type WireFormat =
  | 'jaeger-api-v1'
  | 'jaeger-trace'
  | 'jaeger-api-v3'
  | 'jaeger-api-v2-proto-json'
  | 'otlp-json'
  | 'otlp-ndjson'
  | 'tempo-v1'
  | 'tempo-v2'
  | 'zipkin-v2'
  | 'demo';

/** Problems found while building the tree. No span is ever dropped because of one. */
export interface TraceIssues {
  /** Spans whose parent ID is not in the trace; they are shown as extra roots. */
  orphanSpanIndices: number[];
  /** Span IDs that occur more than once, with how many times. */
  duplicateSpanIds: { spanId: string; count: number }[];
  /** Spans whose parent link would close a cycle; the link was cut and the span became a root. */
  cycleSpanIndices: number[];
  /** Spans that arrived without a start time or duration (the union of the next two lists). */
  missingTimeSpanIndices: number[];
  /** Spans without a readable start: drawn at their parent's start (else the trace start). */
  missingStartSpanIndices: number[];
  /** Spans without a readable duration: drawn with zero length. */
  missingDurationSpanIndices: number[];
  /**
   * Spans that arrived without a span ID. Each got a stand-in ID (`missing-id-1`, … in input
   * order; see build-trace.ts) so that it can be selected, linked (`span=`) and collapsed like
   * any other; nothing can name it as a parent.
   */
  missingIdSpanIndices: number[];
  /** Human-readable warnings gathered from parsers and the builder. */
  warnings: string[];
}

export const enum SpanFlag {
  Error = 1,
  Orphan = 2,
  MissingTime = 4,
  DuplicateId = 8,
  CycleCut = 16,
  HasChildren = 32,
  /** Moved by a clock-skew adjustment (src/model/clock-skew.ts), itself or with an ancestor. */
  SkewAdjusted = 64,
}

/**
 * Columnar hot data in DFS order (index i = spans[i]). Drawing and layout read only these.
 */
export interface SpanColumns {
  /** Start offset from trace start, µs. */
  startUs: Float64Array;
  durationUs: Float64Array;
  /** 0-based depth in the tree (roots are 0). */
  depth: Uint32Array;
  /** Index of the parent span, or -1 for a root. */
  parent: Int32Array;
  /** Index into Trace.services. */
  service: Uint32Array;
  /** SpanFlag bits. */
  flags: Uint8Array;
  /** Index one past the last span of this span's subtree (DFS order makes a subtree contiguous). */
  subtreeEnd: Int32Array;
  /** Number of direct children. */
  childCount: Uint32Array;
}

export interface Span {
  /** Position in Trace.spans (DFS order). */
  index: number;
  traceId: string;
  spanId: string;
  /** The parent ID as it arrived (even when that parent is missing). */
  parentSpanId: string | null;
  name: string;
  serviceName: string;
  kind: SpanKind;
  status: StatusCode;
  statusMessage: string;
  isError: boolean;
  /** Offset from trace start, µs. */
  startUs: number;
  durationUs: number;
  depth: number;
  /** Index of the parent span in Trace.spans, or -1. */
  parentIndex: number;
  childIndices: number[];
  attributes: Attribute[];
  resourceAttributes: Attribute[];
  scope: { name: string; version: string } | null;
  /** Events with `timeUs` as an offset from trace start. */
  events: { timeUs: number; name: string; attributes: Attribute[] }[];
  references: SpanReference[];
  warnings: string[];
  dropped: { attributes: number; events: number; links: number };
  extra?: Record<string, AttrValue>;
}

export interface ServiceInfo {
  name: string;
  spanCount: number;
  errorCount: number;
}

export interface Trace {
  traceId: string;
  /** Absolute trace start, epoch µs (integer). */
  startUs: number;
  /** Absolute trace start, exact, as a decimal epoch-nanoseconds string. */
  startNs: string;
  durationUs: number;
  /** All spans in DFS order: roots sorted by start, children sorted by start. */
  spans: Span[];
  /** Indices of root spans (true roots, orphans and cycle-cut spans), in display order. */
  rootIndices: number[];
  services: ServiceInfo[];
  /** Max depth + 1. */
  depth: number;
  errorCount: number;
  columns: SpanColumns;
  issues: TraceIssues;
  format: WireFormat;
}

/** One search hit, as a results list needs it. Built from a Trace or from a backend's summary. */
export interface TraceSummary {
  traceId: string;
  rootServiceName: string;
  rootName: string;
  /** Absolute start, epoch µs; 0 when `startUnknown` (use summaryStartUs to read it). */
  startUs: number;
  /**
   * No span has a start time (the rule of traceStartUnknown), or the backend gave none: the start
   * is unknown, and showing `startUs` would claim 1970. Absent when the start is known.
   */
  startUnknown?: true;
  durationUs: number;
  /** null when the backend does not say (e.g. Tempo search). */
  spanCount: number | null;
  errorCount: number | null;
  orphanCount: number | null;
  services: ServiceInfo[];
}

/** One edge of a service dependency graph. */
export interface DependencyLink {
  parent: string;
  child: string;
  callCount: number;
  errorCount?: number;
  /** Latency of the child calls, when known. */
  p50Us?: number;
  p95Us?: number;
  /** Trace IDs that contain this edge (derived graphs only). */
  traceIds?: string[];
  /** True when more traces contain this edge than `traceIds` lists (the list is capped). */
  traceIdsTruncated?: boolean;
}
