import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../model/build-trace';
import type { Span } from '../../model/types';
import { parseTraceText } from '../parsers/parse-trace-text';
import { childIndicesAt, decodeSpanBatch, encodeSpanBatch } from './span-transport';

const otlp = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'front' } }] },
      scopeSpans: [
        {
          scope: { name: 'lib', version: '2' },
          spans: [
            { traceId: 'aa', spanId: '01', name: 'root', kind: 2, startTimeUnixNano: '1000000', endTimeUnixNano: '9000000', traceState: 'k=v', flags: 257 },
            {
              traceId: 'aa',
              spanId: '02',
              parentSpanId: '01',
              name: 'child',
              kind: 'SPAN_KIND_CLIENT',
              startTimeUnixNano: '2000000',
              endTimeUnixNano: '3000000',
              status: { code: 2, message: 'bad' },
              events: [{ timeUnixNano: '2500000', name: 'exception', attributes: [{ key: 'x', value: { intValue: '1' } }] }],
              links: [{ traceId: 'bb', spanId: '09' }],
            },
            { traceId: 'aa', spanId: '03', parentSpanId: '77', name: 'orphan', startTimeUnixNano: '1500000' },
            { traceId: 'aa', spanId: '02', parentSpanId: '01', name: 'dup', startTimeUnixNano: '4000000', endTimeUnixNano: '4000001' },
          ],
        },
      ],
    },
  ],
});

describe('span transport', () => {
  it('round-trips every Span field through encode → structured clone → decode, in uneven batches', () => {
    const trace = buildTrace(parseTraceText(otlp).spans, 'otlp-json');
    expect(trace.spans.map((s) => childIndicesAt(trace.columns, s.index))).toEqual(trace.spans.map((s) => s.childIndices));
    const out: Span[] = [];
    for (const [from, to] of [
      [0, 3],
      [3, 4],
    ] as const) {
      const { batch, transfer } = encodeSpanBatch(trace.spans, from, to);
      const received = structuredClone(batch, { transfer });
      decodeSpanBatch(received, trace.columns, out);
    }
    expect(out).toEqual(trace.spans);
    expect(out.find((s) => s.name === 'root')?.extra).toEqual({ traceState: 'k=v', flags: 257 });
    expect(out.find((s) => s.name === 'child')).toMatchObject({ kind: 'client', status: 'error', statusMessage: 'bad', isError: true });
    // repeated strings are sent once
    const { batch } = encodeSpanBatch(trace.spans, 0, trace.spans.length);
    expect(batch.strings.filter((s) => s === 'front')).toHaveLength(1);
  });
});
