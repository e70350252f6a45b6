import { describe, expect, it } from 'vitest';
import { parseTraceText, parseTraceValue } from './parse-trace-text';
import { groupSpansByTrace } from './group-spans';
import { TraceParseError, type ParseErrorKind } from './types';

function errorOf(run: () => unknown): TraceParseError {
  try {
    run();
  } catch (e) {
    if (e instanceof TraceParseError) return e;
    throw e;
  }
  throw new Error('expected a TraceParseError');
}

const otlpLine = (spanId: string) =>
  JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
        scopeSpans: [{ spans: [{ traceId: 'aa', spanId, name: 'x', startTimeUnixNano: '1000000', endTimeUnixNano: '2000000' }] }],
      },
    ],
  });

describe('parseTraceText errors', () => {
  it.each<[string, ParseErrorKind, RegExp]>([
    ['', 'empty', /is empty/],
    ['  \n\t ', 'empty', /is empty/],
    ['{"a":', 'not-json', /not valid JSON/],
    ['hello', 'not-json', /not valid JSON/],
    ['42', 'unknown-format', /Jaeger JSON.*OTLP JSON.*Tempo.*Zipkin v2/s],
    ['{"foo":1}', 'unknown-format', /Jaeger JSON.*OTLP JSON.*Tempo.*Zipkin v2/s],
    ['{"summaries":[]}', 'unknown-format', /trace-summaries/],
    // The search page's list download, and the older one without "format" (read as a Tempo search before).
    [
      '{"format":"skein-search-list","backend":"demo","traces":[{"traceId":"a1"},{"traceId":"b2"},{"traceId":"c3"},{"traceId":"d4"}]}',
      'unknown-format',
      /list of 4 trace summaries from a Skein search on "demo", not a trace.*Open the traces by ID.*\(a1, b2, c3 and 1 more\)/,
    ],
    ['{"backend":"demo","exportedAt":"x","traces":[{"traceId":"a1","durationUs":5,"services":[]}]}', 'unknown-format', /trace summaries from a Skein search.*\(a1\)/],
    ['{"services":["a"]}', 'unknown-format', /list of services/],
    ['{"operations":[{"name":"a","spanKind":"server"}]}', 'unknown-format', /operations/],
    ['{"data":["svc-a","svc-b"],"total":2}', 'unknown-format', /services or operations/],
    ['{"error":{"httpCode":404,"message":"No traces found"}}', 'unknown-format', /HTTP 404.*No traces found/],
    ['{"resourceLogs":[]}', 'unknown-format', /log data/],
    ['{"trace":{"name":"not tempo"}}', 'unknown-format', /Jaeger JSON/],
    ['{"resourceSpans":{"x":1}}', 'invalid-shape', /must be a list/],
    ['{"data":5,"errors":null}', 'invalid-shape', /"data" must be a list/],
  ])('%j → %s', (text, kind, message) => {
    const e = errorOf(() => parseTraceText(text, 'my-file.json'));
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
    if (kind !== 'empty') expect(e.message).toContain('my-file.json');
  });

  it('names the file only in messages, never to decide the format', () => {
    const r = parseTraceText(otlpLine('01'), 'trace.zipkin.ndjson');
    expect(r.format).toBe('otlp-json');
  });

  it('accepts a byte-order mark', () => {
    expect(parseTraceText('\uFEFF' + otlpLine('01')).spans).toHaveLength(1);
  });
});

describe('NDJSON', () => {
  it('reads each line, skips and counts logs/metrics lines, ignores blank lines', () => {
    const text = [
      otlpLine('01'),
      '',
      JSON.stringify({ resourceLogs: [] }),
      otlpLine('02'),
      JSON.stringify({ resourceMetrics: [] }),
      '   ',
      otlpLine('03'),
    ].join('\n');
    const r = parseTraceText(text);
    expect(r.format).toBe('otlp-ndjson');
    expect(r.spans.map((s) => s.spanId)).toEqual(['0000000000000001', '0000000000000002', '0000000000000003']);
    expect(r.skippedLines).toBe(2);
  });

  it('skips a broken line with a warning naming its number', () => {
    const r = parseTraceText([otlpLine('01'), '{"resourceSpans": [', otlpLine('02')].join('\r\n'));
    expect(r.spans).toHaveLength(2);
    expect(r.skippedLines).toBe(1);
    expect(r.warnings.some((w) => w.startsWith('Line 2 '))).toBe(true);
  });

  it('fails when no line yields spans', () => {
    expect(errorOf(() => parseTraceText('{"a":1}\n{broken')).kind).toBe('not-json');
    expect(errorOf(() => parseTraceText('{"resourceLogs":[]}\n{"resourceMetrics":[]}')).kind).toBe('unknown-format');
  });

  it('mixes formats line by line (a Jaeger trace line and an OTLP line)', () => {
    const jaeger = JSON.stringify({ traceID: 'bb', spans: [{ spanID: '9', startTime: 1, duration: 1 }], processes: {} });
    const r = parseTraceText(`${jaeger}\n${otlpLine('01')}`);
    expect(r.spans.map((s) => s.traceId)).toEqual(['00000000000000bb', '00000000000000aa']);
  });

  it('reports a pretty-printed broken document as not JSON (not as NDJSON)', () => {
    const e = errorOf(() => parseTraceText('{\n  "resourceSpans": [\n  }\n'));
    expect(e.kind).toBe('not-json');
  });
});

describe('parseTraceValue', () => {
  it('reads an empty list as zero spans', () => {
    expect(parseTraceValue([]).spans).toEqual([]);
  });
  it('reads a JSON array of OTLP documents', () => {
    const r = parseTraceValue([JSON.parse(otlpLine('01')), JSON.parse(otlpLine('02'))]);
    expect(r.spans).toHaveLength(2);
  });
});

describe('groupSpansByTrace', () => {
  it('groups by trace ID in first-seen order, keeping span order', () => {
    const r = parseTraceValue({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: 'b', spanId: '1' },
                { traceId: 'a', spanId: '2' },
                { traceId: 'b', spanId: '3' },
              ],
            },
          ],
        },
      ],
    });
    const groups = groupSpansByTrace(r.spans);
    expect([...groups.keys()]).toEqual(['000000000000000b', '000000000000000a']);
    expect(groups.get('000000000000000b')!.map((s) => s.spanId)).toEqual(['0000000000000001', '0000000000000003']);
  });
});
