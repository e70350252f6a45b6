import { describe, expect, it } from 'vitest';
import { ancestorsOf, findSpans, prepareSearchTexts } from './find-in-trace';
import { buildTrace } from './build-trace';
import { rawSpan, rawSpansFromSpecs, TEST_EPOCH_US } from './testing/raw-span';

// root (frontend GET /checkout)
// ├─ auth (auth-svc Authenticate)          user.id=42
// │  └─ token (auth-svc SELECT tokens)     db.statement="SELECT * FROM tokens"
// ├─ pay (payments Charge)                 http.status_code=500, error; event "retry" {attempt: 2}
// └─ cache (redis GET)                     resource host.name=cache-01
const raws = [
  ...rawSpansFromSpecs([
    { id: 'aaaa000000000001', start: 0, duration: 100, service: 'frontend', name: 'GET /checkout' },
    {
      id: 'aaaa000000000002',
      parent: 'aaaa000000000001',
      start: 5,
      duration: 20,
      service: 'auth-svc',
      name: 'Authenticate',
      attributes: [{ key: 'user.id', value: 42 }],
    },
    {
      id: 'aaaa000000000003',
      parent: 'aaaa000000000002',
      start: 6,
      duration: 10,
      service: 'auth-svc',
      name: 'SELECT tokens',
      attributes: [{ key: 'db.statement', value: 'SELECT *\nFROM tokens' }],
    },
  ]),
  rawSpan({
    spanId: 'aaaa000000000004',
    parentSpanId: 'aaaa000000000001',
    startUs: TEST_EPOCH_US + 30,
    durationUs: 40,
    serviceName: 'payments',
    name: 'Charge',
    status: 'error',
    attributes: [
      { key: 'http.status_code', value: 500 },
      { key: 'tags', value: ['Blue', 'green'] },
    ],
    events: [{ timeUs: TEST_EPOCH_US + 40, name: 'Retry', attributes: [{ key: 'attempt', value: 2 }] }],
  }),
  rawSpan({
    spanId: 'aaaa000000000005',
    parentSpanId: 'aaaa000000000001',
    startUs: TEST_EPOCH_US + 80,
    durationUs: 5,
    serviceName: 'redis',
    name: 'GET',
    resourceAttributes: [{ key: 'host.name', value: 'cache-01' }],
  }),
];
const trace = buildTrace(raws, 'demo');
const names = (indices: Int32Array) => Array.from(indices, (i) => trace.spans[i]!.name);

describe('findSpans', () => {
  it.each([
    ['frontend', ['GET /checkout']],
    ['AUTH-SVC', ['Authenticate', 'SELECT tokens']],
    ['get', ['GET /checkout', 'GET']],
    ['aaaa000000000004', ['Charge']],
    ['user.id', ['Authenticate']],
    ['42', ['Authenticate']],
    ['from', ['SELECT tokens']], // attribute value across a newline
    ['cache-01', ['GET']],
    ['retry', ['Charge']],
    ['attempt', ['Charge']],
    ['blue', ['Charge']], // array values are searchable
    ['http.status_code=500', ['Charge']],
    ['http.status_code=50', ['Charge']], // value is a substring match
    ['http.status_code=404', []],
    ['user.id=', ['Authenticate']], // key exists
    ['host.name=cache', ['GET']], // resource attribute
    ['attempt=2', ['Charge']], // event attribute
    ['id=42', []], // the key must be the whole attribute key
    ['auth-svc select', ['SELECT tokens']], // all tokens must match
    ['auth-svc   payments', []],
    ['', []],
    ['   ', []],
    ['nothing-like-this', []],
  ])('%j → %j', (query, want) => {
    expect(names(findSpans(trace, query))).toEqual(want);
  });

  it('gives the same answers when the search text was prepared in slices, whole or in part', () => {
    const copy = buildTrace(raws, 'demo'); // a fresh Trace: nothing cached yet
    expect(prepareSearchTexts(copy, 2)).toBe(false);
    expect(prepareSearchTexts(copy, 2)).toBe(false);
    // A query now builds what is left.
    expect(Array.from(findSpans(copy, 'aaaa'))).toEqual([0, 1, 2, 3, 4]);
    expect(names(findSpans(copy, 'attempt=2'))).toEqual(['Charge']);
    expect(prepareSearchTexts(copy, 2)).toBe(true);
    const other = buildTrace(raws, 'demo');
    while (!prepareSearchTexts(other, 1));
    expect(names(findSpans(other, 'auth-svc select'))).toEqual(['SELECT tokens']);
  });

  it('matches error=true on spans that are errors by status, not only by an error tag (Jaeger habit)', () => {
    // From OTLP: the failure is the status code; no `error` attribute anywhere.
    const otlp = buildTrace(
      [
        rawSpan({ spanId: 'a1', startUs: TEST_EPOCH_US, durationUs: 10, name: 'ok' }),
        rawSpan({ spanId: 'a2', parentSpanId: 'a1', startUs: TEST_EPOCH_US + 1, durationUs: 5, name: 'failed', status: 'error' }),
        // The tag still counts on its own (unset status + error=true is an error anyway) …
        rawSpan({ spanId: 'a3', parentSpanId: 'a1', startUs: TEST_EPOCH_US + 2, durationUs: 5, name: 'tagged', attributes: [{ key: 'error', value: true }] }),
        // … and so does the plain key=value match when the status says otherwise.
        rawSpan({ spanId: 'a4', parentSpanId: 'a1', startUs: TEST_EPOCH_US + 3, durationUs: 5, name: 'ok-tagged', status: 'ok', attributes: [{ key: 'error', value: 'true' }] }),
      ],
      'otlp-json',
    );
    const found = (q: string) => Array.from(findSpans(otlp, q), (i) => otlp.spans[i]!.name);
    expect(found('error=true')).toEqual(['failed', 'tagged', 'ok-tagged']);
    expect(found('ERROR=TRUE')).toEqual(['failed', 'tagged', 'ok-tagged']);
    expect(found('error=true failed')).toEqual(['failed']);
    // Not an error in the model's eyes (status ok wins over the tag), so it is found both ways.
    expect(found('error=false')).toEqual(['ok', 'ok-tagged']);
    // Other values keep the plain attribute match.
    expect(found('error=tr')).toEqual(['tagged', 'ok-tagged']);
    expect(found('error=')).toEqual(['tagged', 'ok-tagged']);
    // The fixture trace above: Charge fails by status only.
    expect(names(findSpans(trace, 'error=true'))).toEqual(['Charge']);
  });

  it('returns indices in DFS order', () => {
    expect(Array.from(findSpans(trace, 'aaaa'))).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers queries on a 100k-span trace (its speed is in npm run bench)', () => {
    const big = buildTrace(
      Array.from({ length: 100_000 }, (_, i) =>
        rawSpan({
          spanId: `s${i}`,
          parentSpanId: i === 0 ? null : `s${Math.floor((i - 1) / 4)}`,
          startUs: TEST_EPOCH_US + i,
          serviceName: `svc-${i % 7}`,
          attributes: [{ key: 'n', value: i }],
        }),
      ),
      'demo',
    );
    expect(findSpans(big, 'n=99999').length).toBe(1);
    const hits = findSpans(big, 'svc-3 n=1234');
    // spans with service svc-3 whose n contains "1234"
    const want = [];
    for (let i = 0; i < 100_000; i++) if (i % 7 === 3 && String(i).includes('1234')) want.push(i);
    expect(Array.from(hits, (i) => big.spans[i]!.attributes[0]!.value).sort((a, b) => Number(a) - Number(b))).toEqual(want);
  });
});

describe('ancestorsOf', () => {
  it('keeps matches and all their ancestors', () => {
    // token (index 2) → auth (1) → root (0); cache (4) → root
    expect(Array.from(ancestorsOf(trace, [2, 4]))).toEqual([1, 1, 1, 0, 1]);
    expect(Array.from(ancestorsOf(trace, []))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(ancestorsOf(trace, findSpans(trace, 'retry')))).toEqual([1, 0, 0, 1, 0]);
  });
});
