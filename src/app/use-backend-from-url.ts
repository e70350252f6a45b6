import { useSearchParams } from 'react-router';
import type { TraceBackend } from '../api/backend';
import { backendIdFromParam, getBackend } from '../api/backend-registry';

/** The backend selected by the `backend=` URL parameter (default: the config's default backend). */
export function useBackendFromUrl(): { backendId: string; backend: TraceBackend | undefined } {
  const [params] = useSearchParams();
  const backendId = backendIdFromParam(params.get('backend'));
  return { backendId, backend: getBackend(backendId) };
}

/** `?backend=<id>` for links that should stay on the current backend. */
export function backendSearch(backendId: string): string {
  return `?${new URLSearchParams({ backend: backendId }).toString()}`;
}

/** The link to one trace on one backend. */
export function traceHref(traceId: string, backendId: string): string {
  return `/trace/${encodeURIComponent(traceId)}${backendSearch(backendId)}`;
}
