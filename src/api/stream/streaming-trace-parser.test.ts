import { describe, expect, it } from 'vitest';
import { parseTraceText } from '../parsers/parse-trace-text';
import { FIXTURES_EXIST, listFixtures, readFixture } from '../parsers/testing/fixtures-dir';
import { TraceParseError } from '../parsers/types';
import { parseTraceChunks, StreamingTraceParser, type StreamingParseResult } from './streaming-trace-parser';

// The streaming reader must give exactly what the whole-text parser gives, wherever the chunks
// are cut: inside strings, escapes, \u sequences, numbers, keys and between spans.

type BenchBodies = {
  jaegerChunks(n: number): Iterable<string>;
  otlpChunks(n: number): Iterable<string>;
};
const benchPath = '../../../bench/trace-body.mjs';
const bench = (await import(/* @vite-ignore */ benchPath)) as BenchBodies;

function splitAt(text: string, ...cuts: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

function fixedChunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function randomChunks(text: string, seed: number, maxLen: number): string[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const len = 1 + Math.floor(rnd() * maxLen);
    out.push(text.slice(i, i + len));
    i += len;
  }
  return out;
}

function comparable(r: { format: string; spans: unknown[]; warnings: string[]; backendErrors: string[]; skippedLines: number }) {
  return { format: r.format, spans: r.spans, warnings: r.warnings, backendErrors: r.backendErrors, skippedLines: r.skippedLines };
}

// Processes after the spans (as Jaeger writes them), a span without its own traceID, an inline
// process, a non-object entry, escapes in keys and values, \u escapes, exponent numbers.
const JAEGER_TRICKY = JSON.stringify({
  data: [
    {
      traceID: 'AB12',
      spans: [
        {
          traceID: 'ab12',
          spanID: '1',
          operationName: 'GET /a"b\\c\u00e9 {[',
          references: [],
          startTime: 1700000000000000,
          duration: 1.5e3,
          tags: [{ key: 'k\\"ey', type: 'string', value: 'v}]\n\t\u2028' }],
          logs: [],
          processID: 'p1',
        },
        null,
        {
          spanID: '2',
          operationName: 'child \\',
          references: [{ refType: 'CHILD_OF', spanID: '1' }],
          startTime: 1700000000000100,
          duration: 10,
          tags: [],
          processID: 'p2',
        },
        {
          traceID: 'ab12',
          spanID: '3',
          operationName: 'inline',
          references: [{ refType: 'CHILD_OF', traceID: 'ab12', spanID: '1' }],
          startTime: 1700000000000200,
          duration: -5,
          process: { serviceName: 'inline-svc', tags: [{ key: 'host', type: 'string', value: 'h' }] },
          tags: [{ key: 'error', type: 'bool', value: true }],
        },
        { traceID: 'ab12', spanID: '4', operationName: 'lost', startTime: 1700000000000300, duration: 1, processID: 'nope' },
      ],
      processes: {
        p1: { serviceName: 'front\\end', tags: [{ key: 'ip', type: 'string', value: '10.0.0.1' }] },
        p2: { serviceName: 'db', tags: [] },
      },
      warnings: ['trace-level warning'],
    },
  ],
  total: 0,
  limit: 0,
  offset: 0,
  errors: [{ code: 500, msg: 'partial storage failure' }],
});

const OTLP_TRICKY = JSON.stringify({
  resourceSpans: [
    {
      scopeSpans: [
        {
          spans: [
            {
              traceId: '5B8EFFF798038103D269B633813FC60C',
              spanId: 'EEE19B7EC3C1B174',
              name: 'op "quoted" \\ {',
              kind: 'SPAN_KIND_SERVER',
              startTimeUnixNano: '1544712660000000000',
              endTimeUnixNano: '1544712661000000000',
              attributes: [{ key: 'a\u00e9', value: { intValue: '12345678901234567890' } }],
              status: { code: 2, message: 'boom' },
            },
            7,
            {
              trace_id: '5b8efff798038103d269b633813fc60c',
              span_id: 'eee19b7ec3c1b175',
              parent_span_id: 'eee19b7ec3c1b174',
              name: 'child',
              start_time_unix_nano: 1544712660500000000,
              end_time_unix_nano: 1544712660600000000,
            },
          ],
          scope: { name: 'lib', version: '1.2' },
        },
      ],
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc\\a' } }] },
    },
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'second' } }] },
      instrumentationLibrarySpans: [
        {
          instrumentationLibrary: { name: 'legacy' },
          spans: [{ traceId: '5b8efff798038103d269b633813fc60c', spanId: '0000000000000003', name: 'legacy span' }],
        },
      ],
    },
  ],
});

const TEMPO_V2 = JSON.stringify({
  trace: { resourceSpans: JSON.parse(OTLP_TRICKY).resourceSpans },
  status: 'PARTIAL',
  message: 'trace too large',
});

describe('StreamingTraceParser: chunk boundaries at every position', () => {
  for (const [name, text] of [
    ['jaeger', JAEGER_TRICKY],
    ['otlp', OTLP_TRICKY],
    ['tempo v2', TEMPO_V2],
  ] as const) {
    it(`${name}: equals parseTraceText for every single split and for 1-char chunks`, () => {
      const expected = comparable(parseTraceText(text));
      expect(expected.spans.length).toBeGreaterThanOrEqual(3);
      const whole = parseTraceChunks([text]);
      expect(whole.mode).toBe('stream');
      expect(comparable(whole)).toEqual(expected);
      for (let cut = 1; cut < text.length; cut++) {
        const r = parseTraceChunks(splitAt(text, cut));
        expect(r.mode).toBe('stream');
        const got = comparable(r);
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          // Report the first failing position clearly.
          expect({ cut, got }).toEqual({ cut, got: expected });
        }
      }
      const singles = parseTraceChunks(text.split(''));
      expect(comparable(singles)).toEqual(expected);
      for (let seed = 1; seed <= 20; seed++) expect(comparable(parseTraceChunks(randomChunks(text, seed, 40)))).toEqual(expected);
    });
  }

  it('jaeger: processes after spans fill service and resource attributes, and drop the "no process" warning', () => {
    const r = parseTraceChunks(splitAt(JAEGER_TRICKY, 100, 300));
    const byId = new Map(r.spans.map((s) => [s.spanId, s]));
    expect(byId.get('0000000000000001')?.serviceName).toBe('front\\end');
    expect(byId.get('0000000000000001')?.resourceAttributes).toEqual([{ key: 'ip', value: '10.0.0.1' }]);
    expect(byId.get('0000000000000001')?.warnings).toEqual([]);
    // no own traceID: falls back to the trace's, so its CHILD_OF reference is its parent
    expect(byId.get('0000000000000002')?.traceId).toBe('000000000000ab12');
    expect(byId.get('0000000000000002')?.parentSpanId).toBe('0000000000000001');
    expect(byId.get('0000000000000003')?.serviceName).toBe('inline-svc');
    expect(byId.get('0000000000000004')?.warnings).toContain('Span has no process (service unknown).');
    expect(r.backendErrors).toEqual(['partial storage failure (code 500)']);
    expect(r.warnings).toEqual(expect.arrayContaining(['trace-level warning', expect.stringMatching(/1 span entries were not objects/)]));
  });

  it('otlp: resource and scope written after the spans are applied; Tempo v2 partial status is a warning', () => {
    const r = parseTraceChunks([TEMPO_V2]);
    expect(r.format).toBe('tempo-v2');
    expect(r.spans.map((s) => [s.name, s.serviceName, s.scope?.name])).toEqual([
      ['op "quoted" \\ {', 'svc\\a', 'lib'],
      ['child', 'svc\\a', 'lib'],
      ['legacy span', 'second', 'legacy'],
    ]);
    expect(r.warnings).toContain('Tempo returned a PARTIAL trace: trace too large');
    expect(r.document).toMatchObject({ status: 'PARTIAL', trace: { resourceSpans: [{ scopeSpans: [{ spans: [null] }] }, {}] } });
  });
});

describe('StreamingTraceParser: onSpans', () => {
  it('is called after every batch, also within one large pushed piece, with the spans so far', () => {
    const text = [...bench.otlpChunks(3000)].join('');
    const counts: number[] = [];
    const parser = new StreamingTraceParser({ batchChars: 100_000, onSpans: () => counts.push(parser.spanCount) });
    parser.push(text); // the whole body at once, as a fast network may hand it over
    const result = parser.finish();
    expect(result.spans).toHaveLength(3000);
    // The lone first span, then batches of ~100 kB each, in order.
    expect(counts[0]).toBe(1);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.every((c, i) => i === 0 || c > counts[i - 1]!)).toBe(true);
    expect(counts.at(-1)).toBe(3000);
  });
});

describe('StreamingTraceParser: batch sizes', () => {
  it('hands over small batches first (a preview needs ~100 spans, not a megabyte), then batches of batchChars', () => {
    const text = [...bench.jaegerChunks(5000)].join('');
    const charsPerSpan = text.length / 5000;
    const counts: number[] = [];
    const parser = new StreamingTraceParser({ onSpans: () => counts.push(parser.spanCount) });
    for (let i = 0; i < text.length; i += 65536) parser.push(text.slice(i, i + 65536));
    expect(parser.finish().spans).toHaveLength(5000);
    const sizes = counts.map((c, i) => c - (counts[i - 1] ?? 0));
    expect(sizes[0]).toBe(1);
    // 64 KB of span text, then twice as much each time, up to 1 MB.
    expect(sizes[1]! * charsPerSpan).toBeGreaterThan(60_000);
    expect(sizes[1]! * charsPerSpan).toBeLessThan(70_000);
    expect(sizes[2]! / sizes[1]!).toBeCloseTo(2, 0);
    const full = sizes.slice(1, -1).filter((n) => n * charsPerSpan > 1_000_000);
    expect(full.length).toBeGreaterThan(0);
    expect(Math.max(...sizes) * charsPerSpan).toBeLessThan(1_100_000);
  });
});

describe('StreamingTraceParser: generated benchmark bodies', () => {
  for (const format of ['jaeger', 'otlp'] as const) {
    it(`${format}: 3000 spans in the generator's chunks and in random chunks equal parseTraceText`, () => {
      const text = [...(format === 'jaeger' ? bench.jaegerChunks(3000) : bench.otlpChunks(3000))].join('');
      const chunks = fixedChunks(text, 65536);
      const expected = comparable(parseTraceText(text));
      expect(expected.spans).toHaveLength(3000);
      const streamed = parseTraceChunks(chunks, { batchChars: 50_000 });
      expect(streamed.mode).toBe('stream');
      expect(comparable(streamed)).toEqual(expected);
      expect(comparable(parseTraceChunks(randomChunks(text, 99, 5000), { batchChars: 20_000 }))).toEqual(expected);
      // the skeleton is small: no span survives in it
      expect(JSON.stringify(streamed.document).length).toBeLessThan(text.length / 20);
    });
  }

  it('never joins the body: with a text limit far below the body size, a streamable body still parses', () => {
    const chunks = fixedChunks([...bench.jaegerChunks(2000)].join(''), 50_000);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const r = parseTraceChunks(chunks, { maxTextChars: Math.floor(total / 4) });
    expect(r.spans).toHaveLength(2000);
    expect(r.mode).toBe('stream');
  });
});

describe('StreamingTraceParser: other formats and failures', () => {
  it('falls back to whole-text parsing for Zipkin and JSON Lines', () => {
    const zipkin = JSON.stringify([{ traceId: 'a', id: 'b', name: 'x', timestamp: 1, duration: 2, localEndpoint: { serviceName: 's' } }]);
    const z = parseTraceChunks(splitAt(zipkin, 5, 20));
    expect(z.mode).toBe('text');
    expect(z.format).toBe('zipkin-v2');
    expect(z.spans).toHaveLength(1);
    const line = JSON.stringify(JSON.parse(OTLP_TRICKY));
    const nd = parseTraceChunks([`${line}\n`, `${line}\n`]);
    expect(nd.format).toBe('otlp-ndjson');
    expect(nd.spans).toHaveLength(6);
  });

  it('reports a body cut off in the middle as incomplete JSON', () => {
    const cut = JAEGER_TRICKY.slice(0, JAEGER_TRICKY.indexOf('"processes"') + 20);
    expect(() => parseTraceChunks([cut])).toThrowError(TraceParseError);
    try {
      parseTraceChunks([cut], { fileName: 'big.json' });
    } catch (e) {
      expect((e as TraceParseError).kind).toBe('not-json');
      expect((e as Error).message).toMatch(/"big.json" ends before its JSON is complete/);
    }
  });

  it('reports broken JSON inside a span as not-json', () => {
    const broken = JAEGER_TRICKY.replace('"duration":10,', '"duration":10,,');
    const parser = new StreamingTraceParser();
    let error: unknown;
    try {
      // The first span decides "streamable"; the broken one comes later.
      parser.push(broken);
      parser.finish();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TraceParseError);
    expect((error as TraceParseError).kind).toBe('not-json');
  });

  it('gives the usual messages for empty and non-trace input', () => {
    expect(() => parseTraceChunks(['  '])).toThrowError(/empty/);
    expect(() => parseTraceChunks(['{"services":["a"]}'])).toThrowError(/list of services/);
  });

  it('refuses a non-streamable body larger than the text limit with a clear message', () => {
    const zipkin = `[${Array.from({ length: 200 }, (_, i) => `{"traceId":"a","id":"${i}"}`).join(',')}]`;
    expect(() => parseTraceChunks(randomChunks(zipkin, 3, 100), { maxTextChars: 1000 })).toThrowError(/too large to read as one text/);
  });
});

describe.skipIf(!FIXTURES_EXIST)('StreamingTraceParser: real fixtures equal the whole-text parser', () => {
  const files = listFixtures();
  it.each(files)('%s', (file) => {
    const text = readFixture(file);
    let expected: ReturnType<typeof comparable> | { error: string };
    try {
      expected = comparable(parseTraceText(text, file));
    } catch (e) {
      expected = { error: (e as Error).message };
    }
    for (const chunks of [[text], randomChunks(text, file.length, 700), randomChunks(text, 7, 13)]) {
      let got: ReturnType<typeof comparable> | { error: string };
      let result: StreamingParseResult | undefined;
      try {
        result = parseTraceChunks(chunks, { fileName: file, batchChars: 2000 });
        got = comparable(result);
      } catch (e) {
        got = { error: (e as Error).message };
      }
      expect(got).toEqual(expected);
    }
  });
});
