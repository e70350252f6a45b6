// The Grafana Tempo adapter. Trace by ID tries /api/v2/traces (Tempo ≥ 2.6: an empty trace with
// 200 means "not found", `status: PARTIAL` carries a message) and falls back to /api/traces
// (`{batches}`, 404 when missing). Services and operations come from the tag-values API. Tempo
// has no dependency endpoint: the graph comes from Prometheus service-graph metrics when
// configured, else it is derived from a sample of traces.

import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import { quoteTraceqlString } from '../../lib/traceql';
import type { TraceSummary } from '../../model/types';
import {
  BackendError,
  type BackendBuildInfo,
  type DependencyProgress,
  type DependencyResult,
  type GetTraceOptions,
  type LoadedTrace,
  type SearchQuery,
  type TagScopeNames,
  type TagValue,
  type TraceBackend,
} from '../backend';
import { pathSegment } from '../http/build-url';
import { isEndpointMissing } from '../http/endpoint-probe';
import { HttpClient, isSuccess, type TextResponse } from '../http/http-client';
import type { DependencySourceConfig, RemoteBackendConfig } from '../http/remote-backend-config';
import { expectObject, expectObjectList, expectStringList, uniqueSorted } from '../http/response-shapes';
import { isObject } from '../parsers/json-guards';
import { traceWorkerOption, type TraceWorkerOption } from '../trace-worker-option';

/** Parsers and tree building, loaded when the first trace is (not for listing services or searching). */
const traceDecoding = () => import('../http/trace-decoding');
import type { WorkerLike } from '../trace-load-client';
import { DEFAULT_DERIVED_TRACE_LIMIT, deriveDependencies } from './derived-dependencies';
import { PROMETHEUS_SOURCE, prometheusServiceGraph } from './prometheus-service-graph';
import { summaryFromTempoSearch, tempoSearchParams } from './tempo-search';

export interface TempoCapabilities {
  /** /api/v2/traces/{id} (Tempo ≥ 2.6); undefined until a call has found out. */
  traceByIdV2: boolean | undefined;
  /** /api/v2/search/tags and …/tag/{tag}/values (Tempo ≥ 2.0/2.2). */
  searchTagsV2: boolean | undefined;
}

export interface RemoteBackendDeps {
  fetch?: typeof fetch;
  /** For tests: load trace bodies through this (fake) worker even with an injected fetch. */
  traceWorker?: () => WorkerLike;
}

/** A TraceQL identifier as the v1 tag API spells it: `resource.service.name` → `service.name`. */
export function v1TagName(tag: string): string {
  return tag.replace(/^(resource|span|event|link|instrumentation)\./, '').replace(/^\./, '');
}

/** How far back tag names and values are looked up, seconds. */
const TAG_LOOKBACK_S = 24 * 60 * 60;

export class TempoBackend implements TraceBackend {
  readonly id: string;
  readonly type = 'tempo' as const;
  readonly name: string;
  private readonly client: HttpClient;
  private readonly config: RemoteBackendConfig;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly found: TempoCapabilities = { traceByIdV2: undefined, searchTagsV2: undefined };
  /** Trace bodies are fetched, parsed and built in a worker (not with a test's injected fetch). */
  private readonly traceWorker: TraceWorkerOption;

  constructor(config: RemoteBackendConfig, deps: RemoteBackendDeps = {}) {
    this.id = config.id;
    this.name = config.name;
    this.config = config;
    this.fetchImpl = deps.fetch;
    this.client = new HttpClient({
      backendName: config.name,
      baseUrl: config.url,
      timeoutMs: config.timeoutMs,
      errorStyle: 'text',
      fetch: deps.fetch,
    });
    this.traceWorker = traceWorkerOption(deps);
  }

  get capabilities(): Readonly<TempoCapabilities> {
    return { ...this.found };
  }

  async getServices(signal?: AbortSignal): Promise<string[]> {
    const values = await this.getTagValues('resource.service.name', undefined, signal);
    return uniqueSorted(values.map((v) => v.value));
  }

  async getOperations(service: string, signal?: AbortSignal): Promise<string[]> {
    // v1 tag values cannot be filtered by service; v2 narrows them with a TraceQL filter.
    const values = await this.getTagValues('name', `{ resource.service.name = ${quoteTraceqlString(service)} }`, signal);
    return uniqueSorted(values.map((v) => v.value));
  }

  async searchTraces(query: SearchQuery, signal?: AbortSignal): Promise<TraceSummary[]> {
    const what = query.traceql?.trim() ? 'run the TraceQL search' : 'search traces';
    const body = expectObject(this.client, await this.client.getJson('/api/search', { query: tempoSearchParams(query), signal, what }), what);
    return expectObjectList(this.client, body, 'traces', what)
      .map(summaryFromTempoSearch)
      .filter((s): s is TraceSummary => s !== null);
  }

  async getTrace(traceId: string, signal?: AbortSignal, options: GetTraceOptions = {}): Promise<LoadedTrace> {
    // Tempo search trims leading zeros; always ask for the full 32-character ID.
    const id = normaliseTraceIdForLookup(traceId);
    const what = `load trace ${id}`;
    const notFound = (): BackendError =>
      new BackendError(
        'not-found',
        this.name,
        `Trace ${id} was not found in ${this.name}. Check the ID, or try another backend: ` +
          'traces older than the retention period are deleted, and very recent ones may not be searchable yet.',
        404,
      );
    const request = { backendId: this.id, traceId: id, what, signal, previews: options.previews !== false };
    const { answeredByFallback, getTraceResponse, isTraceFromWorker, loadedTraceFromWorker, loadTraceFromBody } = await traceDecoding();
    const v1Path = `/api/traces/${pathSegment(id)}`;
    const fromV1 = (res: Awaited<ReturnType<typeof getTraceResponse>>): LoadedTrace => {
      if (isTraceFromWorker(res)) return loadedTraceFromWorker(res, notFound);
      if (res.status === 404) throw notFound();
      return loadTraceFromBody(this.client, this.json(res, what), id, what, notFound);
    };
    if (this.found.traceByIdV2 !== false) {
      // When v2 turns out to be missing (an older Tempo), v1 is asked at once, by the worker that got the 404.
      const res = await getTraceResponse(this.client, `/api/v2/traces/${pathSegment(id)}`, this.traceWorker, { ...request, fallbackPath: v1Path });
      if (answeredByFallback(this.client, res, v1Path)) {
        this.found.traceByIdV2 = false;
        return fromV1(res);
      }
      if (isTraceFromWorker(res)) {
        this.found.traceByIdV2 = true;
        // The worker's document is the body, or (large bodies) the body with its span lists emptied.
        const partialMessage = this.v2Checks(isObject(res.meta.document) ? res.meta.document : {}, id, notFound);
        return loadedTraceFromWorker(res, notFound, partialMessage);
      }
      if (isEndpointMissing(res)) {
        this.found.traceByIdV2 = false;
      } else {
        const body = expectObject(this.client, this.json(res, what), what);
        this.found.traceByIdV2 = true;
        const partialMessage = this.v2Checks(body, id, notFound);
        return loadTraceFromBody(this.client, body, id, what, notFound, partialMessage);
      }
    }
    return fromV1(await getTraceResponse(this.client, v1Path, this.traceWorker, request));
  }

  /** What a v2 trace body says besides its spans: not found, unreadable, or the partial message. */
  private v2Checks(body: Record<string, unknown>, id: string, notFound: () => BackendError): string | undefined {
    // v2 says "not found" with 200 and an empty trace (grafana/tempo#5105); a body without a
    // `trace` at all is not that answer but something Skein cannot read.
    if (!('trace' in body)) {
      throw new BackendError(
        'invalid-response',
        this.name,
        `${this.name} answered /api/v2/traces/${id} without a "trace" field, so Skein cannot read it. ` +
          'Check that the backend URL in config.json points at Tempo\'s query frontend.',
      );
    }
    const trace = body.trace;
    const resourceSpans = isObject(trace) ? (trace.resourceSpans ?? trace.batches) : undefined;
    if (!Array.isArray(resourceSpans) || resourceSpans.length === 0) throw notFound();
    const partial = body.status === 'PARTIAL' || body.status === 1;
    return partial
      ? typeof body.message === 'string' && body.message !== ''
        ? body.message
        : 'Tempo returned only part of this trace.'
      : undefined;
  }

  async getDependencies(
    window: { startUs: number; endUs: number },
    signal?: AbortSignal,
    onProgress?: (progress: DependencyProgress) => void,
  ): Promise<DependencyResult> {
    const source = readDependencySource(this.config.dependencies);
    if (source.type === 'prometheus') {
      const links = await prometheusServiceGraph(
        { backendName: this.name, url: source.url, timeoutMs: source.timeoutMs ?? this.config.timeoutMs, fetch: this.fetchImpl },
        window,
        signal,
      );
      return { links, source: PROMETHEUS_SOURCE };
    }
    return deriveDependencies(
      {
        search: (w, limit, s) => this.searchTraces({ startUs: w.startUs, endUs: w.endUs, limit }, s),
        getTrace: (id, s) => this.getTrace(id, s),
      },
      window,
      source.maxTraces,
      signal,
      onProgress,
    );
  }

  /**
   * Tag names and values are searched over the last day: without start/end Tempo looks only at
   * recent data in its live store, so a quiet Tempo would list no services (API-NOTES §1.5).
   */
  private tagWindow(): { start: string; end: string } {
    const endS = Math.ceil(Date.now() / 1000);
    return { start: String(endS - TAG_LOOKBACK_S), end: String(endS) };
  }

  async getTagNames(scope: string | undefined, signal?: AbortSignal): Promise<TagScopeNames[]> {
    const what = 'load attribute names';
    const query = { scope: scope === undefined || scope === '' ? undefined : scope, ...this.tagWindow() };
    if (this.found.searchTagsV2 !== false) {
      const res = await this.client.getText('/api/v2/search/tags', { query, signal, what });
      if (!this.markTagsV2(res)) {
        const body = expectObject(this.client, this.json(res, what), what);
        return expectObjectList(this.client, body, 'scopes', what).map((s) => ({
          scope: typeof s.name === 'string' ? s.name : '',
          tags: uniqueSorted(expectStringList(this.client, s, 'tags', what)),
        }));
      }
    }
    const body = expectObject(this.client, await this.client.getJson('/api/search/tags', { query, signal, what }), what);
    return [{ scope: '', tags: uniqueSorted(expectStringList(this.client, body, 'tagNames', what)) }];
  }

  async getTagValues(tag: string, query: string | undefined, signal?: AbortSignal): Promise<TagValue[]> {
    const what = `load the values of "${tag}"`;
    if (this.found.searchTagsV2 !== false) {
      const res = await this.client.getText(`/api/v2/search/tag/${pathSegment(tag)}/values`, {
        query: { q: query?.trim() ? query.trim() : undefined, ...this.tagWindow() },
        signal,
        what,
      });
      if (!this.markTagsV2(res)) {
        const body = expectObject(this.client, this.json(res, what), what);
        return expectObjectList(this.client, body, 'tagValues', what)
          .filter((v) => typeof v.value === 'string')
          .map((v) => ({ type: typeof v.type === 'string' ? v.type : 'string', value: v.value as string }));
      }
    }
    const v1Tag = v1TagName(tag);
    const body = expectObject(
      this.client,
      await this.client.getJson(`/api/search/tag/${pathSegment(v1Tag)}/values`, { query: this.tagWindow(), signal, what }),
      what,
    );
    return expectStringList(this.client, body, 'tagValues', what).map((value) => ({ type: 'string', value }));
  }

  async getBuildInfo(signal?: AbortSignal): Promise<BackendBuildInfo> {
    const what = 'read the server version';
    const body = expectObject(this.client, await this.client.getJson('/api/status/buildinfo', { signal, what }), what);
    if (typeof body.version !== 'string') throw this.client.invalidResponse(what, 'there is no "version" field');
    return typeof body.revision === 'string' ? { version: body.version, revision: body.revision } : { version: body.version };
  }

  private markTagsV2(res: TextResponse): boolean {
    if (isEndpointMissing(res)) {
      this.found.searchTagsV2 = false;
      return true;
    }
    if (isSuccess(res)) this.found.searchTagsV2 = true;
    return false;
  }

  private json(res: TextResponse, what: string): unknown {
    if (!isSuccess(res)) throw this.client.httpError(res, what);
    return this.client.parseJson(res, what);
  }
}

type DependencySource =
  | { type: 'prometheus'; url: string; timeoutMs?: number }
  | { type: 'traces'; maxTraces: number };

/** The `dependencies` entry of config.json, read leniently (the config loader passes it through). */
export function readDependencySource(config: DependencySourceConfig | undefined): DependencySource {
  const raw = config as Record<string, unknown> | undefined;
  if (raw && raw.type === 'prometheus' && typeof raw.url === 'string' && raw.url !== '') {
    return {
      type: 'prometheus',
      url: raw.url,
      ...(typeof raw.timeoutMs === 'number' && raw.timeoutMs > 0 ? { timeoutMs: raw.timeoutMs } : {}),
    };
  }
  const max = raw?.maxTraces;
  return {
    type: 'traces',
    maxTraces: typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_DERIVED_TRACE_LIMIT,
  };
}

export function createTempoBackend(config: RemoteBackendConfig, deps: RemoteBackendDeps = {}): TempoBackend {
  return new TempoBackend(config, deps);
}
