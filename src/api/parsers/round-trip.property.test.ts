import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AttrValue, RawSpan, SpanKind, StatusCode } from '../../model/types';
import { parseTraceText } from './parse-trace-text';

// Property: a random span tree written in each wire format parses back to the same spans.

type GenValue =
  | { t: 'string'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: number }
  | { t: 'bigint'; v: string }
  | { t: 'double'; v: number }
  | { t: 'bytes'; v: string }
  | { t: 'array'; v: string[] }
  | { t: 'kvlist'; v: Record<string, number> }
  | { t: 'empty' };

interface GenSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  service: string;
  kind: SpanKind;
  status: StatusCode;
  startUs: number;
  startRemNs: number;
  durationNs: number;
  attributes: { key: string; value: GenValue }[];
  events: { offsetNs: number; name: string }[];
}

const hexId = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).filter((b) => b.some((x) => x !== 0)).map((b) => Buffer.from(b).toString('hex'));

const genValue: fc.Arbitrary<GenValue> = fc.oneof(
  fc.string().map((v) => ({ t: 'string' as const, v })),
  fc.boolean().map((v) => ({ t: 'bool' as const, v })),
  fc.integer({ min: -1e12, max: 1e12 }).map((v) => ({ t: 'int' as const, v })),
  fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 63n - 1n }).map((v) => ({ t: 'bigint' as const, v: v.toString() })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((v) => ({ t: 'double' as const, v })),
  fc.uint8Array({ maxLength: 8 }).map((b) => ({ t: 'bytes' as const, v: Buffer.from(b).toString('base64') })),
  fc.array(fc.string(), { maxLength: 3 }).map((v) => ({ t: 'array' as const, v })),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { maxKeys: 3 }).map((v) => ({ t: 'kvlist' as const, v })),
  fc.constant({ t: 'empty' as const }),
);

const KINDS: SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUSES: StatusCode[] = ['unset', 'ok', 'error'];

const genTrace: fc.Arbitrary<GenSpan[]> = fc
  .record({
    traceId: hexId(16),
    size: fc.integer({ min: 1, max: 12 }),
  })
  .chain(({ traceId, size }) =>
    fc
      .tuple(
        fc.uniqueArray(hexId(8), { minLength: size, maxLength: size }),
        fc.array(fc.nat(), { minLength: size, maxLength: size }),
        fc.array(
          fc.record({
            name: fc.string({ maxLength: 12 }),
            service: fc.constantFrom('frontend', 'db', 'cache', 'api-gw'),
            kind: fc.constantFrom(...KINDS),
            status: fc.constantFrom(...STATUSES),
            startUs: fc.integer({ min: 1_500_000_000_000_000, max: 2_000_000_000_000_000 }),
            startRemNs: fc.integer({ min: 0, max: 999 }),
            durationNs: fc.integer({ min: 0, max: 10 ** 12 }),
            attributes: fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }).map((k) => `a.${k}`), value: genValue }), {
              maxLength: 5,
              selector: (a) => a.key,
            }),
            events: fc.array(fc.record({ offsetNs: fc.integer({ min: 0, max: 10 ** 9 }), name: fc.string({ minLength: 1, maxLength: 8 }) }), {
              maxLength: 2,
            }),
          }),
          { minLength: size, maxLength: size },
        ),
      )
      .map(([ids, parentPicks, bodies]) =>
        bodies.map((b, i) => ({
          ...b,
          traceId,
          spanId: ids[i]!,
          // Random depth and fan-out: each span hangs under any earlier span (or is the root).
          parentSpanId: i === 0 ? null : ids[parentPicks[i]! % i]!,
        })),
      ),
  );

// ---- writers ----------------------------------------------------------------------------------

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const nsString = (us: number, rem: number, plusNs = 0) => (BigInt(us) * 1000n + BigInt(rem) + BigInt(plusNs)).toString();

function otlpValue(g: GenValue, snake: boolean): unknown {
  const k = (camel: string, sn: string) => (snake ? sn : camel);
  switch (g.t) {
    case 'string':
      return { [k('stringValue', 'string_value')]: g.v };
    case 'bool':
      return { [k('boolValue', 'bool_value')]: g.v };
    case 'int':
      return { [k('intValue', 'int_value')]: String(g.v) };
    case 'bigint':
      return { [k('intValue', 'int_value')]: g.v };
    case 'double':
      return { [k('doubleValue', 'double_value')]: g.v };
    case 'bytes':
      return { [k('bytesValue', 'bytes_value')]: g.v };
    case 'array':
      return { [k('arrayValue', 'array_value')]: { values: g.v.map((s) => ({ [k('stringValue', 'string_value')]: s })) } };
    case 'kvlist':
      return {
        [k('kvlistValue', 'kvlist_value')]: {
          values: Object.entries(g.v).map(([key, n]) => ({ key, value: { [k('intValue', 'int_value')]: String(n) } })),
        },
      };
    case 'empty':
      return {};
  }
}

function expectedOtlpValue(g: GenValue): AttrValue {
  switch (g.t) {
    case 'empty':
      return null;
    case 'kvlist':
      return { ...g.v };
    default:
      return g.v;
  }
}

type OtlpStyle = 'hex-int' | 'tempo' | 'snake';
const KIND_NAMES = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

function otlpSpan(s: GenSpan, style: OtlpStyle): Record<string, unknown> {
  const snake = style === 'snake';
  const id = (hex: string) => (style === 'tempo' ? b64(hex) : hex.toUpperCase());
  const k = (camel: string, sn: string) => (snake ? sn : camel);
  const kindIndex = KINDS.indexOf(s.kind);
  const statusIndex = STATUSES.indexOf(s.status);
  const span: Record<string, unknown> = {
    [k('traceId', 'trace_id')]: id(s.traceId),
    [k('spanId', 'span_id')]: id(s.spanId),
    name: s.name,
    kind: style === 'tempo' ? KIND_NAMES[kindIndex] : kindIndex,
    [k('startTimeUnixNano', 'start_time_unix_nano')]: nsString(s.startUs, s.startRemNs),
    [k('endTimeUnixNano', 'end_time_unix_nano')]: nsString(s.startUs, s.startRemNs, s.durationNs),
    attributes: s.attributes.map((a) => ({ key: a.key, value: otlpValue(a.value, snake) })),
    events: s.events.map((e) => ({ [k('timeUnixNano', 'time_unix_nano')]: nsString(s.startUs, 0, e.offsetNs), name: e.name })),
    status: s.status === 'unset' ? {} : { code: style === 'tempo' ? STATUS_NAMES[statusIndex] : statusIndex, message: s.status === 'error' ? 'failed' : '' },
  };
  if (s.parentSpanId !== null) span[k('parentSpanId', 'parent_span_id')] = id(s.parentSpanId);
  return span;
}

function otlpDoc(spans: GenSpan[], style: OtlpStyle): unknown {
  const snake = style === 'snake';
  const byService = new Map<string, GenSpan[]>();
  for (const s of spans) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
  const resourceSpans = [...byService].map(([service, list]) => ({
    resource: { attributes: [{ key: 'service.name', value: snake ? { string_value: service } : { stringValue: service } }] },
    [snake ? 'scope_spans' : 'scopeSpans']: [{ scope: { name: 'gen' }, spans: list.map((s) => otlpSpan(s, style)) }],
  }));
  if (style === 'tempo') return { batches: resourceSpans };
  return snake ? { resource_spans: resourceSpans } : { resourceSpans };
}

function jaegerTag(key: string, g: GenValue): { key: string; type: string; value: unknown } | null {
  switch (g.t) {
    case 'string':
      return { key, type: 'string', value: g.v };
    case 'bool':
      return { key, type: 'bool', value: g.v };
    case 'int':
      return { key, type: 'int64', value: g.v };
    case 'double':
      return { key, type: 'float64', value: g.v };
    case 'bytes':
      return { key, type: 'binary', value: g.v };
    default:
      return null; // Jaeger tags have no arrays, maps, big ints as numbers or empty values.
  }
}

function jaegerTrace(spans: GenSpan[]): unknown {
  const services = [...new Set(spans.map((s) => s.service))];
  return {
    traceID: spans[0]!.traceId,
    spans: spans.map((s) => ({
      traceID: s.traceId,
      spanID: s.spanId,
      operationName: s.name,
      references: s.parentSpanId === null ? [] : [{ refType: 'CHILD_OF', traceID: s.traceId, spanID: s.parentSpanId }],
      startTime: s.startUs,
      duration: Math.floor(s.durationNs / 1000),
      tags: [
        ...s.attributes.map((a) => jaegerTag(a.key, a.value)).filter((t) => t !== null),
        ...(s.kind === 'unspecified' ? [] : [{ key: 'span.kind', type: 'string', value: s.kind }]),
        ...(s.status === 'unset' ? [] : [{ key: 'otel.status_code', type: 'string', value: s.status.toUpperCase() }]),
        ...(s.status === 'error' ? [{ key: 'error', type: 'bool', value: true }] : []),
      ],
      logs: s.events.map((e) => ({ timestamp: s.startUs + Math.floor(e.offsetNs / 1000), fields: [{ key: 'event', type: 'string', value: e.name }] })),
      processID: `p${services.indexOf(s.service) + 1}`,
      warnings: null,
    })),
    processes: Object.fromEntries(services.map((name, i) => [`p${i + 1}`, { serviceName: name, tags: [] }])),
    warnings: null,
  };
}

const ZIPKIN_KINDS: Partial<Record<SpanKind, string>> = { server: 'SERVER', client: 'CLIENT', producer: 'PRODUCER', consumer: 'CONSUMER' };

function zipkinSpans(spans: GenSpan[]): unknown {
  return spans.map((s) => ({
    traceId: s.traceId,
    id: s.spanId,
    ...(s.parentSpanId === null ? {} : { parentId: s.parentSpanId }),
    ...(ZIPKIN_KINDS[s.kind] ? { kind: ZIPKIN_KINDS[s.kind] } : {}),
    name: s.name,
    timestamp: s.startUs,
    duration: Math.floor(s.durationNs / 1000),
    localEndpoint: { serviceName: s.service },
    annotations: s.events.map((e) => ({ timestamp: s.startUs + Math.floor(e.offsetNs / 1000), value: e.name })),
    tags: {
      ...Object.fromEntries(s.attributes.filter((a) => a.value.t === 'string').map((a) => [a.key, (a.value as { v: string }).v])),
      ...(s.status === 'error' ? { error: 'failed' } : s.status === 'ok' ? { 'otel.status_code': 'OK' } : {}),
    },
  }));
}

// ---- comparison -------------------------------------------------------------------------------

type Precision = 'ns' | 'us';
const CONVENTION_KEYS = new Set(['span.kind', 'otel.status_code', 'error']);

function summarise(s: RawSpan) {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    name: s.name,
    serviceName: s.serviceName,
    kind: s.kind,
    status: s.status,
    startUs: s.startUs,
    startNsRemainder: s.startNsRemainder,
    durationUs: s.durationUs,
    attributes: s.attributes.filter((a) => !CONVENTION_KEYS.has(a.key)),
    events: s.events.map((e) => ({ timeUs: e.timeUs, name: e.name })),
  };
}

function expected(s: GenSpan, format: 'otlp' | 'jaeger' | 'zipkin') {
  const precision: Precision = format === 'otlp' ? 'ns' : 'us';
  const attributes =
    format === 'otlp'
      ? s.attributes.map((a) => ({ key: a.key, value: expectedOtlpValue(a.value) }))
      : format === 'jaeger'
        ? s.attributes.filter((a) => jaegerTag(a.key, a.value) !== null).map((a) => ({ key: a.key, value: (a.value as { v: AttrValue }).v }))
        : s.attributes.filter((a) => a.value.t === 'string').map((a) => ({ key: a.key, value: (a.value as { v: string }).v }));
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    name: s.name,
    serviceName: s.service,
    kind: format === 'zipkin' && !ZIPKIN_KINDS[s.kind] ? 'unspecified' : s.kind,
    status: s.status,
    startUs: s.startUs,
    startNsRemainder: precision === 'ns' ? s.startRemNs : 0,
    durationUs: precision === 'ns' ? s.durationNs / 1000 : Math.floor(s.durationNs / 1000),
    attributes,
    events: s.events.map((e) =>
      precision === 'ns'
        ? { timeUs: s.startUs + e.offsetNs / 1000, name: e.name }
        : { timeUs: s.startUs + Math.floor(e.offsetNs / 1000), name: e.name },
    ),
  };
}

function checkRoundTrip(text: string, spans: GenSpan[], format: 'otlp' | 'jaeger' | 'zipkin') {
  const parsed = parseTraceText(text).spans.map(summarise);
  const bySpanId = (a: { spanId: string }, b: { spanId: string }) => (a.spanId < b.spanId ? -1 : 1);
  const want = spans.map((s) => expected(s, format));
  // Event times: the parser goes through fractional µs, so allow for floating-point rounding.
  parsed.sort(bySpanId);
  want.sort(bySpanId);
  expect(parsed.length).toBe(want.length);
  parsed.forEach((p, i) => {
    const w = want[i]!;
    expect({ ...p, events: p.events.map((e) => e.name) }).toEqual({ ...w, events: w.events.map((e) => e.name) });
    p.events.forEach((e, j) => expect(e.timeUs).toBeCloseTo(w.events[j]!.timeUs!, 0));
  });
}

const RUNS = { numRuns: 150 };

describe('round trip: random span trees in every format', () => {
  it('Jaeger bare trace', () => {
    fc.assert(fc.property(genTrace, (spans) => checkRoundTrip(JSON.stringify(jaegerTrace(spans)), spans, 'jaeger')), RUNS);
  });
  it('Jaeger v1 envelope', () => {
    fc.assert(
      fc.property(genTrace, (spans) =>
        checkRoundTrip(JSON.stringify({ data: [jaegerTrace(spans)], total: 1, limit: 0, offset: 0, errors: null }), spans, 'jaeger'),
      ),
      RUNS,
    );
  });
  it('OTLP JSON, upper-case hex IDs and int enums', () => {
    fc.assert(fc.property(genTrace, (spans) => checkRoundTrip(JSON.stringify(otlpDoc(spans, 'hex-int')), spans, 'otlp')), RUNS);
  });
  it('Tempo style: base64 IDs, enum names, `batches`', () => {
    fc.assert(fc.property(genTrace, (spans) => checkRoundTrip(JSON.stringify(otlpDoc(spans, 'tempo')), spans, 'otlp')), RUNS);
  });
  it('OTLP snake_case', () => {
    fc.assert(fc.property(genTrace, (spans) => checkRoundTrip(JSON.stringify(otlpDoc(spans, 'snake')), spans, 'otlp')), RUNS);
  });
  it('NDJSON: one OTLP document per span', () => {
    fc.assert(
      fc.property(genTrace, (spans) => {
        const text = spans.map((s) => JSON.stringify(otlpDoc([s], 'hex-int'))).join('\n');
        checkRoundTrip(text, spans, 'otlp');
      }),
      RUNS,
    );
  });
  it('Zipkin v2', () => {
    fc.assert(fc.property(genTrace, (spans) => checkRoundTrip(JSON.stringify(zipkinSpans(spans)), spans, 'zipkin')), RUNS);
  });
});
