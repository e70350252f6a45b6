import type { RawSpan } from '../../model/types';
import { normaliseId, normaliseParentId } from '../../lib/trace-id';
import { parseEpochNanos } from '../../lib/nanos';
import { findAttribute, otlpAttributes } from './attribute-values';
import { asArray, asText, isObject, type JsonObject } from './json-guards';
import { emptyRawSpan, UNKNOWN_SERVICE } from './raw-span';
import { readSpanKind, readStatusCode } from './span-enums';
import type { ParseResult } from './types';

// Tempo `/api/search` responses. Their span summaries (`spanSets[].spans[]`, and the deprecated
// `spanSet` that repeats the first set) are real spans with ID, name, start and duration, so we
// show them, but only the spans that matched the query are there.

export const SEARCH_WARNING =
  'This is a Tempo search result: it holds only the spans that matched the query, not whole traces.';

function parseSummarySpan(raw: JsonObject, trace: JsonObject, traceId: string): RawSpan {
  const span = emptyRawSpan();
  span.traceId = traceId;
  span.spanId = normaliseId(raw.spanID ?? raw.spanId, 'span');
  if (span.spanId === '') span.warnings.push('Span has no spanID.');
  span.name = asText(raw.name);
  span.attributes = otlpAttributes(raw.attributes);

  const start = parseEpochNanos(raw.startTimeUnixNano);
  const durationNs = typeof raw.durationNanos === 'number' || typeof raw.durationNanos === 'string' ? Number(raw.durationNanos) : NaN;
  if (start === null || start.us === 0) {
    span.warnings.push('Span has no start time.');
    // A duration that did arrive is kept; an absent one says nothing here (no start either).
    if (Number.isFinite(durationNs)) span.durationUs = Math.max(0, durationNs / 1000);
  } else {
    span.startUs = start.us;
    span.startNsRemainder = start.nsRemainder;
    // jsonpb omits a zero duration.
    span.durationUs = raw.durationNanos === undefined ? 0 : Number.isFinite(durationNs) ? Math.max(0, durationNs / 1000) : null;
  }

  // Intrinsics appear as attributes when the query selects them (`select(span:parentID)` …).
  const parentAttr = findAttribute(span.attributes, 'span:parentID');
  const hasParentInfo = parentAttr !== undefined;
  span.parentSpanId = normaliseParentId(parentAttr);
  const kind = findAttribute(span.attributes, 'span:kind') ?? findAttribute(span.attributes, 'kind');
  if (kind !== undefined) span.kind = readSpanKind(kind) ?? 'unspecified';
  const status = findAttribute(span.attributes, 'span:status') ?? findAttribute(span.attributes, 'status');
  if (status !== undefined) span.status = readStatusCode(status) ?? 'unset';
  const statusMessage = findAttribute(span.attributes, 'span:statusMessage');
  if (typeof statusMessage === 'string') span.statusMessage = statusMessage;

  const service = findAttribute(span.attributes, 'resource.service.name') ?? findAttribute(span.attributes, 'service.name');
  if (typeof service === 'string' && service !== '') {
    span.serviceName = service;
  } else {
    // Without a service attribute we only know the root's service (the trace's rootServiceName).
    const isRoot = hasParentInfo
      ? span.parentSpanId === null
      : span.name === asText(trace.rootTraceName) && asText(raw.startTimeUnixNano) === asText(trace.startTimeUnixNano);
    const rootService = asText(trace.rootServiceName);
    span.serviceName = isRoot && rootService !== '' ? rootService : UNKNOWN_SERVICE;
  }
  return span;
}

function readSearchTrace(trace: JsonObject, out: RawSpan[]): void {
  const traceId = normaliseId(trace.traceID ?? trace.traceId, 'trace');
  const seen = new Set<string>();
  const sets = [...asArray(trace.spanSets)];
  if (trace.spanSet !== undefined) sets.push(trace.spanSet);
  for (const set of sets) {
    if (!isObject(set)) continue;
    for (const s of asArray(set.spans)) {
      if (!isObject(s)) continue;
      const span = parseSummarySpan(s, trace, traceId);
      // The deprecated `spanSet` repeats spans of `spanSets`; a repeat is the same span, not a duplicate.
      const key = span.spanId === '' ? null : span.spanId;
      if (key !== null && seen.has(key)) continue;
      if (key !== null) seen.add(key);
      out.push(span);
    }
  }
}

/** `{traces:[…]}` or one element of it. */
export function parseTempoSearch(doc: JsonObject): ParseResult {
  const spans: RawSpan[] = [];
  if (Array.isArray(doc.traces)) {
    for (const t of doc.traces) if (isObject(t)) readSearchTrace(t, spans);
  } else {
    readSearchTrace(doc, spans);
  }
  return { format: 'tempo-v1', spans, skippedLines: 0, warnings: [SEARCH_WARNING], backendErrors: [] };
}
