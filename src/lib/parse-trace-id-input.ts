// What the user typed or a link holds → a trace ID to open, or why not (the header's trace-ID box,
// Jaeger UI's `traceID=` lists, the trace page's failure messages).

export type TraceIdInput = { ok: true; traceId: string } | { ok: false; message: string };

/** Accepts 1–32 hex characters (surrounding spaces ignored, any case, optional 0x). */
export function parseTraceIdInput(text: string): TraceIdInput {
  let id = text.trim();
  if (/^0x/i.test(id)) id = id.slice(2);
  if (id === '') return { ok: false, message: 'Enter a trace ID.' };
  if (id.length > 32) return { ok: false, message: `A trace ID has at most 32 hex characters; this one has ${id.length}.` };
  if (!/^[0-9a-f]+$/i.test(id)) return { ok: false, message: 'A trace ID has only hex characters (0–9, a–f).' };
  return { ok: true, traceId: id.toLowerCase() };
}
