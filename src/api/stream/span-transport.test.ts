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
            {
              traceId: 'aa',
              spanId: '01',
              name: 'root',
              kind: 2,
              startTimeUnixNano: '1000000',
              endTimeUnixNano: '9000000',
              traceState: 'k=v',
              flags: 257,
              // Every kind of attribute value.
              attributes: [
                { key: 'http.method', value: { stringValue: 'GET' } },
                { key: 'http.status_code', value: { intValue: '200' } },
                { key: 'ratio', value: { doubleValue: 0.25 } },
                { key: 'cache.hit', value: { boolValue: true } },
                { key: 'retried', value: { boolValue: false } },
                { key: 'empty', value: {} },
                { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }] } } },
                { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
                { key: 'http.method', value: { stringValue: 'GET' } },
              ],
              droppedAttributesCount: 3,
              droppedLinksCount: 1,
            },
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
    const root = out.find((s) => s.name === 'root')!;
    expect(root.attributes.map((a) => a.value)).toEqual(['GET', 200, 0.25, true, false, null, ['a', 2], { k: 'v' }, 'GET']);
    expect(root.dropped).toEqual({ attributes: 3, events: 0, links: 1 });
    expect(out.find((s) => s.name === 'child')?.attributes).toEqual([]);
    // repeated strings are sent once
    const { batch } = encodeSpanBatch(trace.spans, 0, trace.spans.length);
    expect(batch.strings.filter((s) => s === 'front')).toHaveLength(1);
  });
});
