// A neutral description of the mock traces. Every wire format the mock backends serve (Jaeger v1
// JSON, OTLP with hex IDs for Jaeger api_v3, Tempo's base64/enum-name OTLP, search summaries,
// dependency links, tag values) is generated from these specs, so all endpoints agree.

export type MockSpanKind = 'server' | 'client' | 'internal' | 'producer' | 'consumer';
export type MockAttrValue = string | number | boolean;

export interface MockSpan {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  kind: MockSpanKind;
  /** Offset from the trace start, µs. */
  startOffsetUs: number;
  durationUs: number;
  error?: string;
  attributes?: Record<string, MockAttrValue>;
}

export interface MockTrace {
  /** 32 lower-case hex characters. */
  traceId: string;
  /** Absolute start of the first span, epoch µs. */
  startUs: number;
  /** Sub-µs part of every span start (exercises exact ns handling). */
  startNsRemainder: number;
  spans: MockSpan[];
}

export function spanStartNs(trace: MockTrace, span: MockSpan): bigint {
  return (BigInt(trace.startUs) + BigInt(span.startOffsetUs)) * 1000n + BigInt(trace.startNsRemainder);
}

export function spanEndNs(trace: MockTrace, span: MockSpan): bigint {
  return spanStartNs(trace, span) + BigInt(span.durationUs) * 1000n;
}

export function traceStartNs(trace: MockTrace): bigint {
  let min: bigint | undefined;
  for (const s of trace.spans) {
    const v = spanStartNs(trace, s);
    if (min === undefined || v < min) min = v;
  }
  return min ?? 0n;
}

export function traceEndNs(trace: MockTrace): bigint {
  let max = 0n;
  for (const s of trace.spans) {
    const v = spanEndNs(trace, s);
    if (v > max) max = v;
  }
  return max;
}

export function traceDurationUs(trace: MockTrace): number {
  return Number(traceEndNs(trace) - traceStartNs(trace)) / 1000;
}

export function rootSpan(trace: MockTrace): MockSpan | undefined {
  return trace.spans.find((s) => s.parentSpanId === undefined);
}

export interface MockServiceStats {
  name: string;
  spanCount: number;
  errorCount: number;
}

/** Per-service span and error counts, in order of first appearance. */
export function serviceStats(trace: MockTrace): MockServiceStats[] {
  const byName = new Map<string, MockServiceStats>();
  for (const s of trace.spans) {
    let entry = byName.get(s.service);
    if (!entry) {
      entry = { name: s.service, spanCount: 0, errorCount: 0 };
      byName.set(s.service, entry);
    }
    entry.spanCount++;
    if (s.error !== undefined) entry.errorCount++;
  }
  return [...byName.values()];
}

export function errorCount(trace: MockTrace): number {
  return trace.spans.filter((s) => s.error !== undefined).length;
}

export interface MockEdge {
  parent: string;
  child: string;
  callCount: number;
  errorCount: number;
  /** Durations of the child-side spans, µs. */
  durationsUs: number[];
}

/** Service-to-service calls: a span whose parent belongs to another service. */
export function serviceEdges(traces: readonly MockTrace[]): MockEdge[] {
  const edges = new Map<string, MockEdge>();
  for (const trace of traces) {
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    for (const span of trace.spans) {
      const parent = span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
      if (!parent || parent.service === span.service) continue;
      const key = `${parent.service}\u0000${span.service}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = { parent: parent.service, child: span.service, callCount: 0, errorCount: 0, durationsUs: [] };
        edges.set(key, edge);
      }
      edge.callCount++;
      if (span.error !== undefined) edge.errorCount++;
      edge.durationsUs.push(span.durationUs);
    }
  }
  return [...edges.values()];
}

export function servicesOf(traces: readonly MockTrace[]): string[] {
  return [...new Set(traces.flatMap((t) => t.spans.map((s) => s.service)))].sort();
}

/** Span names of a service with their kinds, de-duplicated, sorted by name. */
export function operationsOf(traces: readonly MockTrace[], service: string): { name: string; kind: MockSpanKind }[] {
  const seen = new Map<string, MockSpanKind>();
  for (const t of traces) for (const s of t.spans) if (s.service === service && !seen.has(s.name)) seen.set(s.name, s.kind);
  return [...seen.entries()].map(([name, kind]) => ({ name, kind })).sort((a, b) => a.name.localeCompare(b.name));
}
