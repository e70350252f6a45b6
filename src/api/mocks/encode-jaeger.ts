// Mock traces → Jaeger query API v1 JSON (`{traceID, spans, processes}`), as /api/traces returns.

import type { MockAttrValue, MockTrace } from './mock-trace-model';

function tag(key: string, value: MockAttrValue): Record<string, unknown> {
  if (typeof value === 'string') return { key, type: 'string', value };
  if (typeof value === 'boolean') return { key, type: 'bool', value };
  return Number.isInteger(value) ? { key, type: 'int64', value } : { key, type: 'float64', value };
}

export function toJaegerTrace(trace: MockTrace): Record<string, unknown> {
  const processIds = new Map<string, string>();
  for (const span of trace.spans) if (!processIds.has(span.service)) processIds.set(span.service, `p${processIds.size + 1}`);
  const processes: Record<string, unknown> = {};
  for (const [service, pid] of processIds) {
    processes[pid] = { serviceName: service, tags: [tag('hostname', `${service}-7d9f`), tag('client-uuid', `${pid}-mock`)] };
  }
  return {
    traceID: trace.traceId,
    spans: trace.spans.map((span) => {
      const startTime = trace.startUs + span.startOffsetUs;
      const tags = [
        tag('span.kind', span.kind),
        ...Object.entries(span.attributes ?? {}).map(([k, v]) => tag(k, v)),
        ...(span.error !== undefined ? [tag('error', true), tag('otel.status_description', span.error)] : []),
      ];
      return {
        traceID: trace.traceId,
        spanID: span.spanId,
        operationName: span.name,
        references:
          span.parentSpanId === undefined ? [] : [{ refType: 'CHILD_OF', traceID: trace.traceId, spanID: span.parentSpanId }],
        flags: 1,
        startTime,
        duration: span.durationUs,
        tags,
        logs:
          span.error !== undefined
            ? [{ timestamp: startTime + span.durationUs, fields: [tag('event', 'exception'), tag('exception.message', span.error)] }]
            : [],
        processID: processIds.get(span.service),
        warnings: null,
      };
    }),
    processes,
    warnings: null,
  };
}

/** The v1 envelope every /api/* JSON answer uses. */
export function jaegerEnvelope(data: unknown, errors: { code: number; msg: string }[] | null = null): Record<string, unknown> {
  return { data, total: Array.isArray(data) ? data.length : 0, limit: 0, offset: 0, errors };
}
