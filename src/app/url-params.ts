// Writing URL parameters in place: the parameters that are UI state (a selected span or node, a
// view) are replaced in the current history entry, so Back leaves the page instead of stepping
// through every click. One rule for every page: a value sets the parameter, null or '' removes it,
// and every other parameter is kept.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** `current` with each [key, value] written: a value sets it, null or '' removes it. */
export function withParams(current: URLSearchParams, entries: readonly (readonly [string, string | null])[]): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of entries) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** Sets (or with null / '' removes) one parameter of the current URL, replacing the history entry. */
export function useReplaceParam(): (key: string, value: string | null) => void {
  const [, setParams] = useSearchParams();
  return useCallback((key, value) => setParams((current) => withParams(current, [[key, value]]), { replace: true }), [setParams]);
}
