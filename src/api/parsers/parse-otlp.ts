import type { Attribute, RawEvent, RawSpan, SpanReference, WireFormat, AttrValue } from '../../model/types';
import { normaliseId, normaliseParentId } from '../../lib/trace-id';
import { durationUsBetween, parseEpochNanos, toFractionalUs } from '../../lib/nanos';
import { findAttribute, isTruthyErrorValue, otlpAttributes } from './attribute-values';
import { asArray, asText, field, isObject, readCount, type JsonObject } from './json-guards';
import { emptyRawSpan, UNKNOWN_SERVICE } from './raw-span';
import { readSpanKind, readStatusCode } from './span-enums';
import type { ParseResult } from './types';

// OTLP/JSON in all the shapes producers send (API-NOTES §2): spec `resourceSpans`, Tempo
// `batches`, legacy `instrumentationLibrarySpans`, snake_case keys, hex or base64 IDs, enum ints
// or names, 64-bit ints as strings or numbers.

export interface ResourceContext {
  serviceName: string;
  resourceAttributes: Attribute[];
}

function readTimes(raw: JsonObject, span: RawSpan): void {
  const startRaw = field(raw, 'startTimeUnixNano', 'start_time_unix_nano');
  const endRaw = field(raw, 'endTimeUnixNano', 'end_time_unix_nano');
  // jsonpb omits zero values, so a missing time and "0" both mean "not recorded".
  const start = startRaw === undefined ? null : parseEpochNanos(startRaw);
  const end = endRaw === undefined ? null : parseEpochNanos(endRaw);
  if (start === null || (start.us === 0 && start.nsRemainder === 0)) {
    span.warnings.push('Span has no start time.');
    return;
  }
  span.startUs = start.us;
  span.startNsRemainder = start.nsRemainder;
  if (end === null || (end.us === 0 && end.nsRemainder === 0)) {
    span.warnings.push('Span has no end time.');
    return;
  }
  const durationUs = durationUsBetween(start, end);
  if (durationUs < 0) {
    span.warnings.push('Span ends before it starts; duration set to 0.');
    span.durationUs = 0;
  } else {
    span.durationUs = durationUs;
  }
}

function readEvents(list: unknown, span: RawSpan): RawEvent[] {
  const events: RawEvent[] = [];
  for (const e of asArray(list)) {
    if (!isObject(e)) continue;
    const time = parseEpochNanos(field(e, 'timeUnixNano', 'time_unix_nano'));
    if (time === null) span.warnings.push(`Event "${asText(e.name)}" has no time.`);
    events.push({ timeUs: time === null ? null : toFractionalUs(time), name: asText(e.name), attributes: otlpAttributes(e.attributes) });
  }
  return events;
}

function readLinks(list: unknown): SpanReference[] {
  const refs: SpanReference[] = [];
  for (const l of asArray(list)) {
    if (!isObject(l)) continue;
    refs.push({
      type: 'link',
      traceId: normaliseId(field(l, 'traceId', 'trace_id'), 'trace'),
      spanId: normaliseId(field(l, 'spanId', 'span_id'), 'span'),
      attributes: otlpAttributes(l.attributes),
    });
  }
  return refs;
}

export function parseOtlpSpan(raw: JsonObject, resource: ResourceContext, scope: RawSpan['scope']): RawSpan {
  const span = emptyRawSpan();
  span.traceId = normaliseId(field(raw, 'traceId', 'trace_id'), 'trace');
  span.spanId = normaliseId(field(raw, 'spanId', 'span_id'), 'span');
  if (span.traceId === '') span.warnings.push('Span has no traceId.');
  if (span.spanId === '') span.warnings.push('Span has no spanId.');
  span.parentSpanId = normaliseParentId(field(raw, 'parentSpanId', 'parent_span_id'));
  span.name = asText(raw.name);
  span.serviceName = resource.serviceName;
  span.resourceAttributes = resource.resourceAttributes;
  span.scope = scope;

  const kindRaw = raw.kind;
  const kind = readSpanKind(kindRaw);
  if (kind === null) span.warnings.push(`Unknown span kind ${JSON.stringify(kindRaw)}.`);
  span.kind = kind ?? 'unspecified';

  let explicitOk = false;
  if (isObject(raw.status)) {
    const code = readStatusCode(raw.status.code);
    if (code === null) span.warnings.push(`Unknown status code ${JSON.stringify(raw.status.code)}.`);
    span.status = code ?? 'unset';
    explicitOk = code === 'ok';
    span.statusMessage = asText(raw.status.message);
  }

  readTimes(raw, span);
  span.attributes = otlpAttributes(raw.attributes);
  span.events = readEvents(raw.events, span);
  span.references = readLinks(raw.links);

  const negative = (what: string) => () => span.warnings.push(`Negative dropped ${what} count clamped to 0.`);
  span.dropped = {
    attributes: readCount(field(raw, 'droppedAttributesCount', 'dropped_attributes_count'), negative('attributes')),
    events: readCount(field(raw, 'droppedEventsCount', 'dropped_events_count'), negative('events')),
    links: readCount(field(raw, 'droppedLinksCount', 'dropped_links_count'), negative('links')),
  };

  // Legacy producers mark errors with an `error=true` attribute or only an `exception` event
  // (API-NOTES §2.5). An explicit OK is final per the OTel spec, so it is not overridden.
  if (span.status !== 'error' && !explicitOk) {
    if (isTruthyErrorValue(findAttribute(span.attributes, 'error')) || span.events.some((e) => e.name === 'exception')) {
      span.status = 'error';
    }
  }

  const extra: Record<string, AttrValue> = {};
  const traceState = field(raw, 'traceState', 'trace_state');
  if (typeof traceState === 'string' && traceState !== '') extra.traceState = traceState;
  if (typeof raw.flags === 'number') extra.flags = raw.flags;
  if (Object.keys(extra).length > 0) span.extra = extra;
  return span;
}

export function readResource(rs: JsonObject): ResourceContext {
  const resource = rs.resource;
  const resourceAttributes = isObject(resource) ? otlpAttributes(resource.attributes) : [];
  const name = findAttribute(resourceAttributes, 'service.name');
  return {
    serviceName: typeof name === 'string' && name !== '' ? name : UNKNOWN_SERVICE,
    resourceAttributes,
  };
}

export function readScope(ss: JsonObject): RawSpan['scope'] {
  const scope = ss.scope ?? field(ss, 'instrumentationLibrary', 'instrumentation_library');
  if (!isObject(scope)) return null;
  const name = asText(scope.name);
  const version = asText(scope.version);
  return name === '' && version === '' ? null : { name, version };
}

/** Reads `ResourceSpans[]` into `out`; returns the number of non-object entries skipped. */
export function readResourceSpans(list: unknown, out: RawSpan[]): number {
  let skipped = 0;
  for (const rs of asArray(list)) {
    if (!isObject(rs)) {
      skipped++;
      continue;
    }
    const resource = readResource(rs);
    const scopeLists = [
      field(rs, 'scopeSpans', 'scope_spans'),
      field(rs, 'instrumentationLibrarySpans', 'instrumentation_library_spans'),
    ];
    for (const scopeList of scopeLists) {
      for (const ss of asArray(scopeList)) {
        if (!isObject(ss)) {
          skipped++;
          continue;
        }
        const scope = readScope(ss);
        for (const s of asArray(ss.spans)) {
          if (isObject(s)) out.push(parseOtlpSpan(s, resource, scope));
          else skipped++;
        }
      }
    }
  }
  return skipped;
}

/** The `resourceSpans` list of any OTLP-carrying document, with the format it implies. */
export function otlpResourceSpansOf(doc: JsonObject): { list: unknown; format: WireFormat } | null {
  const direct = field(doc, 'resourceSpans', 'resource_spans');
  if (direct !== undefined) return { list: direct, format: 'otlp-json' };
  if (doc.batches !== undefined) return { list: doc.batches, format: 'tempo-v1' };
  if (isObject(doc.result)) {
    const inner = field(doc.result, 'resourceSpans', 'resource_spans');
    if (inner !== undefined) return { list: inner, format: 'jaeger-api-v3' };
  }
  if (isObject(doc.trace)) {
    const inner = field(doc.trace, 'resourceSpans', 'resource_spans') ?? doc.trace.batches;
    return { list: inner, format: 'tempo-v2' };
  }
  return null;
}

export function parseOtlp(doc: JsonObject): ParseResult {
  const found = otlpResourceSpansOf(doc);
  const spans: RawSpan[] = [];
  const warnings: string[] = [];
  if (found === null) return { format: 'otlp-json', spans, skippedLines: 0, warnings, backendErrors: [] };
  const skipped = readResourceSpans(found.list, spans);
  if (skipped > 0) warnings.push(`${skipped} entries that were not objects were skipped.`);
  if (found.format === 'tempo-v2') {
    // Tempo v2 marks traces cut by a size or time limit as PARTIAL, with the reason in `message`.
    const status = asText(doc.status);
    const message = asText(doc.message);
    if (status !== '' && status.toUpperCase() !== 'COMPLETE') {
      warnings.push(`Tempo returned a ${status} trace${message ? `: ${message}` : '.'}`);
    } else if (message !== '') {
      warnings.push(message);
    }
  }
  return { format: found.format, spans, skippedLines: 0, warnings, backendErrors: [] };
}
