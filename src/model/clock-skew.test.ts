import { describe, expect, it } from 'vitest';
import { applySkewAdjustment, detectClockSkew } from './clock-skew';
import { buildTrace } from './build-trace';
import { rawSpan, indexOf, traceFromSpecs, TEST_EPOCH_US, type SpanSpec } from './testing/raw-span';
import { SpanFlag } from './types';

const cases: { name: string; spans: SpanSpec[]; want: Record<string, number> }[] = [
  {
    //   client (web)     [==========]      10..110
    //   server (api)  [====]                0..40    starts early, shorter: centred → 45..75 (10 + (100 - 30) / 2)
    name: 'a server child of a client parent is centred',
    spans: [
      { id: 'c', start: 10, duration: 100, service: 'web', kind: 'client' },
      { id: 's', parent: 'c', start: 0, duration: 30, service: 'api', kind: 'server' },
    ],
    want: { s: 45 },
  },
  {
    //   parent (web)  [=====]              0..50
    //   child (api)          [===]        70..100  internal kinds: moved to the parent start
    name: 'other kinds move to the parent start',
    spans: [
      { id: 'p', start: 0, duration: 50, service: 'web' },
      { id: 'k', parent: 'p', start: 70, duration: 30, service: 'api' },
    ],
    want: { k: -70 },
  },
  {
    //   client (web)   [===]              0..30
    //   server (api)     [=======]       20..90   longer than the parent: moved to its start
    name: 'a server child longer than its client parent moves to the parent start',
    spans: [
      { id: 'c', start: 0, duration: 30, service: 'web', kind: 'client' },
      { id: 's', parent: 'c', start: 20, duration: 70, service: 'api', kind: 'server' },
    ],
    want: { s: -20 },
  },
  {
    //   parent (web) [=====]
    //   child (web)        [===]    same service, same clock: left alone
    name: 'same-service children are not adjusted',
    spans: [
      { id: 'p', start: 0, duration: 50, service: 'web' },
      { id: 'k', parent: 'p', start: 40, duration: 30, service: 'web' },
    ],
    want: {},
  },
  {
    //   parent (web) [==========]
    //   child (api)    [===]          inside: nothing to do
    name: 'children inside their parent are not adjusted',
    spans: [
      { id: 'p', start: 0, duration: 100, service: 'web', kind: 'client' },
      { id: 'k', parent: 'p', start: 10, duration: 30, service: 'api', kind: 'server' },
    ],
    want: {},
  },
  {
    //   root (web)    [==========]            0..100
    //   a (api)                [======]      90..150 → moved to 0..60 (-90)
    //   b (db)                   [==]       100..120 → after a's shift 10..30: inside a, no own shift
    //   c (cache)                       [=] 160..170 → after a's shift 70..80: outside a (0..60) → 0..10
    name: 'nested skew is judged after the parent moved',
    spans: [
      { id: 'root', start: 0, duration: 100, service: 'web' },
      { id: 'a', parent: 'root', start: 90, duration: 60, service: 'api' },
      { id: 'b', parent: 'a', start: 100, duration: 20, service: 'db' },
      { id: 'c', parent: 'a', start: 160, duration: 10, service: 'cache' },
    ],
    want: { a: -90, c: -70 },
  },
];

describe('detectClockSkew', () => {
  it.each(cases)('$name', ({ spans, want }) => {
    const trace = traceFromSpecs(spans);
    const got = Object.fromEntries(detectClockSkew(trace).map((a) => [trace.spans[a.spanIndex]!.spanId, a.adjustmentUs]));
    expect(got).toEqual(want);
  });
});

describe('applySkewAdjustment', () => {
  const raws = [
    rawSpan({ spanId: 'root', startUs: TEST_EPOCH_US, durationUs: 100, serviceName: 'web' }),
    rawSpan({
      spanId: 'a',
      parentSpanId: 'root',
      startUs: TEST_EPOCH_US + 90,
      durationUs: 60,
      serviceName: 'api',
      events: [{ timeUs: TEST_EPOCH_US + 95, name: 'log', attributes: [] }],
    }),
    rawSpan({ spanId: 'b', parentSpanId: 'a', startUs: TEST_EPOCH_US + 100, durationUs: 20, serviceName: 'db' }),
    rawSpan({ spanId: 'x', parentSpanId: 'root', startUs: TEST_EPOCH_US + 10, durationUs: 5, serviceName: 'web' }),
  ];
  const trace = buildTrace(raws, 'demo');
  const before = JSON.stringify({ spans: trace.spans, starts: Array.from(trace.columns.startUs), warnings: trace.issues.warnings });
  const adjusted = applySkewAdjustment(trace, detectClockSkew(trace));

  it('shifts the span with its subtree, events included, keeping indices', () => {
    const a = indexOf(trace, 'a');
    const b = indexOf(trace, 'b');
    const x = indexOf(trace, 'x');
    expect(adjusted.spans.map((s) => s.spanId)).toEqual(trace.spans.map((s) => s.spanId));
    expect(adjusted.spans[a]!.startUs).toBe(0);
    expect(adjusted.spans[b]!.startUs).toBe(10);
    expect(adjusted.spans[x]!.startUs).toBe(10);
    expect(adjusted.columns.startUs[a]).toBe(0);
    expect(adjusted.columns.startUs[b]).toBe(10);
    expect(adjusted.spans[a]!.events[0]!.timeUs).toBe(5);
    expect(adjusted.durationUs).toBe(100);
    expect(trace.durationUs).toBe(150);
  });

  it('marks moved spans with a flag and a warning saying by how much', () => {
    const a = indexOf(trace, 'a');
    const b = indexOf(trace, 'b');
    expect(adjusted.spans[a]!.warnings.at(-1)).toContain('shifted by -90 µs');
    expect(adjusted.spans[b]!.warnings.at(-1)).toContain('together with an adjusted ancestor');
    expect(adjusted.columns.flags[a]! & SpanFlag.SkewAdjusted).toBeTruthy();
    expect(adjusted.columns.flags[b]! & SpanFlag.SkewAdjusted).toBeTruthy();
    expect(adjusted.columns.flags[0]! & SpanFlag.SkewAdjusted).toBe(0);
    expect(adjusted.spans[0]).toBe(trace.spans[0]); // unmoved spans are shared
    expect(adjusted.issues.warnings.at(-1)).toContain('1 span shifted');
  });

  it('does not mutate the original trace', () => {
    expect(JSON.stringify({ spans: trace.spans, starts: Array.from(trace.columns.startUs), warnings: trace.issues.warnings })).toBe(before);
    expect(trace.columns.flags[indexOf(trace, 'a')]! & SpanFlag.SkewAdjusted).toBe(0);
  });

  it('starts the trace at its first adjusted span when the span that started first was moved', () => {
    //   client (web)        [==========]   50..150
    //   server (api)  [===]                 0..30   recorded before its parent: centred → 85..115
    const early = buildTrace(
      [
        rawSpan({ spanId: 'c', startUs: TEST_EPOCH_US + 50, durationUs: 100, serviceName: 'web', kind: 'client' }),
        rawSpan({
          spanId: 's',
          parentSpanId: 'c',
          startUs: TEST_EPOCH_US,
          durationUs: 30,
          serviceName: 'api',
          kind: 'server',
          events: [{ timeUs: TEST_EPOCH_US + 10, name: 'log', attributes: [] }],
        }),
      ],
      'demo',
    );
    expect(early.durationUs).toBe(150);
    const fixed = applySkewAdjustment(early, detectClockSkew(early));
    const c = indexOf(fixed, 'c');
    const srv = indexOf(fixed, 's');
    expect(fixed.durationUs).toBe(100);
    expect(fixed.startUs).toBe(early.startUs + 50);
    expect(BigInt(fixed.startNs) - BigInt(early.startNs)).toBe(50_000n);
    expect([fixed.spans[c]!.startUs, fixed.columns.startUs[c]]).toEqual([0, 0]);
    expect([fixed.spans[srv]!.startUs, fixed.columns.startUs[srv]]).toEqual([35, 35]);
    expect(fixed.spans[srv]!.events[0]!.timeUs).toBe(45);
    expect(early.spans[c]!.startUs).toBe(50); // the input is not changed

    // Exact to the µs at real epochs, also with a sub-µs remainder (epoch ns are past 2^53).
    const odd = buildTrace(
      [
        rawSpan({ spanId: 'c', startUs: TEST_EPOCH_US + 50, startNsRemainder: 999, durationUs: 100, serviceName: 'web', kind: 'client' }),
        rawSpan({ spanId: 's', parentSpanId: 'c', startUs: TEST_EPOCH_US, durationUs: 30, serviceName: 'api', kind: 'server' }),
      ],
      'demo',
    );
    expect(applySkewAdjustment(odd, detectClockSkew(odd)).startUs).toBe(odd.startUs + 50);
  });

  it('returns the same trace when there is nothing to adjust', () => {
    expect(applySkewAdjustment(trace, [])).toBe(trace);
  });
});
