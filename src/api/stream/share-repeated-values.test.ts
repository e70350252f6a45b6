import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../model/build-trace';
import { parseTraceText } from '../parsers/parse-trace-text';
import { RepeatedValueSharer } from './share-repeated-values';

const doc = {
  traceID: 'ab',
  spans: [1, 2, 3].map((i) => ({
    traceID: 'ab',
    spanID: String(i),
    operationName: 'op',
    references: i === 1 ? [] : [{ refType: 'CHILD_OF', spanID: '1' }],
    startTime: 1000 + i,
    duration: 5,
    tags: [
      { key: 'component', type: 'string', value: 'net/http' },
      { key: 'http.status_code', type: 'int64', value: i === 3 ? 500 : 200 },
      { key: 'long', type: 'string', value: 'x'.repeat(300) },
      { key: 'obj', type: 'string', value: 'same' },
    ],
    processID: 'p1',
  })),
  processes: { p1: { serviceName: 's', tags: [] } },
};

describe('RepeatedValueSharer', () => {
  it('shares equal attributes, empty lists and zero counts without changing any value', () => {
    const trace = buildTrace(parseTraceText(JSON.stringify(doc)).spans, 'jaeger-trace');
    const before = structuredClone(trace.spans);
    const spans = trace.spans;
    new RepeatedValueSharer().share(spans);
    expect(spans).toEqual(before);
    const [a, b, c] = spans;
    expect(a!.attributes[0]).toBe(b!.attributes[0]); // component=net/http
    expect(a!.attributes[1]).toBe(b!.attributes[1]); // status 200
    expect(c!.attributes[1]).not.toBe(a!.attributes[1]); // status 500
    expect(c!.attributes[1]!.value).toBe(500);
    expect(a!.attributes[2]).not.toBe(b!.attributes[2]); // long text is not interned
    expect(b!.events).toBe(c!.events);
    expect(b!.dropped).toBe(c!.dropped);
    expect(b!.childIndices).toBe(c!.childIndices);
    // identity survives a structured clone within one message
    const cloned = structuredClone(spans);
    expect(cloned[0]!.attributes[0]).toBe(cloned[1]!.attributes[0]);
    expect(cloned).toEqual(before);
  });
});
