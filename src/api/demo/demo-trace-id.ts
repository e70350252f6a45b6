// Demo trace IDs describe their own trace, so `getTrace` can regenerate any trace from its ID
// alone (nothing is stored). Layout of the 32 lower-hex characters:
//
//   [0, 8)   trace seed (32 bit) — first, so the short IDs the UI shows look random and differ
//   [8, 10)  scenario index (DEMO_SCENARIOS)
//   [10, 21) trace start, epoch milliseconds (the sub-millisecond part comes from the seed)
//   [21, 26) requested span count (0 = the scenario's natural size; only large jobs use it)
//   [26, 28) "d1": demo ID, layout version 1
//   [28, 32) checksum over [0, 28), so arbitrary hex is almost never mistaken for a demo ID

import { hash32, hashText } from './prng';

export const DEMO_SCENARIOS = [
  'home-page',
  'browse-product',
  'search-products',
  'add-to-cart',
  'checkout',
  'order-history',
  'login',
  'sales-report',
  'reindex-catalog',
] as const;

export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/** Fixed start of traces whose ID was made without a start time (docs, tests, benchmarks). */
export const DEMO_ANCHOR_US = Date.UTC(2025, 0, 15, 2, 0, 0) * 1000;

export const MAX_DEMO_SPAN_COUNT = 0xfffff;
export const MIN_LARGE_SPAN_COUNT = 50;
const VERSION_MARK = 'd1';

export interface DemoTraceSpec {
  scenario: DemoScenario;
  /** Any 32-bit unsigned integer; the whole trace follows from it. */
  seed: number;
  /** Only for 'reindex-catalog': exactly how many spans to generate. */
  spanCount?: number;
  /** Trace start, epoch µs; kept to the millisecond (the µs part comes from the seed). */
  startUs?: number;
}

export interface DecodedDemoTraceId {
  scenario: DemoScenario;
  seed: number;
  /** 0 for scenarios of natural size. */
  spanCount: number;
  /** Exact trace start, epoch µs (integer). */
  startUs: number;
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

function checksum(body: string): string {
  return hex(hash32(hashText(body), 0x5ce1) & 0xffff, 4);
}

/** The µs within the millisecond, derived from the seed so starts are not suspiciously round. */
function subMillisecondUs(seed: number): number {
  return hash32(seed, 0x3e8) % 1000;
}

export function demoTraceId(spec: DemoTraceSpec): string {
  const scenarioIndex = DEMO_SCENARIOS.indexOf(spec.scenario);
  if (scenarioIndex < 0) throw new RangeError(`Unknown demo scenario "${String(spec.scenario)}".`);
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff) {
    throw new RangeError(`Demo seed must be a 32-bit unsigned integer, got ${spec.seed}.`);
  }
  const isLarge = spec.scenario === 'reindex-catalog';
  const spanCount = spec.spanCount ?? (isLarge ? 1000 : 0);
  if (isLarge) {
    if (!Number.isInteger(spanCount) || spanCount < MIN_LARGE_SPAN_COUNT || spanCount > MAX_DEMO_SPAN_COUNT) {
      throw new RangeError(
        `Span count for ${spec.scenario} must be an integer in [${MIN_LARGE_SPAN_COUNT}, ${MAX_DEMO_SPAN_COUNT}], got ${spanCount}.`,
      );
    }
  } else if (spanCount !== 0) {
    throw new RangeError(`Scenario ${spec.scenario} has a natural size; spanCount is only for reindex-catalog.`);
  }
  const startMs = Math.floor((spec.startUs ?? DEMO_ANCHOR_US) / 1000);
  if (!(startMs >= 0 && startMs < 16 ** 11)) throw new RangeError(`Start time out of range: ${spec.startUs}.`);
  const body = hex(spec.seed, 8) + hex(scenarioIndex, 2) + hex(startMs, 11) + hex(spanCount, 5) + VERSION_MARK;
  return body + checksum(body);
}

/** Reads a demo trace ID; null when `traceId` is not one (wrong shape, mark or checksum). */
export function decodeDemoTraceId(traceId: string): DecodedDemoTraceId | null {
  const id = traceId.trim().toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const body = id.slice(0, 28);
  if (id.slice(26, 28) !== VERSION_MARK || id.slice(28) !== checksum(body)) return null;
  const scenario = DEMO_SCENARIOS[parseInt(id.slice(8, 10), 16)];
  if (scenario === undefined) return null;
  const seed = parseInt(id.slice(0, 8), 16);
  const spanCount = parseInt(id.slice(21, 26), 16);
  const isLarge = scenario === 'reindex-catalog';
  if (isLarge ? spanCount < MIN_LARGE_SPAN_COUNT : spanCount !== 0) return null;
  const startMs = parseInt(id.slice(10, 21), 16);
  return { scenario, seed, spanCount, startUs: startMs * 1000 + subMillisecondUs(seed) };
}

/** The large traces every demo backend can open: for docs, end-to-end tests and benchmarks. */
export const DEMO_LARGE_TRACES: readonly { id: string; spanCount: number; label: string }[] = [
  { spanCount: 1_000, label: 'reindex-catalog, 1k spans' },
  { spanCount: 10_000, label: 'reindex-catalog, 10k spans' },
  { spanCount: 100_000, label: 'reindex-catalog, 100k spans' },
].map(({ spanCount, label }) => ({
  id: demoTraceId({ scenario: 'reindex-catalog', seed: 0x5ce1_0000 + spanCount, spanCount }),
  spanCount,
  label,
}));
