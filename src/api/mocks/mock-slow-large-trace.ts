// A large trace that arrives slowly, for the tests of loading feedback (progress, the preview of
// the first rows while the body streams, Cancel). Served by the Jaeger v1 mock as 10,001 spans
// (≈ 6.7 MB, past the 5 MB up to which the body's text is kept) in 64 KB pieces, one every 40 ms (≈ 4 s in all).

import { HttpResponse } from 'msw';
import { toJaegerTrace } from './encode-jaeger';
import type { MockSpan, MockTrace } from './mock-trace-model';
import { MOCK_EPOCH_US } from './mock-traces';

export const MOCK_SLOW_LARGE_TRACE_ID = '51071a7e000000000000000000010000';
/** The same trace, but the body stops after its first 2 MB and never ends: a preview that stays. */
export const MOCK_STALLED_LARGE_TRACE_ID = '51071a7e0000000000000000000105a1';
/**
 * The same trace, but after its first 4 MB the body turns into text that is not JSON, and ends.
 * (Its size is not announced, so the first 1 MB is held back before parsing starts: the preview
 * shows from about 0.7 s, and the break comes about 1.9 s after that.)
 */
export const MOCK_BROKEN_LARGE_TRACE_ID = '51071a7e0000000000000000000b0bad';
const STALL_AFTER_BYTES = 2 * 1024 * 1024;
const BREAK_AFTER_BYTES = 4 * 1024 * 1024;
const BROKEN_TAIL = new TextEncoder().encode('<html>upstream connection reset</html>');

/** How the slow body ends: whole, never (stalled after 2 MB), or cut after 4 MB by text that is not JSON. */
export type SlowLargeTraceEnding = 'whole' | 'stall' | 'broken';
export const MOCK_SLOW_LARGE_SPAN_COUNT = 10_001;
const CHUNK_BYTES = 64 * 1024;
const CHUNK_INTERVAL_MS = 40;

const SERVICES = ['frontend', 'orders', 'inventory', 'payments', 'postgres'];

/** root → 100 requests → 99 queries each: 1 + 100 + 9,900 = 10,001 spans. */
function slowLargeTrace(): MockTrace {
  const spans: MockSpan[] = [
    { spanId: '5100000000000000', service: 'frontend', name: 'GET /batch', kind: 'server', startOffsetUs: 0, durationUs: 3_000_000 },
  ];
  for (let r = 0; r < 100; r++) {
    const requestId = `51${(r + 1).toString(16).padStart(14, '0')}`;
    spans.push({ spanId: requestId, parentSpanId: spans[0]!.spanId, service: SERVICES[1 + (r % 3)]!, name: `handle item ${r}`, kind: 'server', startOffsetUs: r * 29_000, durationUs: 28_000 });
    for (let q = 0; q < 99; q++) {
      spans.push({
        spanId: `52${(r * 100 + q + 1).toString(16).padStart(14, '0')}`,
        parentSpanId: requestId,
        service: 'postgres',
        name: `SELECT item ${r}.${q}`,
        kind: 'client',
        startOffsetUs: r * 29_000 + q * 280,
        durationUs: 250,
        attributes: {
          'db.system': 'postgresql',
          'db.name': 'inventory',
          'server.address': 'postgres-primary.inventory.svc.cluster.local',
          'db.statement': `SELECT * FROM items WHERE id = ${r * 100 + q}`,
        },
      });
    }
  }
  return { traceId: MOCK_SLOW_LARGE_TRACE_ID, startUs: MOCK_EPOCH_US, startNsRemainder: 0, spans };
}

let body: Uint8Array | null = null;

/**
 * The Jaeger v1 answer, streamed slowly with its Content-Length (so progress has a total); a
 * broken body has none, as when a proxy cuts the answer and writes its own text.
 */
export function slowLargeTraceResponse(ending: SlowLargeTraceEnding = 'whole'): Response {
  body ??= new TextEncoder().encode(JSON.stringify({ data: [toJaegerTrace(slowLargeTrace())], total: 0, limit: 0, offset: 0, errors: null }));
  const bytes = body;
  let offset = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      // Stalled: nothing more is sent until the client gives up (the test leaves the page).
      if (ending === 'stall' && offset >= STALL_AFTER_BYTES) return new Promise<void>(() => undefined);
      if (ending === 'broken' && offset >= BREAK_AFTER_BYTES) {
        controller.enqueue(BROKEN_TAIL);
        controller.close();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
          offset += CHUNK_BYTES;
          if (offset >= bytes.length) controller.close();
          resolve();
        }, offset === 0 ? 0 : CHUNK_INTERVAL_MS);
      });
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new HttpResponse(stream, {
    status: 200,
    headers: { 'Content-Type': 'application/json', ...(ending === 'broken' ? {} : { 'Content-Length': String(bytes.length) }) },
  });
}
