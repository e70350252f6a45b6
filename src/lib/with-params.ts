// One rule for writing URL parameters on every page: a value sets the parameter, null or '' removes
// it, and every other parameter is kept. Pure, so the view modules' tests write URLs the way the
// app does.

/** `current` with each [key, value] written: a value sets it, null or '' removes it. */
export function withParams(current: URLSearchParams, entries: readonly (readonly [string, string | null])[]): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of entries) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}
