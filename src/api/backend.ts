import type { DependencyLink, Trace, TraceSummary } from '../model/types';

export type BackendType = 'jaeger' | 'tempo' | 'demo' | 'file';

export interface SearchQuery {
  service?: string;
  operation?: string;
  /** logfmt tags as typed by the user, e.g. `http.status_code=500 error=true`. */
  tags?: string;
  /** TraceQL (Tempo only). */
  traceql?: string;
  minDurationUs?: number;
  maxDurationUs?: number;
  /** Absolute window, epoch µs. */
  startUs: number;
  endUs: number;
  limit: number;
}

export interface LoadedTrace {
  trace: Trace;
  /** The payload as received, for the raw JSON view and download. Never mutated. */
  raw: unknown;
  /** Instead of `raw`: the payload's text, parsed only when the JSON view is opened (see LoadMeta.documentText). */
  rawText?: string;
  /** Set when the backend says the trace is incomplete (Tempo `status: PARTIAL`). */
  partialMessage?: string;
}

/** Progress of a dependency graph derived from traces. */
export interface DependencyProgress {
  phase: 'searching' | 'fetching';
  /** Traces fetched so far (fetching phase). */
  done: number;
  /** Traces to fetch (0 while searching). */
  total: number;
}

export interface DependencyResult {
  links: DependencyLink[];
  /** Where the graph came from, shown on the page (e.g. "Jaeger /api/dependencies", "derived from 40 traces"). */
  source: string;
  traceCount?: number;
}

export interface GetTraceOptions {
  /**
   * Whether the page draws previews of the trace while a large body streams (default: yes). A
   * comparison draws none, so its loads do not have the worker build them.
   */
  previews?: boolean;
}

/** Every data source answers the same questions. All methods honour `signal` for cancellation. */
export interface TraceBackend {
  readonly id: string;
  readonly type: BackendType;
  readonly name: string;
  getServices(signal?: AbortSignal): Promise<string[]>;
  getOperations(service: string, signal?: AbortSignal): Promise<string[]>;
  searchTraces(query: SearchQuery, signal?: AbortSignal): Promise<TraceSummary[]>;
  /** Rejects with a BackendError of kind 'not-found' when the trace does not exist. */
  getTrace(traceId: string, signal?: AbortSignal, options?: GetTraceOptions): Promise<LoadedTrace>;
  /** `onProgress` reports long derivations (e.g. Tempo: search, then fetch N traces). */
  getDependencies(
    window: { startUs: number; endUs: number },
    signal?: AbortSignal,
    onProgress?: (progress: DependencyProgress) => void,
  ): Promise<DependencyResult>;
  /** Attribute names for autocomplete, grouped by TraceQL scope (Tempo). `scope` omitted = all. */
  getTagNames?(scope: string | undefined, signal?: AbortSignal): Promise<TagScopeNames[]>;
  /**
   * Values of one attribute for autocomplete (Tempo). `tag` is a TraceQL identifier such as
   * `resource.service.name`; `query` an optional TraceQL filter `{…}` that narrows the values.
   */
  getTagValues?(tag: string, query: string | undefined, signal?: AbortSignal): Promise<TagValue[]>;
  /** Server version, when the backend reports one (Tempo /api/status/buildinfo). */
  getBuildInfo?(signal?: AbortSignal): Promise<BackendBuildInfo>;
}

export interface TagScopeNames {
  /** `resource`, `span`, `intrinsic`, `event`, `link`, `instrumentation`; '' when the server does not say. */
  scope: string;
  tags: string[];
}

export interface TagValue {
  /** Tempo's value type: `string`, `int`, `float`, `bool`, `duration`, `keyword`. */
  type: string;
  value: string;
}

export interface BackendBuildInfo {
  version: string;
  revision?: string;
}

export type BackendErrorKind =
  | 'not-found'
  | 'http'
  | 'unauthorized'
  | 'timeout'
  | 'network'
  | 'invalid-response'
  | 'unsupported'
  | 'aborted';

/** Typed failure of a backend call; `message` is written for the user and names the backend. */
export class BackendError extends Error {
  readonly kind: BackendErrorKind;
  readonly backendName: string;
  readonly status?: number;
  constructor(kind: BackendErrorKind, backendName: string, message: string, status?: number) {
    super(message);
    this.name = 'BackendError';
    this.kind = kind;
    this.backendName = backendName;
    this.status = status;
  }
}
