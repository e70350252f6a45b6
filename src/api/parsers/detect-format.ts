import { SEARCH_LIST_FORMAT } from '../../lib/search-list-format';
import { asArray, field, isObject, type JsonObject } from './json-guards';

// Decides what a parsed JSON document is, by content only (file names lie: the NDJSON fixture
// is called `.json`). Only the first few elements are inspected so detection is O(1).

export type DetectedFormat =
  | { kind: 'otlp' }
  | { kind: 'jaeger-envelope' }
  | { kind: 'jaeger-traces' }
  | { kind: 'jaeger-proto-json' }
  | { kind: 'zipkin' }
  | { kind: 'tempo-search' }
  | { kind: 'otlp-array' }
  | { kind: 'empty-array' }
  /** A known document that holds no spans; `message` says what it is. */
  | { kind: 'not-traces'; message: string }
  /** Looks like a known format but its span container has the wrong type. */
  | { kind: 'invalid-shape'; message: string }
  | { kind: 'unknown' };

export const EXPECTED_FORMATS =
  'Expected one of: Jaeger JSON ({"data":[…]} or a trace with "spans" and "processes"), ' +
  'OTLP JSON ("resourceSpans", Tempo "batches" or "trace"), a Tempo search result ("traces"), ' +
  'or a Zipkin v2 span list.';

function firstObject(list: readonly unknown[]): JsonObject | undefined {
  const limit = Math.min(list.length, 8);
  for (let i = 0; i < limit; i++) {
    const item = list[i];
    if (isObject(item)) return item;
  }
  return undefined;
}

const OTLP_KEYS = ['resourceSpans', 'resource_spans', 'batches'] as const;

/** Tempo v2 `{trace:{resourceSpans}}`; `{trace:{}}` is how Tempo v2 says "not found". */
function isTempoV2(doc: JsonObject): boolean {
  const trace = doc.trace;
  if (!isObject(trace)) return false;
  if (trace.resourceSpans !== undefined || trace.resource_spans !== undefined || trace.batches !== undefined) return true;
  return Object.keys(trace).length === 0;
}

function hasOtlpSpans(doc: JsonObject): boolean {
  if (OTLP_KEYS.some((k) => doc[k] !== undefined)) return true;
  if (isObject(doc.result) && field(doc.result, 'resourceSpans', 'resource_spans') !== undefined) return true;
  return isTempoV2(doc);
}

/** A trace object of api_v2 protobuf JSON rather than the UI JSON model. */
function isProtoJsonTrace(trace: JsonObject): boolean {
  if (trace.processMap !== undefined) return true;
  const span = firstObject(asArray(trace.spans));
  if (span === undefined) return false;
  return (span.spanId !== undefined && span.spanID === undefined) || typeof span.startTime === 'string';
}

function isJaegerSpan(obj: JsonObject): boolean {
  return obj.spanID !== undefined && (obj.operationName !== undefined || obj.traceID !== undefined);
}

function isZipkinSpan(obj: JsonObject): boolean {
  return obj.traceId !== undefined && obj.id !== undefined;
}

function detectArray(list: readonly unknown[]): DetectedFormat {
  if (list.length === 0) return { kind: 'empty-array' };
  const first = firstObject(list);
  if (first === undefined) {
    const nested = list.find(Array.isArray);
    if (nested !== undefined && firstObject(nested) !== undefined && isZipkinSpan(firstObject(nested)!)) return { kind: 'zipkin' };
    if (list.every((v) => typeof v === 'string')) {
      return { kind: 'not-traces', message: 'This is a list of names (services or operations), not trace data.' };
    }
    return { kind: 'unknown' };
  }
  if (hasOtlpSpans(first)) return { kind: 'otlp-array' };
  if (Array.isArray(first.spans)) return isProtoJsonTrace(first) ? { kind: 'jaeger-proto-json' } : { kind: 'jaeger-traces' };
  if (isJaegerSpan(first)) return { kind: 'jaeger-traces' };
  if (isZipkinSpan(first)) return { kind: 'zipkin' };
  if (first.parent !== undefined && first.child !== undefined) {
    return { kind: 'not-traces', message: 'This is a service dependency list, not trace data.' };
  }
  return { kind: 'unknown' };
}

function describeJaegerData(data: readonly unknown[]): DetectedFormat {
  const first = data[0];
  if (typeof first === 'string') {
    return { kind: 'not-traces', message: 'This is a Jaeger list of services or operations, not trace data.' };
  }
  if (isObject(first) && !Array.isArray(first.spans)) {
    if (first.parent !== undefined && first.child !== undefined) {
      return { kind: 'not-traces', message: 'This is a Jaeger dependencies response, not trace data.' };
    }
    if (first.name !== undefined && first.spanKind !== undefined) {
      return { kind: 'not-traces', message: 'This is a Jaeger operations list, not trace data.' };
    }
  }
  return { kind: 'jaeger-envelope' };
}

/**
 * The search page's list download: trace summaries (ID, services, duration), no spans. Also the
 * older downloads without `format` (`{backend, exportedAt, traces:[{traceId, durationUs, …}]}`),
 * which would otherwise pass for a Tempo search result with no span sets.
 */
function describeSearchList(doc: JsonObject): DetectedFormat | null {
  const traces = asArray(doc.traces);
  const first = firstObject(traces);
  const isList =
    doc.format === SEARCH_LIST_FORMAT ||
    (Array.isArray(doc.traces) && first !== undefined && typeof first.traceId === 'string' && first.durationUs !== undefined && first.spanSets === undefined && first.spanSet === undefined);
  if (!isList) return null;
  const ids = traces.flatMap((t) => (isObject(t) && typeof t.traceId === 'string' ? [t.traceId] : []));
  const shown = ids.slice(0, 3).join(', ');
  const more = ids.length > 3 ? ` and ${ids.length - 3} more` : '';
  const backend = typeof doc.backend === 'string' ? ` on "${doc.backend}"` : '';
  return {
    kind: 'not-traces',
    message:
      `This is a list of ${ids.length} trace summaries from a Skein search${backend}, not a trace: it has IDs and durations, no spans. ` +
      `Open the traces by ID from the backend instead${ids.length > 0 ? ` (${shown}${more})` : ''}.`,
  };
}

export function detectFormat(value: unknown): DetectedFormat {
  if (Array.isArray(value)) return detectArray(value);
  if (!isObject(value)) return { kind: 'unknown' };
  const doc = value;

  for (const key of OTLP_KEYS) {
    const v = doc[key];
    if (v === undefined) continue;
    if (v !== null && !Array.isArray(v)) return { kind: 'invalid-shape', message: `"${key}" must be a list.` };
    return { kind: 'otlp' };
  }
  if (isObject(doc.result)) {
    const inner = field(doc.result, 'resourceSpans', 'resource_spans');
    if (inner !== undefined) {
      if (inner !== null && !Array.isArray(inner)) return { kind: 'invalid-shape', message: '"result.resourceSpans" must be a list.' };
      return { kind: 'otlp' };
    }
  }
  if (isTempoV2(doc)) return { kind: 'otlp' };
  if (isObject(doc.error) && (doc.error.httpCode !== undefined || doc.error.message !== undefined)) {
    const code = doc.error.httpCode !== undefined ? ` (HTTP ${String(doc.error.httpCode)})` : '';
    const message = typeof doc.error.message === 'string' ? `: ${doc.error.message}` : '';
    return { kind: 'not-traces', message: `This is a Jaeger API error response${code}${message}. It holds no trace.` };
  }
  if (doc.resourceLogs !== undefined || doc.resource_logs !== undefined) {
    return { kind: 'not-traces', message: 'This is OpenTelemetry log data (resourceLogs), not trace data.' };
  }
  if (doc.resourceMetrics !== undefined || doc.resource_metrics !== undefined) {
    return { kind: 'not-traces', message: 'This is OpenTelemetry metric data (resourceMetrics), not trace data.' };
  }
  if (doc.resourceProfiles !== undefined) {
    return { kind: 'not-traces', message: 'This is OpenTelemetry profiling data, not trace data.' };
  }
  if ('data' in doc && (doc.data === null || Array.isArray(doc.data))) {
    return Array.isArray(doc.data) ? describeJaegerData(doc.data) : { kind: 'jaeger-envelope' };
  }
  if ('data' in doc && ('errors' in doc || 'total' in doc)) {
    return { kind: 'invalid-shape', message: 'Jaeger "data" must be a list of traces or null.' };
  }
  if (Array.isArray(doc.spans)) return isProtoJsonTrace(doc) ? { kind: 'jaeger-proto-json' } : { kind: 'jaeger-traces' };
  const searchList = describeSearchList(doc);
  if (searchList) return searchList;
  if (Array.isArray(doc.traces)) return { kind: 'tempo-search' };
  if ((doc.spanSets !== undefined || doc.spanSet !== undefined) && (doc.traceID !== undefined || doc.rootServiceName !== undefined)) {
    return { kind: 'tempo-search' };
  }
  if (Array.isArray(doc.summaries)) {
    return { kind: 'not-traces', message: 'This is a Jaeger trace-summaries (search) response: it lists traces but holds no spans.' };
  }
  if (Array.isArray(doc.services)) return { kind: 'not-traces', message: 'This is a list of services, not trace data.' };
  if (Array.isArray(doc.operations)) return { kind: 'not-traces', message: 'This is a list of operations, not trace data.' };
  if (Array.isArray(doc.dependencies)) return { kind: 'not-traces', message: 'This is a service dependency list, not trace data.' };
  if (isZipkinSpan(doc)) return { kind: 'zipkin' };
  if (isJaegerSpan(doc)) return { kind: 'jaeger-traces' };
  return { kind: 'unknown' };
}
