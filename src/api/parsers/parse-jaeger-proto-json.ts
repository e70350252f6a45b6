import type { Attribute, RawEvent, RawSpan, SpanReference } from '../../model/types';
import { normaliseId, normaliseParentId } from '../../lib/trace-id';
import { parseDurationNanos, parseEpochMicros, parseRfc3339, toFractionalUs, type EpochTime } from '../../lib/nanos';
import { protoJsonTags } from './attribute-values';
import { asArray, asText, isObject, type JsonObject } from './json-guards';
import { emptyRawSpan, UNKNOWN_SERVICE } from './raw-span';
import { applyConventionTags } from './span-conventions';
import { splitJaegerReferences } from './parse-jaeger';
import type { ParseResult } from './types';

// Jaeger api_v2 model as protobuf JSON (gRPC gateway, `jaeger/model` fixtures): base64 IDs,
// RFC 3339 `startTime`, duration strings ("5000ns", "0.005s"), `vStr`/`vType` tag values, and
// jsonpb's omitted defaults (no `refType` means CHILD_OF, no `vType` means STRING).

interface Process {
  serviceName: string;
  tags: Attribute[];
}

function readProcess(value: unknown): Process | null {
  if (!isObject(value)) return null;
  const name = asText(value.serviceName);
  return { serviceName: name === '' ? UNKNOWN_SERVICE : name, tags: protoJsonTags(value.tags) };
}

/** `processMap` is a list of `{processId, process}` in api_v2; accept a plain map as well. */
function readProcessMap(value: unknown): Map<string, Process> {
  const map = new Map<string, Process>();
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (!isObject(entry)) continue;
      const p = readProcess(entry.process);
      if (p) map.set(asText(entry.processId ?? entry.processID), p);
    }
  } else if (isObject(value)) {
    for (const id of Object.keys(value)) {
      const p = readProcess(value[id]);
      if (p) map.set(id, p);
    }
  }
  return map;
}

function readTime(value: unknown): EpochTime | null {
  return typeof value === 'string' ? (parseRfc3339(value) ?? parseEpochMicros(value)) : parseEpochMicros(value);
}

const REF_TYPES: Record<string, SpanReference['type']> = {
  CHILD_OF: 'child-of',
  FOLLOWS_FROM: 'follows-from',
  '0': 'child-of',
  '1': 'follows-from',
};

function parseProtoSpan(raw: JsonObject, processes: Map<string, Process>): RawSpan {
  const span = emptyRawSpan();
  span.traceId = normaliseId(raw.traceId ?? raw.traceID, 'trace');
  span.spanId = normaliseId(raw.spanId ?? raw.spanID, 'span');
  if (span.spanId === '') span.warnings.push('Span has no spanId.');
  span.name = asText(raw.operationName);
  for (const w of asArray(raw.warnings)) if (typeof w === 'string') span.warnings.push(w);

  const process = readProcess(raw.process) ?? processes.get(asText(raw.processId ?? raw.processID)) ?? null;
  if (process) {
    span.serviceName = process.serviceName;
    span.resourceAttributes = process.tags;
  } else {
    span.warnings.push('Span has no process (service unknown).');
  }

  const start = readTime(raw.startTime);
  const durationNs = typeof raw.duration === 'number' ? raw.duration * 1000 : parseDurationNanos(raw.duration);
  // Start and duration are separate fields: one that is unreadable does not void the other.
  if (start === null) span.warnings.push('Span has no readable startTime.');
  else {
    span.startUs = start.us;
    span.startNsRemainder = start.nsRemainder;
  }
  if (durationNs === null) span.warnings.push('Span has no readable duration.');
  else span.durationUs = Math.max(0, durationNs / 1000);

  const refs: { type: SpanReference['type']; traceId: string; spanId: string }[] = [];
  for (const ref of asArray(raw.references)) {
    if (!isObject(ref)) continue;
    const type = REF_TYPES[asText(ref.refType).toUpperCase()] ?? 'child-of';
    refs.push({
      type,
      traceId: normaliseId(ref.traceId ?? ref.traceID, 'trace') || span.traceId,
      spanId: normaliseId(ref.spanId ?? ref.spanID, 'span'),
    });
  }
  const { parent, others } = splitJaegerReferences(refs, span.traceId);
  span.parentSpanId = parent === null ? null : normaliseParentId(parent);
  span.references = others;

  span.attributes = protoJsonTags(raw.tags);
  const events: RawEvent[] = [];
  for (const log of asArray(raw.logs)) {
    if (!isObject(log)) continue;
    const fields = protoJsonTags(log.fields);
    const time = readTime(log.timestamp);
    const nameIndex = fields.findIndex((f) => f.key === 'event' && typeof f.value === 'string');
    const name = nameIndex >= 0 ? String(fields[nameIndex]?.value) : 'log';
    if (nameIndex >= 0) fields.splice(nameIndex, 1);
    events.push({ timeUs: time === null ? null : toFractionalUs(time), name, attributes: fields });
  }
  span.events = events;
  applyConventionTags(span);
  return span;
}

/** `{spans:[…], processMap, warnings}` (one trace), or a list of such objects. */
export function parseJaegerProtoJson(value: JsonObject | readonly unknown[]): ParseResult {
  const spans: RawSpan[] = [];
  const warnings: string[] = [];
  const traces = Array.isArray(value) ? value : [value];
  for (const trace of traces) {
    if (!isObject(trace)) continue;
    const processes = readProcessMap(trace.processMap ?? trace.processes);
    for (const s of asArray(trace.spans)) if (isObject(s)) spans.push(parseProtoSpan(s, processes));
    for (const w of asArray(trace.warnings)) if (typeof w === 'string') warnings.push(w);
  }
  return { format: 'jaeger-api-v2-proto-json', spans, skippedLines: 0, warnings, backendErrors: [] };
}
