import { describe, expect, it } from 'vitest';
import { parseTraceValue } from './parse-trace-text';

describe('Jaeger api_v2 protobuf JSON', () => {
  it('decodes base64 IDs, RFC 3339 times, duration strings and vType tags', () => {
    const r = parseTraceValue({
      spans: [
        {
          traceId: 'AAAAAAAAAAAAAAAAAAAAAQ==',
          spanId: 'AAAAAAAAAAM=',
          operationName: 'op',
          references: [{ traceId: 'AAAAAAAAAAAAAAAAAAAAAQ==', spanId: 'AAAAAAAAAAI=' }], // refType omitted = CHILD_OF
          startTime: '2017-01-26T16:46:31.639875139-05:00',
          duration: '0.005s',
          tags: [
            { key: 's', vStr: 'x' },
            { key: 'b', vType: 'BOOL', vBool: true },
            { key: 'i', vType: 'INT64', vInt64: '9223372036854775807' },
            { key: 'f', vType: 'FLOAT64', vFloat64: 72.5 },
            { key: 'bin', vType: 'BINARY', vBinary: 'AAAwOQ==' },
          ],
          processId: 'p1',
        },
      ],
      processMap: [{ processId: 'p1', process: { serviceName: 'svc', tags: [{ key: 'host', vStr: 'h' }] } }],
      warnings: ['w'],
    });
    expect(r.format).toBe('jaeger-api-v2-proto-json');
    expect(r.warnings).toEqual(['w']);
    expect(r.spans[0]).toMatchObject({
      traceId: '00000000000000000000000000000001',
      spanId: '0000000000000003',
      parentSpanId: '0000000000000002',
      serviceName: 'svc',
      startUs: 1485467191639875,
      startNsRemainder: 139,
      durationUs: 5000,
      resourceAttributes: [{ key: 'host', value: 'h' }],
      attributes: [
        { key: 's', value: 'x' },
        { key: 'b', value: true },
        { key: 'i', value: '9223372036854775807' },
        { key: 'f', value: 72.5 },
        { key: 'bin', value: 'AAAwOQ==' },
      ],
    });
    expect(r.spans[0]!.status).toBe('unset');
  });
});
