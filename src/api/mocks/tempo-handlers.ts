// msw handlers that behave like Grafana Tempo's query frontend: trace by ID (v2 and v1), search
// (`q` or `tags`, never both), tag names and values (v2 and v1), build info. Errors are plain
// text, IDs in traces are base64, search trims leading zeros from trace IDs (API-NOTES §0).

import { http, HttpResponse, type HttpHandler } from 'msw';
import { parseLogfmt } from '../../lib/logfmt';
import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import { toOtlpResourceSpans } from './encode-otlp';
import { errorResponse, failureForTraceId, failureResponse, routeMissingResponse, type MockFailure } from './mock-failures';
import { goDurationToUs, searchMockTraces, type MockSearchFilter } from './mock-search';
import { traceqlToFilter } from './mock-traceql';
import {
  rootSpan,
  serviceStats,
  servicesOf,
  spanStartNs,
  traceDurationUs,
  traceStartNs,
  type MockTrace,
} from './mock-trace-model';
import {
  findMockTrace,
  MOCK_EPOCH_US,
  MOCK_TEMPO_PARTIAL_MESSAGE,
  MOCK_TEMPO_PARTIAL_SPAN_COUNT,
  MOCK_TEMPO_TRACE_IDS,
  MOCK_TEMPO_TRACES,
  MOCK_TEMPO_VANISHING_TRACE_ID,
  trimLeadingZeros,
} from './mock-traces';

export const MOCK_TEMPO_BASE_URL = 'http://tempo.mock';
export const MOCK_TEMPO_VERSION_V2 = '2.9.0';
export const MOCK_TEMPO_VERSION_OLD = '2.4.2';

export interface TempoMockOptions {
  baseUrl?: string;
  /** false: a Tempo before 2.6 (no /api/v2/traces; also no v2 tag endpoints). */
  apiV2?: boolean;
  failure?: MockFailure;
  traces?: readonly MockTrace[];
}

/** Listed by search but gone when fetched (see MOCK_TEMPO_VANISHING_TRACE_ID). */
const VANISHING_TRACE: MockTrace = {
  traceId: MOCK_TEMPO_VANISHING_TRACE_ID,
  startUs: MOCK_EPOCH_US + 240_000_000,
  startNsRemainder: 0,
  spans: [
    { spanId: '90e0000000000001', service: 'gateway', name: 'GET /gone', kind: 'server', startOffsetUs: 0, durationUs: 30_000 },
    { spanId: '90e0000000000002', parentSpanId: '90e0000000000001', service: 'gateway', name: 'cache lookup', kind: 'internal', startOffsetUs: 1_000, durationUs: 2_000 },
  ],
};

function textError(status: number, message: string): Response {
  return errorResponse('tempo', status, message);
}

const INTRINSIC_TAGS = ['duration', 'event:name', 'kind', 'name', 'rootName', 'rootServiceName', 'span:duration', 'span:kind', 'span:name', 'span:status', 'status', 'trace:duration', 'trace:rootName', 'trace:rootService', 'traceDuration'];

function spanTagNames(traces: readonly MockTrace[]): string[] {
  return [...new Set(traces.flatMap((t) => t.spans.flatMap((s) => Object.keys(s.attributes ?? {}))))].sort();
}

function searchEntry(trace: MockTrace, spss: number): Record<string, unknown> {
  const root = rootSpan(trace);
  const durationMs = Math.floor(traceDurationUs(trace) / 1000);
  const spans = trace.spans.slice(0, spss).map((s) => ({
    spanID: s.spanId,
    name: s.name,
    startTimeUnixNano: spanStartNs(trace, s).toString(),
    durationNanos: String(s.durationUs * 1000),
    ...(s.error !== undefined ? { attributes: [{ key: 'status', value: { stringValue: 'error' } }] } : {}),
  }));
  const spanSet = { spans, matched: trace.spans.length };
  const stats: Record<string, unknown> = {};
  for (const s of serviceStats(trace)) stats[s.name] = { spanCount: s.spanCount, ...(s.errorCount > 0 ? { errorCount: s.errorCount } : {}) };
  return {
    traceID: trimLeadingZeros(trace.traceId),
    rootServiceName: root?.service ?? '<root span not yet received>',
    ...(root ? { rootTraceName: root.name } : {}),
    startTimeUnixNano: traceStartNs(trace).toString(),
    // jsonpb omits zero values: a trace under 1 ms has no durationMs at all.
    ...(durationMs > 0 ? { durationMs } : {}),
    spanSet,
    spanSets: [spanSet],
    serviceStats: stats,
  };
}

const UINT32_PATTERN = /^\d{1,10}$/;

/** Validates `start`/`end` (unix seconds, uint32, end > start); returns an error Response. */
function checkWindow(q: URLSearchParams): Response | undefined {
  const start = q.get('start');
  const end = q.get('end');
  for (const [name, v] of [['start', start], ['end', end]] as const) {
    if (v !== null && (!UINT32_PATTERN.test(v) || Number(v) > 0xffffffff)) {
      return textError(400, `invalid ${name}: strconv.ParseUint: parsing "${v}": value out of range`);
    }
  }
  if (start !== null && end !== null && Number(end) <= Number(start)) return textError(400, 'http parameter start must be before end');
  return undefined;
}

function tagValuesFor(traces: readonly MockTrace[], tag: string, q: string | null): string[] {
  const filter = q ? traceqlToFilter(q) : {};
  const scoped = filter.service !== undefined ? traces.filter((t) => t.spans.some((s) => s.service === filter.service)) : traces;
  const key = tag.replace(/^(resource|span)\./, '').replace(/^\./, '');
  const values = new Set<string>();
  for (const t of scoped) {
    for (const s of t.spans) {
      if (filter.service !== undefined && s.service !== filter.service && key === 'name') continue;
      if (key === 'service.name') values.add(s.service);
      else if (key === 'name' || key === 'span:name') values.add(s.name);
      else if (key === 'status' || key === 'span:status') values.add(s.error !== undefined ? 'error' : 'unset');
      else if (key === 'kind' || key === 'span:kind') values.add(s.kind);
      else if (s.attributes?.[key] !== undefined) values.add(String(s.attributes[key]));
    }
  }
  return [...values].sort();
}

function tagValueType(tag: string, value: string): string {
  if (/^(span:)?(status|kind)$/.test(tag)) return 'keyword';
  return /^-?\d+$/.test(value) ? 'int' : 'string';
}

export function createTempoHandlers(options: TempoMockOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? MOCK_TEMPO_BASE_URL;
  const traces = options.traces ?? MOCK_TEMPO_TRACES;
  const searchable = [...traces, VANISHING_TRACE];
  const v2 = options.apiV2 ?? true;
  const handlers: HttpHandler[] = [];
  const failure = options.failure;

  if (failure !== undefined) handlers.push(http.all(`${base}/*`, () => failureResponse(failure, 'tempo')));

  if (v2) {
    handlers.push(
      http.get(`${base}/api/v2/traces/:traceId`, ({ params }) => {
        const id = normaliseTraceIdForLookup(String(params.traceId));
        const fail = failureForTraceId(id);
        if (fail) return failureResponse(fail, 'tempo');
        const trace = findMockTrace(traces, id);
        // Tempo v2 answers "not found" with 200 and an empty trace.
        if (!trace) return HttpResponse.json({ trace: {}, metrics: { inspectedBytes: '1024' } });
        if (trace.traceId === MOCK_TEMPO_TRACE_IDS.partial) {
          return HttpResponse.json({
            trace: { resourceSpans: toOtlpResourceSpans(trace, 'tempo', trace.spans.slice(0, MOCK_TEMPO_PARTIAL_SPAN_COUNT)) },
            metrics: { inspectedBytes: '5000' },
            status: 'PARTIAL',
            message: MOCK_TEMPO_PARTIAL_MESSAGE,
          });
        }
        return HttpResponse.json({ trace: { resourceSpans: toOtlpResourceSpans(trace, 'tempo') }, metrics: { inspectedBytes: '20480' } });
      }),
      http.get(`${base}/api/v2/search/tags`, ({ request }) => {
        const scope = new URL(request.url).searchParams.get('scope');
        const all = [
          { name: 'resource', tags: ['host.name', 'service.name', 'telemetry.sdk.language'] },
          { name: 'span', tags: spanTagNames(traces) },
          { name: 'intrinsic', tags: INTRINSIC_TAGS },
        ];
        if (scope && !['resource', 'span', 'intrinsic', 'event', 'link', 'instrumentation', 'none', 'all'].includes(scope)) {
          return textError(400, `invalid scope: ${scope}`);
        }
        const scopes = scope && scope !== 'all' && scope !== 'none' ? all.filter((s) => s.name === scope) : all;
        return HttpResponse.json({ scopes, metrics: { inspectedBytes: '4096' } });
      }),
      http.get(`${base}/api/v2/search/tag/:tag/values`, ({ request, params }) => {
        const tag = String(params.tag);
        if (!/^(resource\.|span\.|\.|[a-zA-Z:]+$)/.test(tag)) return textError(400, `invalid tag: ${tag}`);
        const q = new URL(request.url).searchParams.get('q');
        const tagValues = tagValuesFor(traces, tag, q).map((value) => ({ type: tagValueType(tag, value), value }));
        return HttpResponse.json({ tagValues, metrics: { inspectedBytes: '2048' } });
      }),
    );
  }

  handlers.push(
    http.get(`${base}/api/traces/:traceId`, ({ params }) => {
      const id = normaliseTraceIdForLookup(String(params.traceId));
      const fail = failureForTraceId(id);
      if (fail) return failureResponse(fail, 'tempo');
      const trace = findMockTrace(traces, id);
      if (!trace) return textError(404, `trace not found`);
      const spans = trace.traceId === MOCK_TEMPO_TRACE_IDS.partial ? trace.spans.slice(0, MOCK_TEMPO_PARTIAL_SPAN_COUNT) : trace.spans;
      return HttpResponse.json({ batches: toOtlpResourceSpans(trace, 'tempo', spans) });
    }),
    http.get(`${base}/api/search`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const traceql = q.get('q');
      const tags = q.get('tags');
      if (traceql !== null && tags !== null) return textError(400, "invalid request: can't specify tags and q in the same query");
      const windowError = checkWindow(q);
      if (windowError) return windowError;
      const limit = q.get('limit') === null ? 20 : Number(q.get('limit'));
      const spss = q.get('spss') === null ? 3 : Number(q.get('spss'));
      if (!Number.isInteger(limit) || limit <= 0) return textError(400, `invalid limit: ${q.get('limit') ?? ''}`);
      let filter: MockSearchFilter;
      if (traceql !== null) {
        filter = traceqlToFilter(traceql);
      } else {
        const attributes: Record<string, string> = {};
        for (const { key, value } of parseLogfmt(tags ?? '').pairs) {
          if (key in attributes) return textError(400, `invalid tags: duplicate key ${key}`);
          attributes[key] = value;
        }
        const minDuration = q.get('minDuration');
        const maxDuration = q.get('maxDuration');
        const minUs = goDurationToUs(minDuration);
        const maxUs = goDurationToUs(maxDuration);
        if ((minDuration && minUs === undefined) || (maxDuration && maxUs === undefined)) return textError(400, 'invalid duration');
        if (minUs !== undefined && maxUs !== undefined && maxUs < minUs) return textError(400, 'invalid maxDuration: must be greater than minDuration');
        filter = { attributes, minDurationUs: minUs, maxDurationUs: maxUs, substringMatch: true };
      }
      const hits = searchMockTraces(searchable, { ...filter, limit });
      return HttpResponse.json({ traces: hits.map((t) => searchEntry(t, spss)), metrics: { inspectedTraces: hits.length, inspectedBytes: '65536' } });
    }),
    http.get(`${base}/api/search/tags`, () =>
      HttpResponse.json({ tagNames: ['host.name', 'service.name', ...spanTagNames(traces)], metrics: { inspectedBytes: '4096' } }),
    ),
    http.get(`${base}/api/search/tag/:tag/values`, ({ params }) =>
      HttpResponse.json({ tagValues: tagValuesFor(traces, String(params.tag), null), metrics: { inspectedBytes: '2048' } }),
    ),
    http.get(`${base}/api/status/buildinfo`, () =>
      HttpResponse.json({
        version: v2 ? MOCK_TEMPO_VERSION_V2 : MOCK_TEMPO_VERSION_OLD,
        revision: 'a1b2c3d',
        branch: 'HEAD',
        buildUser: '',
        buildDate: '2026-01-01T00:00:00Z',
        goVersion: 'go1.25.1',
      }),
    ),
    http.get(`${base}/api/echo`, () => new HttpResponse('echo', { headers: { 'Content-Type': 'text/plain' } })),
    http.all(`${base}/*`, () => routeMissingResponse()),
  );
  return handlers;
}

/** All services of the mock Tempo, as tag values of `resource.service.name` list them. */
export function mockTempoServices(traces: readonly MockTrace[] = MOCK_TEMPO_TRACES): string[] {
  return servicesOf(traces);
}
