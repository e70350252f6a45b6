// react-query option factories, one per backend question. Keys start with ['backend', id] so
// everything from one backend can be invalidated at once (e.g. after opening more files).
import { queryOptions } from '@tanstack/react-query';
import { BackendError, type DependencyProgress, type SearchQuery, type TraceBackend } from './backend';
import { getBackend } from './backend-registry';
import { summariseTrace } from '../model/trace-summary';
import type { TraceSummary } from '../model/types';

function backendOrThrow(backendId: string): TraceBackend {
  const backend = getBackend(backendId);
  if (!backend) {
    throw new BackendError(
      'unsupported',
      backendId,
      `There is no backend with the id "${backendId}". Pick one from the backend list, or fix the backend= parameter of the URL.`,
    );
  }
  return backend;
}

export const backendQueryKey = (backendId: string) => ['backend', backendId] as const;

export function servicesQuery(backendId: string) {
  return queryOptions({
    queryKey: [...backendQueryKey(backendId), 'services'] as const,
    queryFn: async ({ signal }) => backendOrThrow(backendId).getServices(signal),
    staleTime: 60_000,
  });
}

export function operationsQuery(backendId: string, service: string) {
  return queryOptions({
    queryKey: [...backendQueryKey(backendId), 'operations', service] as const,
    queryFn: async ({ signal }) => backendOrThrow(backendId).getOperations(service, signal),
    staleTime: 60_000,
    enabled: service !== '',
  });
}

export function searchQuery(backendId: string, query: SearchQuery) {
  return queryOptions({
    queryKey: [...backendQueryKey(backendId), 'search', query] as const,
    queryFn: async ({ signal }) => backendOrThrow(backendId).searchTraces(query, signal),
    staleTime: 30_000,
  });
}

/**
 * One trace by ID. `previews: false` for a page that draws no preview while it loads (a
 * comparison); it travels as the query's meta, so a load started early for that page has it too.
 */
export function traceQuery(backendId: string, traceId: string, options: { previews?: boolean } = {}) {
  return queryOptions({
    queryKey: [...backendQueryKey(backendId), 'trace', traceId] as const,
    queryFn: async ({ signal, meta }) => backendOrThrow(backendId).getTrace(traceId, signal, { previews: meta?.previews !== false }),
    ...(options.previews === false ? { meta: { previews: false } } : {}),
    // A trace is immutable once fetched; refetching would also rebuild the whole model.
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    // Deep-comparing a large trace with a previous copy is wasted work.
    structuralSharing: false,
  });
}

export function dependenciesQuery(
  backendId: string,
  window: { startUs: number; endUs: number },
  onProgress?: (progress: DependencyProgress) => void,
) {
  return queryOptions({
    queryKey: [...backendQueryKey(backendId), 'dependencies', window.startUs, window.endUs] as const,
    queryFn: async ({ signal }) => backendOrThrow(backendId).getDependencies(window, signal, onProgress),
    staleTime: 5 * 60_000,
  });
}

/**
 * Jaeger UI's `/search?traceID=a&traceID=b`: the results are those traces, fetched by ID. IDs that
 * do not exist are left out; when none exists the query fails as not found.
 */
export function tracesByIdQuery(backendId: string, traceIds: readonly string[]) {
  return queryOptions({
    queryKey: [...backendQueryKey(backendId), 'traces-by-id', [...traceIds]] as const,
    queryFn: async ({ signal }): Promise<TraceSummary[]> => {
      const backend = backendOrThrow(backendId);
      const found = await Promise.all(
        traceIds.map(async (id) => {
          try {
            return summariseTrace((await backend.getTrace(id, signal)).trace);
          } catch (error) {
            if (error instanceof BackendError && error.kind === 'not-found') return null;
            throw error;
          }
        }),
      );
      const summaries = found.filter((s): s is TraceSummary => s !== null);
      if (summaries.length === 0) {
        throw new BackendError('not-found', backend.name, `None of the trace IDs in the link (${traceIds.join(', ')}) was found in ${backend.name}.`);
      }
      return summaries;
    },
    staleTime: Infinity,
  });
}

/** Errors that will not go away by asking again. */
export function isPermanentError(error: unknown): boolean {
  return (
    error instanceof BackendError &&
    (error.kind === 'not-found' ||
      error.kind === 'unauthorized' ||
      error.kind === 'unsupported' ||
      error.kind === 'invalid-response' ||
      error.kind === 'aborted')
  );
}

/** Retry policy for the QueryClient: transient failures up to twice, permanent ones never. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isPermanentError(error)) return false;
  // A timeout already cost the user the whole timeout: retrying it silently would multiply the wait.
  if (error instanceof BackendError && error.kind === 'timeout') return false;
  if (error instanceof BackendError && error.kind === 'http' && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429) {
    return false;
  }
  return failureCount < 2;
}
