import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../model/build-trace';
import type { WireFormat } from '../../model/types';
import { groupSpansByTrace } from './group-spans';
import { parseTraceText } from './parse-trace-text';
import { SEARCH_WARNING } from './parse-tempo-search';
import { FIXTURES_EXIST, listFixtures, readFixture } from './testing/fixtures-dir';
import { TraceParseError, type ParseErrorKind, type ParseResult } from './types';

// Expected figures were counted independently of the parser (jq over each file, cross-checked
// with PROVENANCE.md): spans = span objects in the file's span containers; services = distinct
// service names, a missing name counting as `unknown_service`.

type Expected =
  | { spans: number; services: number; format: WireFormat }
  | { error: ParseErrorKind; message: RegExp }
  | { spans: 0; backendErrors: string[]; format: WireFormat };

const EXPECTED: Record<string, Expected> = {
  'grafana-incremental-trace-viewer/test-trace.json': { spans: 28, services: 6, format: 'tempo-v1' },
  'jaeger-analytics-java/ui-trace.json': { spans: 2, services: 1, format: 'jaeger-api-v1' },
  'jaeger-ui/genaiTestTrace.json': { spans: 57, services: 10, format: 'jaeger-trace' },
  'jaeger-ui/getTrace-response.json': { spans: 40, services: 6, format: 'jaeger-api-v3' },
  'jaeger-ui/oltp2jaeger-multi-out.json': { spans: 4, services: 1, format: 'jaeger-api-v1' },
  'jaeger-ui/otlp2jaeger-in-error.json': { spans: 1, services: 1, format: 'otlp-json' },
  'jaeger-ui/otlp2jaeger-in.json': { spans: 2, services: 1, format: 'otlp-json' },
  'jaeger-ui/otlp2jaeger-multi-in.json': { spans: 4, services: 1, format: 'otlp-ndjson' },
  'jaeger-ui/otlp2jaeger-negative-counts.json': { spans: 1, services: 1, format: 'otlp-json' },
  'jaeger-ui/otlp2jaeger-out.json': { spans: 2, services: 1, format: 'jaeger-api-v1' },
  'jaeger-ui/spanLongerAsParent.json': { spans: 8, services: 2, format: 'jaeger-trace' },
  'jaeger-ui/spansAmongEachOther.json': { spans: 12, services: 2, format: 'jaeger-trace' },
  'jaeger-ui/testTrace.json': { spans: 11, services: 2, format: 'jaeger-trace' },
  'jaeger-ui/traceWithSingleChildLongerThanParentAndStartsAfterParent.json': { spans: 2, services: 2, format: 'jaeger-trace' },
  'jaeger/FindTraceSummaries.json': { error: 'unknown-format', message: /trace-summaries/ },
  'jaeger/GetOperations.json': { error: 'unknown-format', message: /operations/ },
  'jaeger/GetServices.json': { error: 'unknown-format', message: /services/ },
  'jaeger/GetTrace.json': { spans: 1, services: 1, format: 'jaeger-api-v3' },
  'jaeger/domain_01.json': { spans: 5, services: 2, format: 'jaeger-api-v2-proto-json' },
  'jaeger/error_timeout_masked.json': { spans: 26, services: 5, format: 'otlp-json' },
  'jaeger/example_trace.json': { spans: 5, services: 3, format: 'otlp-json' },
  'jaeger/handler_archive_test.go.404-body.json': { spans: 0, backendErrors: ['trace not found (code 404)'], format: 'jaeger-api-v1' },
  'jaeger/n_plus_one_positive.json': { spans: 16, services: 3, format: 'otlp-json' },
  'jaeger/otel_traces_01.json': { spans: 4, services: 1, format: 'otlp-json' },
  'jaeger/trace_success.json': { spans: 2, services: 2, format: 'jaeger-trace' },
  'jaeger/ui_01.json': { spans: 5, services: 2, format: 'jaeger-trace' },
  'opentelemetry-collector-contrib/sample3.json': { spans: 1, services: 1, format: 'zipkin-v2' },
  'opentelemetry-collector-contrib/sample4.json': { spans: 1, services: 1, format: 'zipkin-v2' },
  'opentelemetry-proto/trace.json': { spans: 1, services: 1, format: 'otlp-json' },
  'otel-gui/sample-trace-late-root-part1.json': { spans: 5, services: 3, format: 'otlp-json' },
  'otel-gui/sample-trace-late-root-part2.json': { spans: 2, services: 2, format: 'otlp-json' },
  'otel-gui/sample-trace-late-root-part3.json': { spans: 2, services: 1, format: 'otlp-json' },
  'otel-gui/sample-trace-links.json': { spans: 1, services: 1, format: 'otlp-json' },
  'otel-gui/sample-trace-orphan-span.json': { spans: 3, services: 2, format: 'otlp-json' },
  'tempo/trace.json': { spans: 1, services: 1, format: 'tempo-v1' },
  'zipkin/ascend.json': { spans: 8, services: 3, format: 'zipkin-v2' },
  'zipkin/envoy.json': { spans: 1, services: 1, format: 'zipkin-v2' },
  'zipkin/malformed.json': { spans: 7, services: 2, format: 'zipkin-v2' },
  'zipkin/messaging-kafka.json': { spans: 28, services: 2, format: 'zipkin-v2' },
  'zipkin/messaging2.json': { spans: 11, services: 4, format: 'zipkin-v2' },
  'zipkin/skew.json': { spans: 4, services: 2, format: 'zipkin-v2' },
  'zipkin/smartthings-oauth-authorization.json': { spans: 175, services: 8, format: 'zipkin-v2' },
  'zipkin/yelp.json': { spans: 16, services: 6, format: 'zipkin-v2' },
  'zipkin/zipkin2-chinese.json': { spans: 1, services: 1, format: 'zipkin-v2' },
};

function parseFixture(file: string): ParseResult {
  return parseTraceText(readFixture(file), file);
}

describe.skipIf(!FIXTURES_EXIST)('real fixtures (../shared/fixtures)', () => {
  const files = listFixtures();

  it('has an expectation for every fixture file', () => {
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  describe.each(files.filter((f) => f in EXPECTED))('%s', (file) => {
    const expected = EXPECTED[file]!;
    if ('error' in expected) {
      it(`throws TraceParseError(${expected.error})`, () => {
        let caught: unknown;
        try {
          parseFixture(file);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(TraceParseError);
        expect((caught as TraceParseError).kind).toBe(expected.error);
        expect((caught as TraceParseError).message).toMatch(expected.message);
      });
      return;
    }
    if ('backendErrors' in expected) {
      it('returns zero spans with the backend errors', () => {
        const r = parseFixture(file);
        expect(r.format).toBe(expected.format);
        expect(r.spans).toEqual([]);
        expect(r.backendErrors).toEqual(expected.backendErrors);
      });
      return;
    }
    it(`yields ${expected.spans} spans of ${expected.services} services as ${expected.format}`, () => {
      const r = parseFixture(file);
      expect(r.format).toBe(expected.format);
      expect(r.spans).toHaveLength(expected.spans);
      expect(new Set(r.spans.map((s) => s.serviceName)).size).toBe(expected.services);
      for (const s of r.spans) {
        expect(s.traceId).not.toBe('');
        if (s.startUs !== null) expect(Number.isSafeInteger(s.startUs)).toBe(true);
      }
    });
    it('buildTrace keeps every span', () => {
      const r = parseFixture(file);
      let total = 0;
      for (const group of groupSpansByTrace(r.spans).values()) total += buildTrace(group, r.format).spans.length;
      expect(total).toBe(expected.spans);
    });
  });

  describe('edge cases from PROVENANCE.md', () => {
    const spansOf = (file: string) => parseFixture(file).spans;

    it('otlp2jaeger-in: the duplicated span is kept twice', () => {
      expect(spansOf('jaeger-ui/otlp2jaeger-in.json').map((s) => s.spanId)).toEqual(['e127af99e3b3e074', 'e127af99e3b3e074']);
    });

    it('opentelemetry-proto/trace.json and tempo/trace.json: upper-case IDs are lower-cased', () => {
      for (const file of ['opentelemetry-proto/trace.json', 'tempo/trace.json']) {
        const [s] = spansOf(file);
        expect(s).toMatchObject({ traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174' });
      }
      expect(spansOf('opentelemetry-proto/trace.json')[0]!.parentSpanId).toBe('eee19b7ec3c1b173');
    });

    it('spansAmongEachOther: the 31-char trace ID is padded to 32', () => {
      const ids = new Set(spansOf('jaeger-ui/spansAmongEachOther.json').map((s) => s.traceId));
      expect([...ids]).toEqual(['0df84e36b9e2ee3815d07f0867a5be1f']);
    });

    it('spanLongerAsParent: 14/15-char span IDs are padded to 16', () => {
      const ids = spansOf('jaeger-ui/spanLongerAsParent.json').map((s) => s.spanId);
      expect(ids).toContain('04b52eb0cabcb50a');
      expect(ids).toContain('0000000000000001');
      expect(ids.every((id) => id.length === 16)).toBe(true);
    });

    it('GetTrace.json: a span with no start/end has null times and a warning', () => {
      const [s] = spansOf('jaeger/GetTrace.json');
      expect(s).toMatchObject({ startUs: null, durationUs: null, status: 'error', kind: 'server', serviceName: 'unknown_service' });
      expect(s!.warnings).toContain('Span has no start time.');
    });

    it('domain_01 (api_v2): base64 IDs, duplicate span IDs, same-trace parent, warnings', () => {
      const r = parseFixture('jaeger/domain_01.json');
      expect(r.spans.map((s) => s.spanId)).toEqual([
        '0000000000000002',
        '0000000000000002',
        '0000000000000003',
        '0000000000000004',
        '0000000000000005',
      ]);
      expect(r.spans.every((s) => s.traceId === '00000000000000000000000000000001')).toBe(true);
      const refTest = r.spans[3]!;
      expect(refTest.parentSpanId).toBe('0000000000000002');
      expect(refTest.references.map((x) => [x.type, x.traceId, x.spanId])).toEqual([
        ['child-of', '000000000000000000000000000000ff', '00000000000000ff'],
        ['follows-from', '00000000000000000000000000000001', '0000000000000002'],
      ]);
      expect(refTest.warnings).toEqual(['some span warning']);
      expect(r.warnings).toEqual(['some trace warning']);
      expect(r.spans[0]).toMatchObject({ startUs: 1485467191639875, startNsRemainder: 139, durationUs: 5 });
      expect(r.spans[1]!.status).toBe('error');
    });

    it('ui_01: same trace as domain_01 in the UI model, cross-trace CHILD_OF kept as a reference', () => {
      const spans = spansOf('jaeger/ui_01.json');
      expect(spans.filter((s) => s.parentSpanId === null)).toHaveLength(2);
      expect(spans[3]!.parentSpanId).toBe('0000000000000002');
      expect(spans[3]!.references).toHaveLength(2);
    });

    it('testTrace: opaque IDs are kept; FOLLOWS_FROM becomes the parent when alone; error tag', () => {
      const spans = spansOf('jaeger-ui/testTrace.json');
      expect(spans[0]!.traceId).toBe('trace-123');
      const s7 = spans.find((s) => s.spanId === 'span-7')!;
      expect(s7.parentSpanId).toBe('span-6');
      expect(spans.some((s) => s.status === 'error')).toBe(true);
    });

    it('sample-trace-links: non-hex IDs stay opaque; links become references', () => {
      const [s] = spansOf('otel-gui/sample-trace-links.json');
      expect(s!.spanId).toBe('abcd1234efgh5678');
      expect(s!.references.length).toBeGreaterThan(0);
      expect(s!.references.every((r) => r.type === 'link')).toBe(true);
      expect(s!.references.map((r) => r.traceId)).toContain('a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6');
    });

    it('negative dropped counts are clamped to 0 with a warning', () => {
      const [s] = spansOf('jaeger-ui/otlp2jaeger-negative-counts.json');
      expect(s!.dropped).toEqual({ attributes: 0, events: 0, links: 0 });
      expect(s!.warnings.some((w) => w.includes('Negative dropped attributes'))).toBe(true);
      expect(s!.serviceName).toBe('unknown_service');
    });

    it('getTrace-response: 64-bit nanosecond times are kept exactly', () => {
      const raw = JSON.parse(readFixture('jaeger-ui/getTrace-response.json')) as {
        result: { resourceSpans: { scopeSpans: { spans: { startTimeUnixNano: string }[] }[] }[] };
      };
      const firstStart = raw.result.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.startTimeUnixNano;
      const [s] = spansOf('jaeger-ui/getTrace-response.json');
      expect(`${s!.startUs}${String(s!.startNsRemainder).padStart(3, '0')}`).toBe(firstStart);
    });

    it('otlp2jaeger-multi-in (NDJSON): one trace across 4 documents', () => {
      const r = parseFixture('jaeger-ui/otlp2jaeger-multi-in.json');
      expect(groupSpansByTrace(r.spans).size).toBe(1);
      expect(r.spans.filter((s) => s.parentSpanId === null).map((s) => s.name)).toEqual(['main']);
    });

    it('oltp2jaeger-multi-out: nested reference spans are not counted as spans', () => {
      const spans = spansOf('jaeger-ui/oltp2jaeger-multi-out.json');
      expect(new Set(spans.map((s) => s.spanId)).size).toBe(4);
    });

    it('zipkin: shared spans keep duplicate IDs; missing durations are null; no serviceName → unknown_service', () => {
      const st = spansOf('zipkin/smartthings-oauth-authorization.json');
      expect(new Set(st.map((s) => s.spanId)).size).toBe(130);
      expect(spansOf('zipkin/malformed.json').filter((s) => s.durationUs === null)).toHaveLength(4);
      expect(spansOf('zipkin/envoy.json')[0]!.serviceName).toBe('unknown_service');
      const [cjk] = spansOf('zipkin/zipkin2-chinese.json');
      expect(cjk).toMatchObject({ serviceName: '订单维护服务', status: 'error', statusMessage: '此用户没有操作权限', kind: 'client' });
    });

    it('sample3: otel.status_code / otel.status_description tags set the status', () => {
      const [s] = spansOf('opentelemetry-collector-contrib/sample3.json');
      expect(s).toMatchObject({ status: 'error', statusMessage: 'Something failed', serviceName: 'unknown_service' });
    });

    it('Tempo search test-trace: summaries are spans, with the search warning and parents from span:parentID', () => {
      const r = parseFixture('grafana-incremental-trace-viewer/test-trace.json');
      expect(r.warnings).toContain(SEARCH_WARNING);
      expect(new Set(r.spans.map((s) => s.spanId)).size).toBe(28);
      // The root's span:parentID is all zeros, i.e. no parent.
      expect(r.spans.filter((s) => s.parentSpanId === null).map((s) => [s.name, s.serviceName])).toEqual([
        ['MissionControl', 'MissionControl'],
      ]);
      expect(r.spans.every((s) => s.traceId === '9b3399072860ee000348b49b1f948935')).toBe(true);
    });
  });
});
