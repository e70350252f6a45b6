import type { Attribute, AttrValue, RawEvent, RawSpan } from '../../model/types';
import { normaliseId, normaliseParentId } from '../../lib/trace-id';
import { parseEpochMicros, toFractionalUs } from '../../lib/nanos';
import { jsonToAttrValue } from './attribute-values';
import { asArray, asText, isObject, type JsonObject } from './json-guards';
import { emptyRawSpan, UNKNOWN_SERVICE } from './raw-span';
import { applyConventionTags } from './span-conventions';
import { readSpanKind } from './span-enums';
import type { ParseResult } from './types';

// Zipkin v2 JSON (`/api/v2/trace/{id}`, zipkin-lens files): a list of spans or one span.
// Timestamps and durations are epoch µs; tags are a string map; `shared` marks a server span
// that reuses its client's ID (so duplicate IDs are normal here and must all be kept).

function parseZipkinSpan(raw: JsonObject): RawSpan {
  const span = emptyRawSpan();
  span.traceId = normaliseId(raw.traceId, 'trace');
  span.spanId = normaliseId(raw.id, 'span');
  if (span.spanId === '') span.warnings.push('Span has no id.');
  span.parentSpanId = normaliseParentId(raw.parentId);
  span.name = asText(raw.name);

  const local = raw.localEndpoint;
  // No fallback to remoteEndpoint: that is the *other* side of the call.
  const service = isObject(local) ? asText(local.serviceName) : '';
  span.serviceName = service === '' ? UNKNOWN_SERVICE : service;

  if (raw.kind !== undefined) {
    const kind = readSpanKind(raw.kind);
    if (kind === null) span.warnings.push(`Unknown span kind ${JSON.stringify(raw.kind)}.`);
    span.kind = kind ?? 'unspecified';
  }

  const start = parseEpochMicros(raw.timestamp);
  if (start === null || start.us === 0) {
    span.warnings.push('Span has no timestamp.');
  } else {
    span.startUs = start.us;
    span.startNsRemainder = start.nsRemainder;
  }
  // Independent of the timestamp: a span that lost one keeps the other.
  const duration = typeof raw.duration === 'number' ? raw.duration : typeof raw.duration === 'string' ? Number(raw.duration) : NaN;
  if (Number.isFinite(duration) && duration >= 0) span.durationUs = duration;
  else span.warnings.push('Span has no duration.');

  const attributes: Attribute[] = [];
  if (isObject(raw.tags)) {
    for (const key of Object.keys(raw.tags)) attributes.push({ key, value: jsonToAttrValue(raw.tags[key]) });
  }
  span.attributes = attributes;

  const events: RawEvent[] = [];
  for (const a of asArray(raw.annotations)) {
    if (!isObject(a)) continue;
    const time = parseEpochMicros(a.timestamp);
    events.push({ timeUs: time === null ? null : toFractionalUs(time), name: asText(a.value), attributes: [] });
  }
  span.events = events;

  applyConventionTags(span);
  // In Zipkin any `error` tag marks a failure; its value is the message ("" and "true" say nothing).
  const errorTag = raw.tags !== undefined && isObject(raw.tags) ? raw.tags.error : undefined;
  if (errorTag !== undefined && errorTag !== 'false' && errorTag !== false) {
    span.status = 'error';
    if (span.statusMessage === '' && typeof errorTag === 'string' && errorTag !== 'true') span.statusMessage = errorTag;
  }

  const extra: Record<string, AttrValue> = {};
  if (local !== undefined) extra.localEndpoint = jsonToAttrValue(local);
  if (raw.remoteEndpoint !== undefined) extra.remoteEndpoint = jsonToAttrValue(raw.remoteEndpoint);
  if (raw.shared === true) extra.shared = true;
  if (raw.debug === true) extra.debug = true;
  if (Object.keys(extra).length > 0) span.extra = extra;
  return span;
}

export function parseZipkin(value: JsonObject | readonly unknown[]): ParseResult {
  const list = Array.isArray(value) ? value : [value];
  const spans: RawSpan[] = [];
  const warnings: string[] = [];
  let skipped = 0;
  for (const item of list) {
    // zipkin-lens also accepts a list of traces (list of span lists).
    if (Array.isArray(item)) {
      for (const inner of item) if (isObject(inner)) spans.push(parseZipkinSpan(inner));
      continue;
    }
    if (isObject(item)) spans.push(parseZipkinSpan(item));
    else skipped++;
  }
  if (skipped > 0) warnings.push(`${skipped} entries that were not span objects were skipped.`);
  return { format: 'zipkin-v2', spans, skippedLines: 0, warnings, backendErrors: [] };
}
