// What users paste into the "Compare with…" form: a bare trace ID, a Skein or Jaeger UI trace
// link (`…/trace/<id>?…`), or one Jaeger comparison (`A...B`, `/trace/A...B`). File-backed traces
// may have IDs that are not hex, so anything without spaces or slashes is accepted as an ID.

export type CompareInput = { ok: true; traceId: string } | { ok: false; message: string };

const TRACE_PATH = /\/trace\/([^/?#\s]+)/;

/** One side's input → a trace ID (lower-cased when it is hex), or why not. */
export function parseCompareTraceId(input: string): CompareInput {
  let id = input.trim();
  if (id === '') return { ok: false, message: 'Enter a trace ID or paste a link to a trace.' };
  const fromPath = TRACE_PATH.exec(id);
  if (fromPath) id = decodeURIComponent(fromPath[1]!);
  if (/^0x[0-9a-f]+$/i.test(id)) id = id.slice(2);
  if (/[\s/?#]/.test(id)) return { ok: false, message: `"${input.trim()}" is neither a trace ID nor a link to a trace.` };
  return { ok: true, traceId: /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : id };
}

/** `A...B` (Jaeger UI's comparison ID, alone or in a /trace/ link) → both IDs; null otherwise. */
export function parseComparePair(input: string): { a: string; b: string } | null {
  const trimmed = input.trim();
  const fromPath = TRACE_PATH.exec(trimmed);
  const id = fromPath ? decodeURIComponent(fromPath[1]!) : trimmed;
  const at = id.indexOf('...');
  if (at <= 0) return null;
  const a = parseCompareTraceId(id.slice(0, at));
  const b = parseCompareTraceId(id.slice(at + 3));
  return a.ok && b.ok ? { a: a.traceId, b: b.traceId } : null;
}

/** The comparison URL: `backend=` when both sides share a backend, else `backendA=` and `backendB=`. */
export function compareHref(a: { traceId: string; backendId: string }, b: { traceId: string; backendId: string }): string {
  const params = new URLSearchParams();
  if (a.backendId === b.backendId) params.set('backend', a.backendId);
  else {
    params.set('backendA', a.backendId);
    params.set('backendB', b.backendId);
  }
  return `/compare/${encodeURIComponent(a.traceId)}/${encodeURIComponent(b.traceId)}?${params.toString()}`;
}
