import { describe, expect, it } from 'vitest';
import { parseTraceValue } from './parse-trace-text';
import { SEARCH_WARNING } from './parse-tempo-search';

describe('Tempo search results', () => {
  const attr = (key: string, stringValue: string) => ({ key, value: { stringValue } });
  const result = {
    traces: [
      {
        traceID: '2f3e0cee77ae5dc9c17ade3689eb2e5', // 31 chars: leading zero trimmed by Tempo
        rootServiceName: 'shop',
        rootTraceName: 'GET /',
        startTimeUnixNano: '1700000000000000000',
        durationMs: 12,
        spanSet: { spans: [{ spanID: '00000000000000a1', startTimeUnixNano: '1700000000000000000', durationNanos: '12000000', name: 'GET /' }], matched: 2 },
        spanSets: [
          {
            spans: [
              { spanID: '00000000000000a1', startTimeUnixNano: '1700000000000000000', durationNanos: '12000000', name: 'GET /' },
              {
                spanID: 'b2',
                startTimeUnixNano: '1700000000001000000',
                durationNanos: '1500',
                name: 'db',
                attributes: [attr('span:parentID', 'a1'), attr('resource.service.name', 'db-svc')],
              },
            ],
            matched: 2,
          },
        ],
      },
    ],
  };

  it('turns span summaries into spans, deduplicated, with a warning', () => {
    const r = parseTraceValue(result);
    expect(r.warnings).toEqual([SEARCH_WARNING]);
    expect(r.spans.map((s) => [s.traceId, s.spanId, s.parentSpanId, s.serviceName, s.durationUs])).toEqual([
      ['02f3e0cee77ae5dc9c17ade3689eb2e5', '00000000000000a1', null, 'shop', 12000],
      ['02f3e0cee77ae5dc9c17ade3689eb2e5', '00000000000000b2', '00000000000000a1', 'db-svc', 1.5],
    ]);
  });

  it('reads one element of traces[] alone', () => {
    expect(parseTraceValue(result.traces[0]).spans).toHaveLength(2);
  });
});
