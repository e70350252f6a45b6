// msw handlers that behave like a Jaeger query service: api_v3 (services, operations,
// trace-summaries, traces) and the v1 JSON API (services, operations, search, trace, dependencies).
// Shapes follow the real responses; wrong parameter formats get a 400 as the real server would.

import { MOCK_BROKEN_LARGE_TRACE_ID, MOCK_SLOW_LARGE_TRACE_ID, MOCK_STALLED_LARGE_TRACE_ID, slowLargeTraceResponse } from './mock-slow-large-trace';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import { parseRfc3339 } from '../../lib/nanos';
import { jaegerEnvelope, toJaegerTrace } from './encode-jaeger';
import { toOtlpResourceSpans } from './encode-otlp';
import { errorResponse, failureForTraceId, failureResponse, routeMissingResponse, type MockFailure } from './mock-failures';
import { goDurationToUs, searchMockTraces, type MockSearchFilter } from './mock-search';
import {
  errorCount,
  operationsOf,
  rootSpan,
  serviceEdges,
  serviceStats,
  servicesOf,
  traceEndNs,
  traceStartNs,
  type MockTrace,
} from './mock-trace-model';
import { findMockTrace, MOCK_JAEGER_TRACES } from './mock-traces';

export const MOCK_JAEGER_BASE_URL = 'http://jaeger.mock';

export interface JaegerMockOptions {
  /** URL or msw pattern the API lives under, e.g. 'http://jaeger.mock' or '*' + '/api/jaeger'. */
  baseUrl?: string;
  /** false: an older Jaeger without /api/v3 (404 on every v3 path). */
  apiV3?: boolean;
  /** false: api_v3 without /api/v3/trace-summaries (Jaeger before 2.19). */
  traceSummaries?: boolean;
  /** Every endpoint fails this way. */
  failure?: MockFailure;
  traces?: readonly MockTrace[];
}

const V3_NOT_FOUND_MESSAGE = 'No traces found';

function v3NoTraces(): Response {
  return errorResponse('jaeger-v3', 404, V3_NOT_FOUND_MESSAGE);
}

function v3BadRequest(message: string): Response {
  return errorResponse('jaeger-v3', 400, message);
}

function v1BadRequest(message: string): Response {
  return errorResponse('jaeger-v1', 400, message);
}

function summaryOf(trace: MockTrace): Record<string, unknown> {
  const root = rootSpan(trace);
  const errors = errorCount(trace);
  // Zero counts are omitted, as protobuf JSON does.
  return {
    traceId: trace.traceId,
    rootServiceName: root?.service ?? '',
    rootOperationName: root?.name ?? '',
    minStartTimeUnixNano: traceStartNs(trace).toString(),
    maxEndTimeUnixNano: traceEndNs(trace).toString(),
    spanCount: trace.spans.length,
    ...(errors > 0 ? { errorSpanCount: errors } : {}),
    services: serviceStats(trace).map((s) => ({
      name: s.name,
      spanCount: s.spanCount,
      ...(s.errorCount > 0 ? { errorSpanCount: s.errorCount } : {}),
    })),
  };
}

/** Reads api_v3 `query.*` parameters; returns a Response for invalid ones. */
function readV3Query(url: URL): MockSearchFilter | Response {
  const p = (name: string): string | null => url.searchParams.get(`query.${name}`);
  const startMin = p('startTimeMin');
  const startMax = p('startTimeMax');
  if (!startMin || !startMax) return v3BadRequest('start time min and max are required');
  const min = parseRfc3339(startMin);
  const max = parseRfc3339(startMax);
  if (!min || !max) return v3BadRequest(`malformed time: ${!min ? startMin : startMax} is not RFC 3339`);
  if (max.us <= min.us) return v3BadRequest('startTimeMax must be after startTimeMin');
  let attributes: Record<string, string> | undefined;
  const attrText = p('attributes');
  if (attrText) {
    try {
      attributes = JSON.parse(attrText) as Record<string, string>;
    } catch {
      return v3BadRequest('malformed query.attributes: not a JSON map');
    }
  }
  const minDuration = p('durationMin');
  const maxDuration = p('durationMax');
  if ((minDuration && goDurationToUs(minDuration) === undefined) || (maxDuration && goDurationToUs(maxDuration) === undefined)) {
    return v3BadRequest('malformed duration');
  }
  const depth = p('searchDepth');
  return {
    service: p('serviceName') ?? undefined,
    operation: p('operationName') ?? undefined,
    attributes,
    minDurationUs: goDurationToUs(minDuration),
    maxDurationUs: goDurationToUs(maxDuration),
    limit: depth ? Number(depth) : 100,
  };
}

// Epoch µs are 16 digits today; 10-digit seconds or 13-digit ms would be a client bug.
const MICROS_PATTERN = /^(0|\d{15,17})$/;

export function createJaegerHandlers(options: JaegerMockOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? MOCK_JAEGER_BASE_URL;
  const traces = options.traces ?? MOCK_JAEGER_TRACES;
  const handlers: HttpHandler[] = [];
  const failure = options.failure;

  if (failure !== undefined) {
    handlers.push(
      http.all(`${base}/*`, ({ request }) =>
        failureResponse(failure, new URL(request.url).pathname.includes('/api/v3/') ? 'jaeger-v3' : 'jaeger-v1'),
      ),
    );
  }

  if (options.apiV3 ?? true) {
    handlers.push(
      http.get(`${base}/api/v3/services`, () => HttpResponse.json({ services: servicesOf(traces) })),
      http.get(`${base}/api/v3/operations`, ({ request }) => {
        const url = new URL(request.url);
        const service = url.searchParams.get('service');
        if (!service) return v3BadRequest('service name is required');
        const kind = url.searchParams.get('spanKind') ?? url.searchParams.get('span_kind');
        const operations = operationsOf(traces, service)
          .filter((op) => !kind || op.kind === kind)
          .map((op) => ({ name: op.name, spanKind: op.kind }));
        return HttpResponse.json({ operations });
      }),
      http.get(`${base}/api/v3/traces/:traceId`, async ({ params }) => {
        const id = normaliseTraceIdForLookup(String(params.traceId));
        const fail = failureForTraceId(id);
        if (fail) return failureResponse(fail, 'jaeger-v3');
        const trace = findMockTrace(traces, id);
        if (!trace) return v3NoTraces();
        return HttpResponse.json({ result: { resourceSpans: toOtlpResourceSpans(trace, 'spec') } });
      }),
      http.get(`${base}/api/v3/traces`, ({ request }) => {
        const filter = readV3Query(new URL(request.url));
        if (filter instanceof Response) return filter;
        const hits = searchMockTraces(traces, filter);
        if (hits.length === 0) return v3NoTraces();
        // api_v3 merges every matching trace into one resourceSpans list.
        return HttpResponse.json({ result: { resourceSpans: hits.flatMap((t) => toOtlpResourceSpans(t, 'spec')) } });
      }),
    );
    if (options.traceSummaries ?? true) {
      handlers.push(
        http.get(`${base}/api/v3/trace-summaries`, ({ request }) => {
          const filter = readV3Query(new URL(request.url));
          if (filter instanceof Response) return filter;
          const hits = searchMockTraces(traces, filter);
          if (hits.length === 0) return v3NoTraces();
          return HttpResponse.json({ summaries: hits.map(summaryOf) });
        }),
      );
    }
  }

  handlers.push(
    http.get(`${base}/api/services`, () => HttpResponse.json(jaegerEnvelope(servicesOf(traces)))),
    http.get(`${base}/api/services/:service/operations`, ({ params }) =>
      HttpResponse.json(jaegerEnvelope(operationsOf(traces, String(params.service)).map((op) => op.name))),
    ),
    http.get(`${base}/api/operations`, ({ request }) => {
      const service = new URL(request.url).searchParams.get('service');
      if (!service) return v1BadRequest("parameter 'service' is required");
      return HttpResponse.json(jaegerEnvelope(operationsOf(traces, service).map((op) => ({ name: op.name, spanKind: op.kind }))));
    }),
    http.get(`${base}/api/traces/:traceId`, ({ params }) => {
      const id = normaliseTraceIdForLookup(String(params.traceId));
      const fail = failureForTraceId(id);
      if (fail) return failureResponse(fail, 'jaeger-v1');
      if (id === MOCK_SLOW_LARGE_TRACE_ID) return slowLargeTraceResponse('whole');
      if (id === MOCK_STALLED_LARGE_TRACE_ID) return slowLargeTraceResponse('stall');
      if (id === MOCK_BROKEN_LARGE_TRACE_ID) return slowLargeTraceResponse('broken');
      const trace = findMockTrace(traces, id);
      if (!trace) return errorResponse('jaeger-v1', 404, 'trace not found');
      return HttpResponse.json(jaegerEnvelope([toJaegerTrace(trace)]));
    }),
    http.get(`${base}/api/traces`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const service = q.get('service');
      if (!service) return v1BadRequest("parameter 'service' is required");
      for (const name of ['start', 'end']) {
        const v = q.get(name);
        if (v !== null && !MICROS_PATTERN.test(v)) return v1BadRequest(`unable to parse param '${name}': expected epoch microseconds, got ${v}`);
      }
      const minDuration = q.get('minDuration');
      const maxDuration = q.get('maxDuration');
      if ((minDuration && goDurationToUs(minDuration) === undefined) || (maxDuration && goDurationToUs(maxDuration) === undefined)) {
        return v1BadRequest('unable to parse duration');
      }
      let attributes: Record<string, string> = {};
      for (const tags of q.getAll('tags')) {
        try {
          attributes = { ...attributes, ...(JSON.parse(tags) as Record<string, string>) };
        } catch {
          return v1BadRequest('malformed tags parameter: not a JSON map');
        }
      }
      // Legacy `tag=k:v` form.
      for (const tag of q.getAll('tag')) {
        const cut = tag.indexOf(':');
        if (cut > 0) attributes[tag.slice(0, cut)] = tag.slice(cut + 1);
      }
      const hits = searchMockTraces(traces, {
        service,
        operation: q.get('operation') ?? undefined,
        attributes,
        minDurationUs: goDurationToUs(minDuration),
        maxDurationUs: goDurationToUs(maxDuration),
        limit: q.get('limit') ? Number(q.get('limit')) : 100,
      });
      return HttpResponse.json(jaegerEnvelope(hits.map(toJaegerTrace)));
    }),
    http.get(`${base}/api/dependencies`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      for (const name of ['endTs', 'lookback']) {
        const v = q.get(name);
        if (v !== null && !/^\d+$/.test(v)) return v1BadRequest(`unable to parse param '${name}': expected milliseconds, got ${v}`);
      }
      const endTs = q.get('endTs');
      if (endTs !== null && endTs.length > 14) return v1BadRequest('endTs must be epoch milliseconds');
      const links = serviceEdges(traces).map((e) => ({ parent: e.parent, child: e.child, callCount: e.callCount }));
      return HttpResponse.json(jaegerEnvelope(links));
    }),
    http.all(`${base}/*`, () => routeMissingResponse()),
  );
  return handlers;
}
