// Mock traces → OTLP JSON in the two dialects the backends speak (API-NOTES §2.1):
// - 'spec'  (Jaeger api_v3): hex IDs, integer enums;
// - 'tempo' (Tempo /api/traces, /api/v2/traces): base64 IDs, enum names, zero values omitted.

import { spanEndNs, spanStartNs, type MockAttrValue, type MockSpanKind, type MockTrace } from './mock-trace-model';

export type OtlpDialect = 'spec' | 'tempo';

const KIND_NUMBER: Record<MockSpanKind, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const KIND_NAME: Record<MockSpanKind, string> = {
  internal: 'SPAN_KIND_INTERNAL',
  server: 'SPAN_KIND_SERVER',
  client: 'SPAN_KIND_CLIENT',
  producer: 'SPAN_KIND_PRODUCER',
  consumer: 'SPAN_KIND_CONSUMER',
};

export function hexToBase64(hex: string): string {
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

export function otlpAnyValue(value: MockAttrValue): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  // int64 travels as a string in OTLP JSON.
  return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}

function attributes(map: Record<string, MockAttrValue> | undefined): Record<string, unknown>[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value: otlpAnyValue(value) }));
}

/** ResourceSpans for the given spans of one trace, one resource per service. */
export function toOtlpResourceSpans(
  trace: MockTrace,
  dialect: OtlpDialect,
  spans = trace.spans,
): Record<string, unknown>[] {
  const id = (hex: string): string => (dialect === 'tempo' ? hexToBase64(hex) : hex);
  const byService = new Map<string, Record<string, unknown>[]>();
  for (const span of spans) {
    const encoded: Record<string, unknown> = {
      traceId: id(trace.traceId),
      spanId: id(span.spanId),
      ...(span.parentSpanId !== undefined ? { parentSpanId: id(span.parentSpanId) } : {}),
      name: span.name,
      kind: dialect === 'tempo' ? KIND_NAME[span.kind] : KIND_NUMBER[span.kind],
      startTimeUnixNano: spanStartNs(trace, span).toString(),
      endTimeUnixNano: spanEndNs(trace, span).toString(),
      attributes: attributes(span.attributes),
      status:
        span.error !== undefined
          ? { code: dialect === 'tempo' ? 'STATUS_CODE_ERROR' : 2, message: span.error }
          : {},
    };
    if (span.error !== undefined) {
      encoded.events = [
        {
          timeUnixNano: spanEndNs(trace, span).toString(),
          name: 'exception',
          attributes: attributes({ 'exception.type': 'Error', 'exception.message': span.error }),
        },
      ];
    }
    const list = byService.get(span.service) ?? [];
    list.push(encoded);
    byService.set(span.service, list);
  }
  return [...byService.entries()].map(([service, encodedSpans]) => ({
    resource: {
      attributes: attributes({ 'service.name': service, 'telemetry.sdk.language': 'go', 'host.name': `${service}-7d9f` }),
    },
    scopeSpans: [{ scope: { name: 'skein-mock', version: '1.0.0' }, spans: encodedSpans }],
  }));
}
