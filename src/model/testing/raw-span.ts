// Test helpers: compact RawSpan / Trace construction for unit tests of the model and the views.

import { buildTrace } from '../build-trace';
import type { RawSpan, Trace } from '../types';

/** Epoch µs used as the absolute base of test traces (2024-01-01T00:00:00Z). */
export const TEST_EPOCH_US = 1_704_067_200_000_000;

/** A RawSpan with sensible defaults; `startUs`/`durationUs` given here are ABSOLUTE µs. */
export function rawSpan(partial: Partial<RawSpan> & { spanId: string }): RawSpan {
  return {
    traceId: 'trace-1',
    parentSpanId: null,
    name: `op-${partial.spanId}`,
    serviceName: 'svc',
    kind: 'internal',
    status: 'unset',
    statusMessage: '',
    startUs: TEST_EPOCH_US,
    startNsRemainder: 0,
    durationUs: 0,
    attributes: [],
    resourceAttributes: [],
    scope: null,
    events: [],
    references: [],
    warnings: [],
    dropped: { attributes: 0, events: 0, links: 0 },
    ...partial,
  };
}

export interface SpanSpec {
  id: string;
  parent?: string | null;
  /** Offset from TEST_EPOCH_US, µs. */
  start: number;
  duration: number;
  service?: string;
  name?: string;
  error?: boolean;
  kind?: RawSpan['kind'];
  attributes?: RawSpan['attributes'];
  traceId?: string;
}

export function rawSpansFromSpecs(specs: readonly SpanSpec[]): RawSpan[] {
  return specs.map((s) =>
    rawSpan({
      spanId: s.id,
      parentSpanId: s.parent ?? null,
      startUs: TEST_EPOCH_US + s.start,
      durationUs: s.duration,
      serviceName: s.service ?? 'svc',
      name: s.name ?? `op-${s.id}`,
      status: s.error ? 'error' : 'unset',
      kind: s.kind ?? 'internal',
      attributes: s.attributes ?? [],
      traceId: s.traceId ?? 'trace-1',
    }),
  );
}

export function traceFromSpecs(specs: readonly SpanSpec[]): Trace {
  return buildTrace(rawSpansFromSpecs(specs), 'demo');
}

/** Span index (DFS position) of the span with this ID (first copy). */
export function indexOf(trace: Trace, spanId: string): number {
  const i = trace.spans.findIndex((s) => s.spanId === spanId);
  if (i < 0) throw new Error(`no span ${spanId}`);
  return i;
}
