import { describe, expect, it } from 'vitest';
import { parseTraceValue, parseTraceText } from './parse-trace-text';

const span = (extra: Record<string, unknown>) => ({
  traceId: '5B8EFFF798038103D269B633813FC60C',
  spanId: 'EEE19B7EC3C1B174',
  name: 'op',
  startTimeUnixNano: '1711138246978000000',
  endTimeUnixNano: '1711138247024460625',
  ...extra,
});
const doc = (spans: unknown[], resourceAttrs: unknown[] = [{ key: 'service.name', value: { stringValue: 'svc' } }]) => ({
  resourceSpans: [{ resource: { attributes: resourceAttrs }, scopeSpans: [{ scope: { name: 'lib', version: '1.0' }, spans }] }],
});

describe('OTLP JSON', () => {
  it('reads IDs, times (exact beyond 2^53), service, scope', () => {
    const [s] = parseTraceValue(doc([span({ parentSpanId: 'AAAAAAAAAAAAAAAA'.slice(0, 15) })])).spans;
    expect(s).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: '0aaaaaaaaaaaaaaa',
      serviceName: 'svc',
      scope: { name: 'lib', version: '1.0' },
      startUs: 1711138246978000,
      startNsRemainder: 0,
      durationUs: 46460.625,
    });
  });

  it('decodes Tempo base64 IDs and enum names', () => {
    const r = parseTraceValue({
      batches: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'tempo-svc' } }] },
          scopeSpans: [
            {
              spans: [
                span({
                  traceId: 'W47/95gDgQPSabYzgT/HAA==',
                  spanId: 'AAAAAAAAAAI=',
                  parentSpanId: 'AAAAAAAAAAE=',
                  kind: 'SPAN_KIND_SERVER',
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                }),
              ],
            },
          ],
        },
      ],
    });
    expect(r.format).toBe('tempo-v1');
    expect(r.spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc700',
      spanId: '0000000000000002',
      parentSpanId: '0000000000000001',
      kind: 'server',
      status: 'error',
      statusMessage: 'boom',
    });
  });

  it('reads kinds and status codes given as ints', () => {
    const kinds = [0, 1, 2, 3, 4, 5].map((k) => parseTraceValue(doc([span({ kind: k, status: { code: k % 3 } })])).spans[0]);
    expect(kinds.map((s) => s?.kind)).toEqual(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']);
    expect(kinds.map((s) => s?.status)).toEqual(['unset', 'ok', 'error', 'unset', 'ok', 'error']);
  });

  it('reads snake_case keys and the legacy instrumentationLibrarySpans', () => {
    const snake = parseTraceValue({
      resource_spans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { string_value: 'snake' } }] },
          scope_spans: [
            {
              scope: { name: 's' },
              spans: [
                {
                  trace_id: '0af7651916cd43dd8448eb211c80319c',
                  span_id: 'b7ad6b7169203331',
                  parent_span_id: '00f067aa0ba902b7',
                  name: 'snake-op',
                  start_time_unix_nano: '1000000001000',
                  end_time_unix_nano: 1000000003500,
                  attributes: [{ key: 'n', value: { int_value: '7' } }],
                  dropped_attributes_count: 2,
                },
              ],
            },
          ],
        },
      ],
    }).spans[0];
    expect(snake).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      parentSpanId: '00f067aa0ba902b7',
      serviceName: 'snake',
      name: 'snake-op',
      startUs: 1000000001,
      durationUs: 2.5,
      attributes: [{ key: 'n', value: 7 }],
      dropped: { attributes: 2, events: 0, links: 0 },
    });
    const legacy = parseTraceValue({
      resourceSpans: [
        { resource: {}, instrumentationLibrarySpans: [{ instrumentationLibrary: { name: 'old', version: '0.1' }, spans: [span({})] }] },
      ],
    }).spans[0];
    expect(legacy?.scope).toEqual({ name: 'old', version: '0.1' });
    expect(legacy?.serviceName).toBe('unknown_service');
  });

  it('reads every AnyValue variant', () => {
    const attrs = [
      { key: 's', value: { stringValue: 'x' } },
      { key: 'b', value: { boolValue: true } },
      { key: 'i', value: { intValue: '42' } },
      { key: 'iNum', value: { intValue: 43 } },
      { key: 'big', value: { intValue: '9223372036854775807' } },
      { key: 'd', value: { doubleValue: 1.5 } },
      { key: 'nan', value: { doubleValue: 'NaN' } },
      { key: 'inf', value: { doubleValue: 'Infinity' } },
      { key: 'ninf', value: { doubleValue: '-Infinity' } },
      { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }, {}] } } },
      { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: false } }] } } },
      { key: 'bytes', value: { bytesValue: 'AAEC' } },
      { key: 'empty', value: {} },
      { key: 'emptyArr', value: { arrayValue: {} } },
    ];
    const s = parseTraceValue(doc([span({ attributes: attrs })])).spans[0]!;
    const byKey = Object.fromEntries(s.attributes.map((a) => [a.key, a.value]));
    expect(byKey).toEqual({
      s: 'x',
      b: true,
      i: 42,
      iNum: 43,
      big: '9223372036854775807',
      d: 1.5,
      nan: NaN,
      inf: Infinity,
      ninf: -Infinity,
      arr: ['a', 1, null],
      kv: { k: false },
      bytes: 'AAEC',
      empty: null,
      emptyArr: [],
    });
  });

  it('turns events and links into events and link references', () => {
    const s = parseTraceValue(
      doc([
        span({
          events: [{ timeUnixNano: '1711138246990000500', name: 'retry', attributes: [{ key: 'n', value: { intValue: '2' } }] }],
          links: [{ traceId: 'AAAAAAAAAAAAAAAAAAAAAQ==', spanId: '00000000000000ff', attributes: [{ key: 'why', value: { stringValue: 'batch' } }] }],
        }),
      ]),
    ).spans[0]!;
    expect(s.events).toEqual([{ timeUs: 1711138246990000.5, name: 'retry', attributes: [{ key: 'n', value: 2 }] }]);
    expect(s.references).toEqual([
      { type: 'link', traceId: '00000000000000000000000000000001', spanId: '00000000000000ff', attributes: [{ key: 'why', value: 'batch' }] },
    ]);
  });

  it('derives errors from status 2, legacy error=true and exception events, but keeps an explicit OK', () => {
    const statuses = [
      span({ status: { code: 2 } }),
      span({ attributes: [{ key: 'error', value: { boolValue: true } }] }),
      span({ attributes: [{ key: 'error', value: { stringValue: 'true' } }] }),
      span({ events: [{ name: 'exception', timeUnixNano: '1711138246978000001' }] }),
      span({ status: { code: 1 }, events: [{ name: 'exception', timeUnixNano: '1711138246978000001' }] }),
      span({ status: {} }),
    ].map((sp) => parseTraceValue(doc([sp])).spans[0]?.status);
    expect(statuses).toEqual(['error', 'error', 'error', 'error', 'ok', 'unset']);
  });

  it('clamps negative dropped counts with a warning', () => {
    const s = parseTraceValue(doc([span({ droppedAttributesCount: -1, droppedEventsCount: -2, droppedLinksCount: 3 })])).spans[0]!;
    expect(s.dropped).toEqual({ attributes: 0, events: 0, links: 3 });
    expect(s.warnings.filter((w) => w.includes('Negative'))).toHaveLength(2);
  });

  it('gives null times and a warning when start or end is missing', () => {
    const noTimes = parseTraceValue(doc([{ traceId: '01', spanId: '02', name: 'x' }])).spans[0]!;
    expect(noTimes.startUs).toBeNull();
    expect(noTimes.durationUs).toBeNull();
    expect(noTimes.warnings).toContain('Span has no start time.');
    const noEnd = parseTraceValue(doc([span({ endTimeUnixNano: undefined })])).spans[0]!;
    expect(noEnd.startUs).toBe(1711138246978000);
    expect(noEnd.durationUs).toBeNull();
  });

  it('reads the Jaeger v3 envelope and Tempo v2 with a PARTIAL warning', () => {
    expect(parseTraceValue({ result: doc([span({})]) }).format).toBe('jaeger-api-v3');
    const v2 = parseTraceValue({ trace: doc([span({})]), status: 'PARTIAL', message: 'trace exceeds max size' });
    expect(v2.format).toBe('tempo-v2');
    expect(v2.spans).toHaveLength(1);
    expect(v2.warnings).toEqual(['Tempo returned a PARTIAL trace: trace exceeds max size']);
    const notFound = parseTraceValue({ trace: {} });
    expect(notFound.spans).toEqual([]);
  });

  it('keeps duplicate spans and all spans of several traces', () => {
    const r = parseTraceText(JSON.stringify(doc([span({}), span({}), span({ traceId: 'ab' })])));
    expect(r.spans.map((s) => s.traceId)).toEqual([
      '5b8efff798038103d269b633813fc60c',
      '5b8efff798038103d269b633813fc60c',
      '00000000000000ab',
    ]);
  });

  // Speed is the benchmark's job (npm run bench), not a timed test's: this checks a large body is read whole.
  it('converts 100k spans, every one', () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => ({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: (i + 1).toString(16).padStart(16, '0'),
      parentSpanId: i === 0 ? '' : Math.floor(i / 2 + 1).toString(16).padStart(16, '0'),
      name: `op-${i % 50}`,
      kind: 2,
      startTimeUnixNano: String(1711138246978000000n + BigInt(i) * 1000n),
      endTimeUnixNano: String(1711138246978000000n + BigInt(i) * 1000n + 5_000_321n),
      attributes: [
        { key: 'http.method', value: { stringValue: 'GET' } },
        { key: 'http.status_code', value: { intValue: '200' } },
        { key: 'retry', value: { boolValue: false } },
      ],
      status: { code: 0 },
    }));
    const value = JSON.parse(JSON.stringify(doc(spans))) as unknown;
    const r = parseTraceValue(value);
    expect(r.spans).toHaveLength(100_000);
    expect(r.spans[99_999]!.durationUs).toBe(5000.321);
  });
});
