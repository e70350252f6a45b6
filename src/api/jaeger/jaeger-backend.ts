// The Jaeger query-service adapter. api_v3 first (the v1 JSON search endpoints are being removed,
// jaegertracing/jaeger#9260); v1 when the server predates api_v3. What each server supports is
// learned from its answers and remembered per backend instance.

import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import type { DependencyLink, TraceSummary } from '../../model/types';
import {
  BackendError,
  type DependencyResult,
  type GetTraceOptions,
  type LoadedTrace,
  type SearchQuery,
  type TraceBackend,
} from '../backend';
import { pathSegment, resolveBaseUrl } from '../http/build-url';
import { isEndpointMissing } from '../http/endpoint-probe';
import { HttpClient, isSuccess, type TextResponse } from '../http/http-client';
import type { RemoteBackendConfig } from '../http/remote-backend-config';
import { expectObject, expectObjectList, expectStringList, uniqueSorted } from '../http/response-shapes';
import { traceWorkerOption, type TraceWorkerOption } from '../trace-worker-option';
import type { ApiV3Memory } from './api-v3-memory';
// (Re-exported so that the app's registry gets it with this chunk, not as one more request.)
export { storedApiV3Memory } from './api-v3-memory';

/** Parsers and tree building, loaded when the first trace is (not for listing services or searching). */
const traceDecoding = () => import('../http/trace-decoding');
import type { WorkerLike } from '../trace-load-client';
import { v1SearchParams, v3SearchParams } from './jaeger-search-params';
import { summaryFromJaegerV3 } from './jaeger-summaries';

export interface JaegerCapabilities {
  /** undefined until a call has found out. */
  apiV3: boolean | undefined;
  traceSummaries: boolean | undefined;
}

export interface RemoteBackendDeps {
  fetch?: typeof fetch;
  /** For tests: load trace bodies through this (fake) worker even with an injected fetch. */
  traceWorker?: () => WorkerLike;
  /** Servers known from earlier pages to have no api_v3 (the app passes localStorage's). */
  apiV3Memory?: ApiV3Memory;
}

export class JaegerBackend implements TraceBackend {
  readonly id: string;
  readonly type = 'jaeger' as const;
  readonly name: string;
  private readonly client: HttpClient;
  private readonly found: JaegerCapabilities = { apiV3: undefined, traceSummaries: undefined };
  /** Trace bodies are fetched, parsed and built in a worker (not with a test's injected fetch). */
  private readonly traceWorker: TraceWorkerOption;
  private readonly apiV3Memory: ApiV3Memory | null;
  /** This server in apiV3Memory: its resolved base URL. */
  private readonly memoryKey: string;

  constructor(config: RemoteBackendConfig, deps: RemoteBackendDeps = {}) {
    this.id = config.id;
    this.name = config.name;
    this.client = new HttpClient({
      backendName: config.name,
      baseUrl: config.url,
      timeoutMs: config.timeoutMs,
      errorStyle: 'jaeger',
      fetch: deps.fetch,
    });
    this.traceWorker = traceWorkerOption(deps);
    this.apiV3Memory = deps.apiV3Memory ?? null;
    this.memoryKey = resolveBaseUrl(config.url);
  }

  get capabilities(): Readonly<JaegerCapabilities> {
    return { ...this.found };
  }

  async getServices(signal?: AbortSignal): Promise<string[]> {
    const what = 'load the service list';
    if (this.found.apiV3 !== false) {
      const res = await this.client.getText('/api/v3/services', { signal, what });
      if (!this.markV3(res)) {
        const body = expectObject(this.client, this.json(res, what), what);
        return uniqueSorted(expectStringList(this.client, body, 'services', what));
      }
    }
    const body = await this.client.getJson('/api/services', { signal, what });
    return uniqueSorted(this.v1List(body, what).filter((v): v is string => typeof v === 'string'));
  }

  async getOperations(service: string, signal?: AbortSignal): Promise<string[]> {
    const what = `load the operations of service "${service}"`;
    if (this.found.apiV3 !== false) {
      const res = await this.client.getText('/api/v3/operations', { query: { service }, signal, what });
      if (!this.markV3(res)) {
        if (res.status === 404) return [];
        const body = expectObject(this.client, this.json(res, what), what);
        const operations = expectObjectList(this.client, body, 'operations', what);
        // The same name is listed once per span kind.
        return uniqueSorted(operations.map((op) => (typeof op.name === 'string' ? op.name : '')));
      }
    }
    const body = await this.client.getJson(`/api/services/${pathSegment(service)}/operations`, { signal, what });
    return uniqueSorted(this.v1List(body, what).filter((v): v is string => typeof v === 'string'));
  }

  async searchTraces(query: SearchQuery, signal?: AbortSignal): Promise<TraceSummary[]> {
    const what = query.service ? `search traces of service "${query.service}"` : 'search traces';
    if (query.traceql !== undefined && query.traceql.trim() !== '') {
      throw new BackendError(
        'unsupported',
        this.name,
        `${this.name} is a Jaeger backend and cannot run TraceQL queries. Use the service, operation and tag fields instead, or pick a Tempo backend.`,
      );
    }
    if (this.found.apiV3 !== false && this.found.traceSummaries !== false) {
      const res = await this.client.getText('/api/v3/trace-summaries', { query: v3SearchParams(query), signal, what });
      if (isEndpointMissing(res)) {
        // Jaeger < 2.19 has api_v3 but no summaries; or there is no api_v3 at all (found below).
        this.found.traceSummaries = false;
      } else {
        this.found.apiV3 = true;
        this.apiV3Memory?.forget(this.memoryKey);
        this.found.traceSummaries = true;
        // api_v3 reports an empty result as 404 "No traces found".
        if (res.status === 404) return [];
        const body = expectObject(this.client, this.json(res, what), what);
        return expectObjectList(this.client, body, 'summaries', what)
          .map(summaryFromJaegerV3)
          .filter((s): s is TraceSummary => s !== null);
      }
    }
    if (this.found.apiV3 !== false) {
      // api_v3 before trace summaries: full traces, all merged into one resourceSpans list.
      const res = await this.client.getText('/api/v3/traces', { query: v3SearchParams(query), signal, what });
      if (!this.markV3(res)) {
        if (res.status === 404) return [];
        return this.summariesOfFullTraces(this.json(res, what), what);
      }
    }
    if (query.service === undefined || query.service.trim() === '') {
      throw new BackendError(
        'unsupported',
        this.name,
        `${this.name} runs an older Jaeger whose search needs a service. Choose a service, then search again.`,
      );
    }
    const body = await this.client.getJson('/api/traces', { query: v1SearchParams(query), signal, what });
    this.v1List(body, what);
    return this.summariesOfFullTraces(body, what);
  }

  async getTrace(traceId: string, signal?: AbortSignal, options: GetTraceOptions = {}): Promise<LoadedTrace> {
    const id = normaliseTraceIdForLookup(traceId);
    const what = `load trace ${id}`;
    const notFound = (detail?: string): BackendError =>
      new BackendError(
        'not-found',
        this.name,
        `Trace ${id} was not found in ${this.name}${detail ? ` (${detail})` : ''}. Check the ID, or try another backend: ` +
          'traces older than the storage retention are deleted.',
        404,
      );
    const request = { backendId: this.id, traceId: id, what, signal, previews: options.previews !== false };
    const { answeredByFallback, getTraceResponse, isTraceFromWorker, loadedTraceFromWorker, loadTraceFromBody } = await traceDecoding();
    const v1Path = `/api/traces/${pathSegment(id)}`;
    const fromV1 = (res: Awaited<ReturnType<typeof getTraceResponse>>): LoadedTrace => {
      const onEmpty = (errors: string[]): BackendError => notFound(errors.join('; ') || undefined);
      if (isTraceFromWorker(res)) return loadedTraceFromWorker(res, onEmpty);
      if (res.status === 404) throw notFound();
      return loadTraceFromBody(this.client, this.json(res, what), id, what, onEmpty);
    };
    // Not found out on this page yet, but known from an earlier one: v1 at once (api-v3-memory.ts).
    const remembered = this.found.apiV3 === undefined && this.apiV3Memory?.knowsMissing(this.memoryKey) === true;
    if (this.found.apiV3 !== false && !remembered) {
      // When api_v3 turns out to be missing, v1 is asked at once, by the worker that got the 404.
      const res = await getTraceResponse(this.client, `/api/v3/traces/${pathSegment(id)}`, this.traceWorker, { ...request, fallbackPath: v1Path });
      if (answeredByFallback(this.client, res, v1Path)) {
        this.found.apiV3 = false;
        this.apiV3Memory?.rememberMissing(this.memoryKey);
        return fromV1(res);
      }
      if (isTraceFromWorker(res)) {
        this.found.apiV3 = true;
        this.apiV3Memory?.forget(this.memoryKey);
        return loadedTraceFromWorker(res, () => notFound());
      }
      if (!this.markV3(res)) {
        if (res.status === 404) throw notFound();
        return loadTraceFromBody(this.client, this.json(res, what), id, what, () => notFound());
      }
    }
    const res = await getTraceResponse(this.client, v1Path, this.traceWorker, request);
    if (remembered && !isTraceFromWorker(res) && isEndpointMissing(res)) {
      // The server has changed since (no v1 now): forget what was remembered and ask api_v3.
      this.apiV3Memory?.forget(this.memoryKey);
      return this.getTrace(traceId, signal, options);
    }
    return fromV1(res);
  }

  async getDependencies(window: { startUs: number; endUs: number }, signal?: AbortSignal): Promise<DependencyResult> {
    const what = 'load the service dependencies';
    const endTs = Math.round(window.endUs / 1000);
    const lookback = Math.max(1, Math.round((window.endUs - window.startUs) / 1000));
    const res = await this.client.getText('/api/dependencies', { query: { endTs, lookback }, signal, what });
    if (isEndpointMissing(res)) {
      throw new BackendError(
        'unsupported',
        this.name,
        `${this.name} has no /api/dependencies endpoint, so there is no service graph to show. Check that the URL in config.json points at the Jaeger query service.`,
        res.status,
      );
    }
    const body = this.json(res, what);
    const links: DependencyLink[] = [];
    for (const item of this.v1List(body, what)) {
      if (item === null || typeof item !== 'object') continue;
      const link = item as Record<string, unknown>;
      if (typeof link.parent !== 'string' || typeof link.child !== 'string') continue;
      links.push({ parent: link.parent, child: link.child, callCount: typeof link.callCount === 'number' ? link.callCount : 0 });
    }
    return { links, source: 'Jaeger /api/dependencies' };
  }

  /** Records what a v3 answer says about api_v3; true when the endpoint is missing (fall back). */
  private markV3(res: TextResponse): boolean {
    if (isEndpointMissing(res)) {
      this.found.apiV3 = false;
      this.apiV3Memory?.rememberMissing(this.memoryKey);
      return true;
    }
    // Only a real answer proves api_v3 exists; a 500 or 401 says nothing either way.
    if (isSuccess(res) || res.status === 404) {
      this.found.apiV3 = true;
      this.apiV3Memory?.forget(this.memoryKey);
    }
    return false;
  }

  /** The parsed JSON of a response, or the BackendError for its status. */
  private json(res: TextResponse, what: string): unknown {
    if (!isSuccess(res)) throw this.client.httpError(res, what);
    return this.client.parseJson(res, what);
  }

  /** `data` of a v1 envelope, checked to be a list (null means empty). */
  private v1List(body: unknown, what: string): unknown[] {
    const envelope = expectObject(this.client, body, what);
    if (!('data' in envelope)) throw this.client.invalidResponse(what, 'there is no "data" field');
    const data = envelope.data;
    if (data === null) return [];
    if (!Array.isArray(data)) throw this.client.invalidResponse(what, '"data" should be a list');
    return data;
  }

  private async summariesOfFullTraces(body: unknown, what: string): Promise<TraceSummary[]> {
    const { parseSpans, groupSpansByTrace, summariseTrace, traceFromSpans } = await traceDecoding();
    const parsed = parseSpans(this.client, body, what);
    const summaries: TraceSummary[] = [];
    for (const spans of groupSpansByTrace(parsed.spans).values()) {
      summaries.push(summariseTrace(traceFromSpans(spans, parsed.format)));
    }
    return summaries;
  }
}

export function createJaegerBackend(config: RemoteBackendConfig, deps: RemoteBackendDeps = {}): JaegerBackend {
  return new JaegerBackend(config, deps);
}
