import { describe, expect, it } from 'vitest';
import { parseTraceValue } from './parse-trace-text';

const trace = {
  traceID: '00000000000000000000000000000ABC',
  spans: [
    {
      traceID: '00000000000000000000000000000ABC',
      spanID: 'A1',
      operationName: 'root',
      references: [],
      startTime: 1485467191639875,
      duration: 100,
      tags: [
        { key: 'span.kind', type: 'string', value: 'server' },
        { key: 'str', type: 'string', value: 'v' },
        { key: 'flag', type: 'bool', value: 'true' },
        { key: 'n', type: 'int64', value: 5 },
        { key: 'nstr', type: 'int64', value: '9223372036854775807' },
        { key: 'f', type: 'float64', value: 0.25 },
        { key: 'bin', type: 'binary', value: 'AAEC' },
      ],
      logs: [{ timestamp: 1485467191639880, fields: [{ key: 'event', type: 'string', value: 'cache miss' }, { key: 'k', type: 'string', value: 'x' }] }],
      processID: 'p1',
      warnings: ['clock skew adjusted'],
    },
    {
      spanID: 'b2',
      operationName: 'child',
      references: [
        { refType: 'FOLLOWS_FROM', traceID: '0000000000000abc', spanID: '00000000000000ff' },
        { refType: 'CHILD_OF', traceID: '00000000000000000000000000000abc', spanID: 'a1' },
      ],
      startTime: 1485467191639900,
      duration: 10,
      tags: [
        { key: 'error', type: 'bool', value: true },
        { key: 'otel.status_description', type: 'string', value: 'bad' },
      ],
      processID: 'p2',
    },
    {
      spanID: 'c3',
      operationName: 'async',
      references: [
        { refType: 'FOLLOWS_FROM', traceID: '00000000000000000000000000000abc', spanID: 'b2' },
        { refType: 'FOLLOWS_FROM', traceID: '00000000000000000000000000000abc', spanID: 'a1' },
      ],
      startTime: 1485467191640000,
      duration: 5,
      tags: [{ key: 'otel.status_code', type: 'string', value: 'ERROR' }],
      processID: 'p1',
    },
  ],
  processes: {
    p1: { serviceName: 'frontend', tags: [{ key: 'hostname', type: 'string', value: 'h1' }] },
    p2: { serviceName: 'backend', tags: [] },
  },
  warnings: ['trace warning'],
};

describe('Jaeger JSON', () => {
  it('reads a bare trace: IDs, services, tag types, logs, warnings', () => {
    const r = parseTraceValue(trace);
    expect(r.format).toBe('jaeger-trace');
    expect(r.warnings).toEqual(['trace warning']);
    const [root] = r.spans;
    expect(root).toMatchObject({
      traceId: '00000000000000000000000000000abc',
      spanId: '00000000000000a1',
      parentSpanId: null,
      name: 'root',
      serviceName: 'frontend',
      kind: 'server',
      startUs: 1485467191639875,
      durationUs: 100,
      resourceAttributes: [{ key: 'hostname', value: 'h1' }],
      warnings: ['clock skew adjusted'],
    });
    expect(Object.fromEntries(root!.attributes.map((a) => [a.key, a.value]))).toEqual({
      'span.kind': 'server',
      str: 'v',
      flag: true,
      n: 5,
      nstr: '9223372036854775807',
      f: 0.25,
      bin: 'AAEC',
    });
    expect(root!.events).toEqual([{ timeUs: 1485467191639880, name: 'cache miss', attributes: [{ key: 'k', value: 'x' }] }]);
  });

  it('takes the first same-trace CHILD_OF as parent and keeps other references', () => {
    const child = parseTraceValue(trace).spans[1]!;
    expect(child.traceId).toBe('00000000000000000000000000000abc'); // from the trace object
    expect(child.parentSpanId).toBe('00000000000000a1');
    expect(child.references).toEqual([{ type: 'follows-from', traceId: '0000000000000abc', spanId: '00000000000000ff', attributes: [] }]);
    expect(child.status).toBe('error');
    expect(child.statusMessage).toBe('bad');
    expect(child.serviceName).toBe('backend');
  });

  it('falls back to the first FOLLOWS_FROM when there is no CHILD_OF', () => {
    const s = parseTraceValue(trace).spans[2]!;
    expect(s.parentSpanId).toBe('00000000000000b2');
    expect(s.references.map((r) => [r.type, r.spanId])).toEqual([['follows-from', '00000000000000a1']]);
    expect(s.status).toBe('error'); // otel.status_code tag
  });

  it('reads the v1 envelope, an array of traces and an array of spans with inline process', () => {
    const env = parseTraceValue({ data: [trace, trace], total: 2, limit: 0, offset: 0, errors: null });
    expect(env.format).toBe('jaeger-api-v1');
    expect(env.spans).toHaveLength(6);
    expect(parseTraceValue([trace]).spans).toHaveLength(3);
    const spansOnly = parseTraceValue([
      { traceID: 'ab', spanID: '1', operationName: 'x', startTime: 1, duration: 1, process: { serviceName: 'inline' } },
    ]);
    expect(spansOnly.spans[0]).toMatchObject({ serviceName: 'inline', traceId: '00000000000000ab', spanId: '0000000000000001' });
  });

  it('returns zero spans and the backend errors for `data: null`', () => {
    const r = parseTraceValue({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: 'trace not found' }] });
    expect(r.spans).toEqual([]);
    expect(r.backendErrors).toEqual(['trace not found (code 404)']);
  });

  it('keeps search errors beside found traces', () => {
    const r = parseTraceValue({ data: [trace], errors: [{ code: 404, msg: 'trace not found', traceID: 'ff' }] });
    expect(r.spans).toHaveLength(3);
    expect(r.backendErrors).toEqual(['trace not found (code 404) [trace ff]']);
  });

  it('prefers an inline process and ignores nested reference spans (jaeger-ui enriched model)', () => {
    const r = parseTraceValue({
      data: [
        {
          traceID: 'ab',
          processes: { p1: { serviceName: 'from-map' } },
          spans: [
            {
              traceID: 'ab',
              spanID: '2',
              processID: 'p1',
              process: { serviceName: 'inline' },
              references: [{ refType: 'CHILD_OF', traceID: 'ab', spanID: '1', span: { spanID: '1', operationName: 'nested' } }],
              startTime: 5,
              duration: 1,
            },
          ],
        },
      ],
    });
    expect(r.spans).toHaveLength(1);
    expect(r.spans[0]).toMatchObject({ serviceName: 'inline', parentSpanId: '0000000000000001' });
  });

  it('keeps opaque non-hex IDs', () => {
    const r = parseTraceValue({
      traceID: 'trace-123',
      spans: [{ spanID: 'span-2_1', references: [{ refType: 'CHILD_OF', traceID: 'trace-123', spanID: 'span-1' }], startTime: 1, duration: 1 }],
      processes: {},
    });
    expect(r.spans[0]).toMatchObject({ traceId: 'trace-123', spanId: 'span-2_1', parentSpanId: 'span-1', serviceName: 'unknown_service' });
  });
});
