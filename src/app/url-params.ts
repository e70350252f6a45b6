// Writing URL parameters in place: the parameters that are UI state (a selected span or node, a
// view) are replaced in the current history entry, so Back leaves the page instead of stepping
// through every click. Values are written by the one rule of src/lib/with-params.ts.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { withParams } from '../lib/with-params';

/**
 * The address bar's parameters at this moment. A write must merge into these, not into the ones
 * react-router's functional update passes: those belong to the render that made the setter, and
 * React renders a navigation in a transition, so for a while after a tab switch or a span selection
 * they are the URL from before it, and a write merged into them would undo that navigation. The
 * app's router is a browser router, whose history is written at once: window.location is the newest URL.
 */
export function liveSearchParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** Sets (or with null / '' removes) one parameter of the current URL, replacing the history entry. */
export function useReplaceParam(): (key: string, value: string | null) => void {
  const [, setParams] = useSearchParams();
  return useCallback((key, value) => setParams(withParams(liveSearchParams(), [[key, value]]), { replace: true }), [setParams]);
}
