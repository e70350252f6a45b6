import type { Attribute, RawEvent, RawSpan, SpanReference } from '../../model/types';
import { normaliseId, normaliseParentId } from '../../lib/trace-id';
import { parseEpochMicros, toFractionalUs } from '../../lib/nanos';
import { jaegerTags } from './attribute-values';
import { asArray, asString, asText, isObject, type JsonObject } from './json-guards';
import { emptyRawSpan, UNKNOWN_SERVICE } from './raw-span';
import { applyConventionTags } from './span-conventions';
import type { ParseResult } from './types';

// Jaeger query-API JSON (the UI model): v1 envelopes `{data:[trace…], errors}`, bare traces
// `{traceID, spans, processes}`, arrays of traces, arrays of spans with inline `process`
// (jaeger-anonymizer) and jaeger-ui's enriched model (inline `process`, nested `span` in refs).

export interface JaegerProcess {
  serviceName: string;
  tags: Attribute[];
}

type Process = JaegerProcess;

/** The warning of a span whose process is unknown (the streaming reader removes it once the process arrives). */
export const NO_PROCESS_WARNING = 'Span has no process (service unknown).';

function readProcess(value: unknown): Process | null {
  if (!isObject(value)) return null;
  const name = asText(value.serviceName);
  return { serviceName: name === '' ? UNKNOWN_SERVICE : name, tags: jaegerTags(value.tags) };
}

export function readProcesses(value: unknown): Map<string, Process> {
  const map = new Map<string, Process>();
  if (!isObject(value)) return map;
  for (const id of Object.keys(value)) {
    const p = readProcess(value[id]);
    if (p) map.set(id, p);
  }
  return map;
}

const REF_TYPES: Record<string, SpanReference['type']> = { CHILD_OF: 'child-of', FOLLOWS_FROM: 'follows-from' };

/** Reads references; the first same-trace CHILD_OF (else FOLLOWS_FROM) is the parent, as in Jaeger. */
export function splitJaegerReferences(
  refs: readonly { type: SpanReference['type']; traceId: string; spanId: string }[],
  traceId: string,
): { parent: string | null; others: SpanReference[] } {
  let parentIndex = refs.findIndex((r) => r.type === 'child-of' && r.traceId === traceId && r.spanId !== '');
  if (parentIndex < 0) parentIndex = refs.findIndex((r) => r.type === 'follows-from' && r.traceId === traceId && r.spanId !== '');
  const others: SpanReference[] = [];
  refs.forEach((r, i) => {
    if (i !== parentIndex) others.push({ type: r.type, traceId: r.traceId, spanId: r.spanId, attributes: [] });
  });
  return { parent: parentIndex >= 0 ? (refs[parentIndex]?.spanId ?? null) : null, others };
}

function readLogs(value: unknown, span: RawSpan): RawEvent[] {
  const events: RawEvent[] = [];
  for (const log of asArray(value)) {
    if (!isObject(log)) continue;
    const fields = jaegerTags(log.fields);
    const time = parseEpochMicros(log.timestamp);
    if (time === null) span.warnings.push('A log has no readable timestamp.');
    // The `event` field names the log (OpenTracing convention); other fields are its attributes.
    const nameIndex = fields.findIndex((f) => f.key === 'event' && typeof f.value === 'string');
    const name = nameIndex >= 0 ? String(fields[nameIndex]?.value) : 'log';
    if (nameIndex >= 0) fields.splice(nameIndex, 1);
    events.push({ timeUs: time === null ? null : toFractionalUs(time), name, attributes: fields });
  }
  return events;
}

function readWarnings(value: unknown): string[] {
  const out: string[] = [];
  for (const w of asArray(value)) if (typeof w === 'string') out.push(w);
  return out;
}

export function parseJaegerSpan(raw: JsonObject, traceIdFallback: string, processes: Map<string, Process>): RawSpan {
  const span = emptyRawSpan();
  span.traceId = normaliseId(raw.traceID ?? raw.traceId, 'trace') || traceIdFallback;
  span.spanId = normaliseId(raw.spanID ?? raw.spanId, 'span');
  if (span.spanId === '') span.warnings.push('Span has no spanID.');
  span.name = asText(raw.operationName);
  span.warnings.push(...readWarnings(raw.warnings));

  const process = readProcess(raw.process) ?? processes.get(asText(raw.processID)) ?? null;
  if (process) {
    span.serviceName = process.serviceName;
    span.resourceAttributes = process.tags;
  } else {
    span.warnings.push(NO_PROCESS_WARNING);
  }

  const start = parseEpochMicros(raw.startTime);
  const durationUs = typeof raw.duration === 'number' || typeof raw.duration === 'string' ? Number(raw.duration) : NaN;
  // Start and duration are separate fields: one that is unreadable does not void the other.
  if (start === null) span.warnings.push('Span has no readable startTime.');
  else {
    span.startUs = start.us;
    span.startNsRemainder = start.nsRemainder;
  }
  if (!Number.isFinite(durationUs)) span.warnings.push('Span has no readable duration.');
  else {
    span.durationUs = Math.max(0, durationUs);
    if (durationUs < 0) span.warnings.push('Negative duration clamped to 0.');
  }

  const refs: { type: SpanReference['type']; traceId: string; spanId: string }[] = [];
  for (const ref of asArray(raw.references)) {
    if (!isObject(ref)) continue;
    const type = REF_TYPES[asText(ref.refType).toUpperCase()] ?? 'child-of';
    const refTraceId = normaliseId(ref.traceID ?? ref.traceId, 'trace') || span.traceId;
    refs.push({ type, traceId: refTraceId, spanId: normaliseId(ref.spanID ?? ref.spanId, 'span') });
  }
  const { parent, others } = splitJaegerReferences(refs, span.traceId);
  span.parentSpanId = parent === null ? normaliseParentId(raw.parentSpanID) : normaliseParentId(parent);
  span.references = others;

  span.attributes = jaegerTags(raw.tags);
  span.events = readLogs(raw.logs, span);
  applyConventionTags(span);
  return span;
}

/** Reads one trace object `{traceID, spans, processes, warnings}` into `out`. */
export function readJaegerTrace(trace: JsonObject, out: RawSpan[], warnings: string[]): void {
  const traceId = normaliseId(trace.traceID ?? trace.traceId, 'trace');
  const processes = readProcesses(trace.processes);
  let skipped = 0;
  for (const s of asArray(trace.spans)) {
    if (isObject(s)) out.push(parseJaegerSpan(s, traceId, processes));
    else skipped++;
  }
  if (skipped > 0) warnings.push(`Trace ${traceId || '(no ID)'}: ${skipped} span entries were not objects and were skipped.`);
  for (const w of readWarnings(trace.warnings)) warnings.push(w);
}

function formatBackendError(e: unknown): string | null {
  if (typeof e === 'string') return e;
  if (!isObject(e)) return null;
  const msg = asText(e.msg) || asText(e.message) || 'unknown error';
  const code = asText(e.code);
  const traceId = asString(e.traceID);
  return `${msg}${code ? ` (code ${code})` : ''}${traceId ? ` [trace ${traceId}]` : ''}`;
}

/** `{data:[trace…]|null, total, limit, offset, errors}`. */
export function parseJaegerEnvelope(doc: JsonObject): ParseResult {
  const spans: RawSpan[] = [];
  const warnings: string[] = [];
  for (const trace of asArray(doc.data)) {
    if (isObject(trace)) readJaegerTrace(trace, spans, warnings);
  }
  const backendErrors: string[] = [];
  for (const e of asArray(doc.errors)) {
    const text = formatBackendError(e);
    if (text !== null) backendErrors.push(text);
  }
  return { format: 'jaeger-api-v1', spans, skippedLines: 0, warnings, backendErrors };
}

/** A bare trace object, an array of trace objects, or an array of spans with inline processes. */
export function parseJaegerTraces(value: JsonObject | readonly unknown[]): ParseResult {
  const spans: RawSpan[] = [];
  const warnings: string[] = [];
  if (!Array.isArray(value)) {
    readJaegerTrace(value as JsonObject, spans, warnings);
  } else {
    const noProcesses = new Map<string, Process>();
    for (const item of value) {
      if (!isObject(item)) continue;
      if (Array.isArray(item.spans)) readJaegerTrace(item, spans, warnings);
      else spans.push(parseJaegerSpan(item, '', noProcesses));
    }
  }
  return { format: 'jaeger-trace', spans, skippedLines: 0, warnings, backendErrors: [] };
}
