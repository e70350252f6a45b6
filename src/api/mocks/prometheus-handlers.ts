// msw handlers for the Prometheus instant-query API, answering the service-graph queries that
// Tempo's metrics-generator series support (traces_service_graph_*), from the mock Tempo traces.

import { http, HttpResponse, type HttpHandler } from 'msw';
import { failureResponse, type MockFailure } from './mock-failures';
import { serviceEdges, type MockTrace } from './mock-trace-model';
import { MOCK_EPOCH_US, MOCK_TEMPO_TRACES } from './mock-traces';

export const MOCK_PROMETHEUS_BASE_URL = 'http://prometheus.mock';

/** The mock pretends each traced call stands for this many real requests in the window. */
export const MOCK_PROMETHEUS_REQUESTS_PER_CALL = 12;

export interface PrometheusMockOptions {
  baseUrl?: string;
  failure?: MockFailure;
  traces?: readonly MockTrace[];
}

function quantileUs(sortedUs: number[], q: number): number {
  if (sortedUs.length === 0) return NaN;
  const idx = Math.min(sortedUs.length - 1, Math.max(0, Math.ceil(q * sortedUs.length) - 1));
  return sortedUs[idx]!;
}

function promError(status: number, errorType: string, error: string): Response {
  return HttpResponse.json({ status: 'error', errorType, error }, { status });
}

async function readQuery(request: Request): Promise<{ query: string | null; time: string | null }> {
  const url = new URL(request.url);
  if (request.method === 'POST') {
    const form = new URLSearchParams(await request.text());
    return { query: form.get('query'), time: form.get('time') ?? url.searchParams.get('time') };
  }
  return { query: url.searchParams.get('query'), time: url.searchParams.get('time') };
}

export function createPrometheusHandlers(options: PrometheusMockOptions = {}): HttpHandler[] {
  const base = options.baseUrl ?? MOCK_PROMETHEUS_BASE_URL;
  const traces = options.traces ?? MOCK_TEMPO_TRACES;
  const failure = options.failure;
  const answer = async ({ request }: { request: Request }): Promise<Response> => {
    if (failure !== undefined) return failureResponse(failure, 'tempo');
    const { query, time } = await readQuery(request);
    if (!query) return promError(400, 'bad_data', 'invalid parameter "query": unknown position: parse error: no expression found in input');
    if (!/\[\d+s\]/.test(query)) return promError(400, 'bad_data', `invalid parameter "query": range must be given in seconds: ${query}`);
    const evalTime = time !== null ? Number(time) : MOCK_EPOCH_US / 1e6;
    let valueOf: (edge: ReturnType<typeof serviceEdges>[number]) => number;
    if (query.includes('traces_service_graph_request_failed_total')) {
      valueOf = (e) => e.errorCount * MOCK_PROMETHEUS_REQUESTS_PER_CALL;
    } else if (query.includes('traces_service_graph_request_total')) {
      valueOf = (e) => e.callCount * MOCK_PROMETHEUS_REQUESTS_PER_CALL;
    } else if (query.includes('traces_service_graph_request_server_seconds_bucket')) {
      const q = /histogram_quantile\(\s*([\d.]+)/.exec(query);
      const quantile = q ? Number(q[1]) : 0.5;
      valueOf = (e) => quantileUs([...e.durationsUs].sort((a, b) => a - b), quantile) / 1e6;
    } else {
      return HttpResponse.json({ status: 'success', data: { resultType: 'vector', result: [] } });
    }
    const result = serviceEdges(traces)
      .map((e) => ({ metric: { client: e.parent, server: e.child }, value: [evalTime, String(valueOf(e))] }))
      // Edges without failures have no failed-request series at all.
      .filter((r) => !(query.includes('failed') && r.value[1] === '0'));
    return HttpResponse.json({ status: 'success', data: { resultType: 'vector', result } });
  };
  return [http.get(`${base}/api/v1/query`, answer), http.post(`${base}/api/v1/query`, answer)];
}
