// The service graph from the series Tempo's metrics-generator writes to Prometheus
// (traces_service_graph_*, API-NOTES §1.10): instant queries over the whole window, one per
// measure, joined on (client, server).

import type { DependencyLink } from '../../model/types';
import { HttpClient } from '../http/http-client';
import { expectObject } from '../http/response-shapes';
import { isObject } from '../parsers/json-guards';

export const PROMETHEUS_SOURCE = 'Prometheus service-graph metrics (traces_service_graph_*)';

export interface PrometheusGraphOptions {
  backendName: string;
  url: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function serviceGraphQueries(windowS: number): { total: string; failed: string; p50: string; p95: string } {
  const range = `[${windowS}s]`;
  const quantile = (q: number): string =>
    `histogram_quantile(${q}, sum by (client, server, le) (rate(traces_service_graph_request_server_seconds_bucket${range})))`;
  return {
    total: `sum by (client, server) (increase(traces_service_graph_request_total${range}))`,
    failed: `sum by (client, server) (increase(traces_service_graph_request_failed_total${range}))`,
    p50: quantile(0.5),
    p95: quantile(0.95),
  };
}

type EdgeValues = Map<string, { client: string; server: string; value: number }>;

function edgeKey(client: string, server: string): string {
  return `${client}\u0000${server}`;
}

async function instantQuery(client: HttpClient, query: string, timeS: number, what: string, signal?: AbortSignal): Promise<EdgeValues> {
  const body = expectObject(client, await client.getJson('/api/v1/query', { query: { query, time: timeS }, signal, what }), what);
  if (body.status !== 'success' || !isObject(body.data) || !Array.isArray(body.data.result)) {
    const reason = typeof body.error === 'string' ? body.error : 'expected {status:"success", data:{result:[…]}}';
    throw client.invalidResponse(what, reason);
  }
  const values: EdgeValues = new Map();
  for (const item of body.data.result) {
    if (!isObject(item) || !isObject(item.metric) || !Array.isArray(item.value)) continue;
    const { client: from, server: to } = item.metric;
    if (typeof from !== 'string' || typeof to !== 'string') continue;
    const value = Number(item.value[1]);
    if (!Number.isFinite(value)) continue; // quantiles of empty histograms are NaN
    values.set(edgeKey(from, to), { client: from, server: to, value });
  }
  return values;
}

export async function prometheusServiceGraph(
  options: PrometheusGraphOptions,
  window: { startUs: number; endUs: number },
  signal?: AbortSignal,
): Promise<DependencyLink[]> {
  const client = new HttpClient({
    backendName: `${options.backendName} (Prometheus)`,
    baseUrl: options.url,
    timeoutMs: options.timeoutMs,
    errorStyle: 'prometheus',
    fetch: options.fetch,
  });
  const windowS = Math.max(1, Math.round((window.endUs - window.startUs) / 1_000_000));
  const timeS = Math.floor(window.endUs / 1_000_000);
  const q = serviceGraphQueries(windowS);
  const what = 'query the service-graph metrics';
  const [total, failed, p50, p95] = await Promise.all([
    instantQuery(client, q.total, timeS, `${what} (request counts)`, signal),
    instantQuery(client, q.failed, timeS, `${what} (failed requests)`, signal),
    instantQuery(client, q.p50, timeS, `${what} (median latency)`, signal),
    instantQuery(client, q.p95, timeS, `${what} (95th percentile latency)`, signal),
  ]);
  const links: DependencyLink[] = [];
  for (const [key, edge] of total) {
    const link: DependencyLink = {
      parent: edge.client,
      child: edge.server,
      callCount: Math.round(edge.value),
      errorCount: Math.round(failed.get(key)?.value ?? 0),
    };
    const median = p50.get(key)?.value;
    const tail = p95.get(key)?.value;
    if (median !== undefined) link.p50Us = median * 1_000_000;
    if (tail !== undefined) link.p95Us = tail * 1_000_000;
    links.push(link);
  }
  return links.sort((a, b) => a.parent.localeCompare(b.parent) || a.child.localeCompare(b.child));
}
