// Tempo has no dependency endpoint (API-NOTES §0.12): without a Prometheus, the graph is derived
// from a sample of traces of the window: search, fetch up to N of them, build the graph.

import { buildServiceGraph } from '../../model/service-graph';
import type { Trace, TraceSummary } from '../../model/types';
import { BackendError, type DependencyProgress, type DependencyResult, type LoadedTrace } from '../backend';

export const DEFAULT_DERIVED_TRACE_LIMIT = 50;
/** Parallel trace fetches: enough to be quick, few enough not to swamp the querier. */
const CONCURRENCY = 4;

export interface DerivedGraphSource {
  search(window: { startUs: number; endUs: number }, limit: number, signal?: AbortSignal): Promise<TraceSummary[]>;
  getTrace(traceId: string, signal?: AbortSignal): Promise<LoadedTrace>;
}

export async function deriveDependencies(
  source: DerivedGraphSource,
  window: { startUs: number; endUs: number },
  maxTraces: number,
  signal?: AbortSignal,
  onProgress?: (progress: DependencyProgress) => void,
): Promise<DependencyResult> {
  onProgress?.({ phase: 'searching', done: 0, total: 0 });
  const hits = await source.search(window, maxTraces, signal);
  const ids = [...new Set(hits.map((h) => h.traceId))].slice(0, maxTraces);
  let finished = 0;
  onProgress?.({ phase: 'fetching', done: 0, total: ids.length });
  // Indexed by search position so the result does not depend on which fetch finished first.
  const loaded: (Trace | undefined)[] = new Array<Trace | undefined>(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      try {
        loaded[index] = (await source.getTrace(ids[index]!, signal)).trace;
      } catch (error) {
        // A listed trace can vanish (retention) or be unreadable; the sample just gets smaller.
        if (!(error instanceof BackendError && (error.kind === 'not-found' || error.kind === 'invalid-response'))) throw error;
      }
      finished++;
      onProgress?.({ phase: 'fetching', done: finished, total: ids.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  const traces = loaded.filter((t): t is Trace => t !== undefined);
  return {
    links: buildServiceGraph(traces),
    source: `derived from ${traces.length} ${traces.length === 1 ? 'trace' : 'traces'}`,
    traceCount: traces.length,
  };
}
