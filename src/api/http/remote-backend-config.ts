// What a remote backend factory needs from one `backends[]` entry of config.json (DESIGN.md §4).
// The app's config loader validates the file; these types are the structural contract it hands
// to `createJaegerBackend` / `createTempoBackend`.

/** How Tempo (which has no dependency endpoint) builds the service graph. */
export type DependencySourceConfig =
  /** Fetch up to `maxTraces` traces of the window and derive the graph from their spans. */
  | { type: 'traces'; maxTraces?: number }
  /** Query the service-graph series the Tempo metrics-generator writes to a Prometheus API. */
  | { type: 'prometheus'; url: string; timeoutMs?: number };

export interface RemoteBackendConfig {
  id: string;
  name: string;
  /** Base URL of the query API; relative URLs resolve against the app's own location. */
  url: string;
  /** Per-request timeout; defaults to DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  dependencies?: DependencySourceConfig;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
