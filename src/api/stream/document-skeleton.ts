// The envelope of a trace document without its spans: what the main thread needs of a body read
// whole (Tempo's `status` and `message`, whether `trace.resourceSpans` is there) at a fraction of
// the cost of cloning the whole document across the worker boundary. Matches what the streaming
// scanner keeps of a large body (its "skeleton"), so callers need not care which path ran.

/** A copy of `value` in which every array under a `spans` key is empty. Span lists are never walked. */
export function emptySpanLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptySpanLists);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    copy[key] = key === 'spans' && Array.isArray(inner) ? [] : emptySpanLists(inner);
  }
  return copy;
}
