// The traces the mock backends serve. Written for Skein (not copied from any project): a small
// shop behind Jaeger and a search site behind Tempo. Tests import the IDs from here.

import type { MockTrace } from './mock-trace-model';

/** 2026-01-05T10:00:00Z in epoch µs: fixed so tests and screenshots are deterministic. */
export const MOCK_EPOCH_US = Date.UTC(2026, 0, 5, 10, 0, 0) * 1000;

const SECOND_US = 1_000_000;

export const MOCK_JAEGER_TRACE_IDS = {
  checkout: '7be2a5f1c3d94e8a9b0c1d2e3f405162',
  products: '1f9c3e7a2b4d6f80a1b2c3d4e5f60718',
  /** A 64-bit ID, as older Jaeger clients produce. */
  refunds: '00000000000000003c4d5e6f7a8b9c0d',
} as const;

export const MOCK_JAEGER_TRACES: readonly MockTrace[] = [
  {
    traceId: MOCK_JAEGER_TRACE_IDS.checkout,
    startUs: MOCK_EPOCH_US,
    startNsRemainder: 250,
    spans: [
      { spanId: 'a1c0000000000001', service: 'frontend', name: 'GET /checkout', kind: 'server', startOffsetUs: 0, durationUs: 120_000,
        attributes: { 'http.request.method': 'GET', 'http.route': '/checkout', 'http.response.status_code': 200 } },
      { spanId: 'a1c0000000000002', parentSpanId: 'a1c0000000000001', service: 'frontend', name: 'POST checkout', kind: 'client', startOffsetUs: 5_000, durationUs: 100_000,
        attributes: { 'http.request.method': 'POST' } },
      { spanId: 'a1c0000000000003', parentSpanId: 'a1c0000000000002', service: 'checkout', name: 'POST /api/checkout', kind: 'server', startOffsetUs: 6_000, durationUs: 97_000,
        attributes: { 'http.request.method': 'POST', 'http.route': '/api/checkout', 'http.response.status_code': 200 } },
      { spanId: 'a1c0000000000004', parentSpanId: 'a1c0000000000003', service: 'checkout', name: 'charge card', kind: 'client', startOffsetUs: 10_000, durationUs: 40_000 },
      { spanId: 'a1c0000000000005', parentSpanId: 'a1c0000000000004', service: 'payments', name: 'Charge', kind: 'server', startOffsetUs: 11_000, durationUs: 37_000,
        attributes: { 'payment.method': 'card', 'payment.amount': 42.5 } },
      { spanId: 'a1c0000000000006', parentSpanId: 'a1c0000000000003', service: 'checkout', name: 'reserve stock', kind: 'client', startOffsetUs: 55_000, durationUs: 30_000 },
      { spanId: 'a1c0000000000007', parentSpanId: 'a1c0000000000006', service: 'inventory', name: 'Reserve', kind: 'server', startOffsetUs: 56_000, durationUs: 28_000,
        error: 'out of stock', attributes: { 'error.type': 'OutOfStock', 'inventory.sku': 'SKU-1042' } },
    ],
  },
  {
    traceId: MOCK_JAEGER_TRACE_IDS.products,
    startUs: MOCK_EPOCH_US + 60 * SECOND_US,
    startNsRemainder: 0,
    spans: [
      { spanId: 'b2d0000000000001', service: 'frontend', name: 'GET /products', kind: 'server', startOffsetUs: 0, durationUs: 45_000,
        attributes: { 'http.request.method': 'GET', 'http.route': '/products', 'http.response.status_code': 200 } },
      { spanId: 'b2d0000000000002', parentSpanId: 'b2d0000000000001', service: 'frontend', name: 'GET inventory', kind: 'client', startOffsetUs: 2_000, durationUs: 40_000 },
      { spanId: 'b2d0000000000003', parentSpanId: 'b2d0000000000002', service: 'inventory', name: 'ListProducts', kind: 'server', startOffsetUs: 3_000, durationUs: 38_000 },
      { spanId: 'b2d0000000000004', parentSpanId: 'b2d0000000000003', service: 'inventory', name: 'SELECT products', kind: 'client', startOffsetUs: 5_000, durationUs: 30_000,
        attributes: { 'db.system': 'postgresql', 'db.statement': 'SELECT id, name FROM products LIMIT 50' } },
    ],
  },
  {
    traceId: MOCK_JAEGER_TRACE_IDS.refunds,
    startUs: MOCK_EPOCH_US + 120 * SECOND_US,
    startNsRemainder: 0,
    spans: [
      { spanId: 'c3e0000000000001', service: 'checkout', name: 'refund-batch', kind: 'internal', startOffsetUs: 0, durationUs: 800_000 },
      { spanId: 'c3e0000000000002', parentSpanId: 'c3e0000000000001', service: 'checkout', name: 'refund', kind: 'client', startOffsetUs: 10_000, durationUs: 200_000 },
      { spanId: 'c3e0000000000003', parentSpanId: 'c3e0000000000002', service: 'payments', name: 'Refund', kind: 'server', startOffsetUs: 12_000, durationUs: 190_000,
        error: 'card expired', attributes: { 'payment.method': 'card' } },
    ],
  },
];

export const MOCK_TEMPO_TRACE_IDS = {
  /** Starts with 16 zeros: Tempo search returns it as the 16-character `4bf92f3577b34da6`. */
  search: '00000000000000004bf92f3577b34da6',
  /** Starts with one zero: search returns 31 characters. Shorter than 1 ms: no `durationMs`. */
  suggest: '0af7651916cd43dd8448eb211c80319c',
  index: 'c4a1e5b2d3f60718293a4b5c6d7e8f90',
  /** Served by /api/v2/traces with `status: PARTIAL` and only part of its spans. */
  partial: 'b7e3c2d1a0f94e8d7c6b5a4938271605',
} as const;

/** How Tempo search spells the IDs above (leading zeros trimmed). */
export function trimLeadingZeros(traceId: string): string {
  const trimmed = traceId.replace(/^0+/, '');
  return trimmed === '' ? '0' : trimmed;
}

/** Listed by Tempo search (root service `gateway`) but 404s when fetched: deleted by retention. */
export const MOCK_TEMPO_VANISHING_TRACE_ID = 'deadbeefdeadbeef0000000000000404';

export const MOCK_TEMPO_PARTIAL_MESSAGE =
  'Trace exceeds maximum size of 5000 bytes, a partial trace is returned; raise max_bytes_per_trace to see all spans';

/** Spans of the partial trace that /api/v2/traces returns (the rest are cut off). */
export const MOCK_TEMPO_PARTIAL_SPAN_COUNT = 3;

export const MOCK_TEMPO_TRACES: readonly MockTrace[] = [
  {
    traceId: MOCK_TEMPO_TRACE_IDS.search,
    startUs: MOCK_EPOCH_US + 5 * SECOND_US,
    startNsRemainder: 123,
    spans: [
      { spanId: '5ea0000000000001', service: 'gateway', name: 'GET /search', kind: 'server', startOffsetUs: 0, durationUs: 250_000,
        attributes: { 'http.request.method': 'GET', 'http.route': '/search', 'http.response.status_code': 200 } },
      { spanId: '5ea0000000000002', parentSpanId: '5ea0000000000001', service: 'gateway', name: 'search', kind: 'client', startOffsetUs: 3_000, durationUs: 240_000 },
      { spanId: '5ea0000000000003', parentSpanId: '5ea0000000000002', service: 'search', name: 'Search', kind: 'server', startOffsetUs: 4_000, durationUs: 235_000,
        attributes: { 'search.query': 'wool socks' } },
      { spanId: '5ea0000000000004', parentSpanId: '5ea0000000000003', service: 'search', name: 'redis GET', kind: 'client', startOffsetUs: 6_000, durationUs: 4_000,
        attributes: { 'db.system': 'redis' } },
      { spanId: '5ea0000000000005', parentSpanId: '5ea0000000000003', service: 'search', name: 'rank', kind: 'client', startOffsetUs: 20_000, durationUs: 200_000 },
      { spanId: '5ea0000000000006', parentSpanId: '5ea0000000000005', service: 'ranking', name: 'Rank', kind: 'server', startOffsetUs: 21_000, durationUs: 198_000,
        attributes: { 'ranking.model': 'bm25' } },
    ],
  },
  {
    traceId: MOCK_TEMPO_TRACE_IDS.suggest,
    startUs: MOCK_EPOCH_US + 65 * SECOND_US,
    startNsRemainder: 0,
    spans: [
      { spanId: '5a6000000000000a', service: 'gateway', name: 'GET /suggest', kind: 'server', startOffsetUs: 0, durationUs: 900,
        attributes: { 'http.request.method': 'GET', 'http.route': '/suggest', 'http.response.status_code': 200 } },
      { spanId: '5a6000000000000b', parentSpanId: '5a6000000000000a', service: 'gateway', name: 'suggest', kind: 'client', startOffsetUs: 100, durationUs: 700 },
      { spanId: '5a6000000000000c', parentSpanId: '5a6000000000000b', service: 'search', name: 'Suggest', kind: 'server', startOffsetUs: 150, durationUs: 600 },
    ],
  },
  {
    traceId: MOCK_TEMPO_TRACE_IDS.index,
    startUs: MOCK_EPOCH_US + 125 * SECOND_US,
    startNsRemainder: 0,
    spans: [
      { spanId: '1dc0000000000001', service: 'gateway', name: 'POST /index', kind: 'server', startOffsetUs: 0, durationUs: 1_500_000,
        error: 'upstream failed', attributes: { 'http.request.method': 'POST', 'http.route': '/index', 'http.response.status_code': 503 } },
      { spanId: '1dc0000000000002', parentSpanId: '1dc0000000000001', service: 'gateway', name: 'index', kind: 'client', startOffsetUs: 1_000, durationUs: 1_400_000 },
      { spanId: '1dc0000000000003', parentSpanId: '1dc0000000000002', service: 'search', name: 'Index', kind: 'server', startOffsetUs: 2_000, durationUs: 1_390_000,
        error: 'index locked' },
    ],
  },
  {
    traceId: MOCK_TEMPO_TRACE_IDS.partial,
    startUs: MOCK_EPOCH_US + 185 * SECOND_US,
    startNsRemainder: 0,
    spans: [
      { spanId: '9a70000000000001', service: 'gateway', name: 'GET /search', kind: 'server', startOffsetUs: 0, durationUs: 400_000,
        attributes: { 'http.request.method': 'GET', 'http.route': '/search', 'http.response.status_code': 200 } },
      { spanId: '9a70000000000002', parentSpanId: '9a70000000000001', service: 'gateway', name: 'search', kind: 'client', startOffsetUs: 2_000, durationUs: 390_000 },
      { spanId: '9a70000000000003', parentSpanId: '9a70000000000002', service: 'search', name: 'Search', kind: 'server', startOffsetUs: 3_000, durationUs: 385_000 },
      { spanId: '9a70000000000004', parentSpanId: '9a70000000000003', service: 'search', name: 'rank', kind: 'client', startOffsetUs: 10_000, durationUs: 370_000 },
      { spanId: '9a70000000000005', parentSpanId: '9a70000000000004', service: 'ranking', name: 'Rank', kind: 'server', startOffsetUs: 11_000, durationUs: 368_000 },
    ],
  },
];

/**
 * Trace IDs that make either mock backend fail in a known way, on every trace endpoint and
 * version (for the robustness tests).
 */
export const MOCK_FAILURE_TRACE_IDS = {
  /** 500 with a body in the backend's own error format. */
  serverError: 'e5000000000000000000000000000500',
  /** 500 with an empty body. */
  serverErrorEmpty: 'e5000000000000000000000000000501',
  unauthorized: 'e4000000000000000000000000000401',
  forbidden: 'e4000000000000000000000000000403',
  /** Never answers (test with a short timeoutMs). */
  hang: 'e0000000000000000000000000000408',
  /** Sends status and headers, then the body never ends. */
  stall: 'e0000000000000000000000000000409',
  /** 200 with a body that is not JSON. */
  invalidJson: 'e0000000000000000000000000000bad',
  /** 200 with JSON of the wrong shape. */
  wrongShape: 'e0000000000000000000000000000bef',
  /** Simply not there (any unknown ID is not found, this one is named for readability). */
  notFound: 'e4000000000000000000000000000404',
} as const;

export function findMockTrace(traces: readonly MockTrace[], traceId: string): MockTrace | undefined {
  return traces.find((t) => t.traceId === traceId);
}
