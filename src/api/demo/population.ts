// Which demo traces "exist" when. Time is cut into fixed slots; each slot holds a few traces per
// scenario, decided by hashing (backend seed, scenario, slot). The same window therefore always
// yields the same trace IDs, whenever and however often it is asked for, without storing anything.

import { DEMO_SCENARIOS, decodeDemoTraceId, demoTraceId, type DemoScenario } from './demo-trace-id';
import { hash32 } from './prng';

export const SLOT_US = 20_000_000;
const SLOT_MS = SLOT_US / 1000;
const HOUR_US = 3_600_000_000;
/** Searches look back at most this far from the window's end: keeps absurd windows cheap. */
export const MAX_LOOKBACK_US = 31 * 24 * HOUR_US;

/** Expected traces per 20 s slot at the daily average (a few per minute per root operation). */
const RATES: Partial<Record<DemoScenario, number>> = {
  'home-page': 1.4,
  'browse-product': 2.2,
  'search-products': 1.2,
  'add-to-cart': 0.8,
  checkout: 0.5,
  'order-history': 0.6,
  login: 0.5,
  'sales-report': 0.08,
};

export const NORMAL_SCENARIOS = DEMO_SCENARIOS.filter((s) => RATES[s] !== undefined);

export interface Candidate {
  traceId: string;
  scenario: DemoScenario;
  startUs: number;
  spanCount: number;
}

/**
 * Shop traffic follows the day (UTC hours): busiest in the European afternoon, quiet at night.
 * A table rather than Math.cos so every JS engine computes exactly the same counts.
 */
const HOURLY_FACTOR = [
  0.35, 0.28, 0.25, 0.25, 0.3, 0.4, 0.55, 0.7, 0.85, 0.95, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.25, 1.2, 1.3, 1.4, 1.35,
  1.1, 0.8, 0.5,
];

function dailyFactor(timeUs: number): number {
  return HOURLY_FACTOR[Math.floor(timeUs / HOUR_US) % 24] ?? 1;
}

function slotCandidates(seed: number, slot: number, scenarios: readonly DemoScenario[]): Candidate[] {
  const list: Candidate[] = [];
  const factor = dailyFactor(slot * SLOT_US);
  for (const scenario of scenarios) {
    const scenarioIndex = DEMO_SCENARIOS.indexOf(scenario);
    const rate = (RATES[scenario] ?? 0) * factor;
    const whole = Math.floor(rate);
    const count = whole + (hash32(seed, scenarioIndex, slot, 1) / 4294967296 < rate - whole ? 1 : 0);
    for (let j = 0; j < count; j++) {
      const traceSeed = hash32(seed, scenarioIndex, slot, j + 2);
      const startMs = slot * SLOT_MS + (hash32(traceSeed, 3) % SLOT_MS);
      const traceId = demoTraceId({ scenario, seed: traceSeed, startUs: startMs * 1000 });
      list.push({ traceId, scenario, startUs: decodeDemoTraceId(traceId)!.startUs, spanCount: 0 });
    }
  }
  return list;
}

/**
 * Normal traces with start in [startUs, endUs], most recent first, lazily (callers stop early).
 * `scenarios` limits which scenarios are produced (pruning for service filters).
 */
export function* normalTraces(
  seed: number,
  startUs: number,
  endUs: number,
  scenarios: readonly DemoScenario[] = NORMAL_SCENARIOS,
): Generator<Candidate> {
  if (endUs < startUs || scenarios.length === 0) return;
  const last = Math.floor(endUs / SLOT_US);
  const first = Math.max(Math.floor(startUs / SLOT_US), last - MAX_LOOKBACK_US / SLOT_US);
  for (let slot = last; slot >= first; slot--) {
    const list = slotCandidates(seed, slot, scenarios).filter((c) => c.startUs >= startUs && c.startUs <= endUs);
    list.sort((a, b) => b.startUs - a.startUs || (a.traceId < b.traceId ? -1 : 1));
    yield* list;
  }
}

/**
 * The catalog re-index job: a 1k-span delta run every hour, 10k every six hours, and the
 * nightly full run at 02:00 UTC with 100k spans. Most recent first.
 */
export function* batchJobTraces(seed: number, startUs: number, endUs: number): Generator<Candidate> {
  if (endUs < startUs) return;
  const last = Math.floor(endUs / HOUR_US);
  const first = Math.max(Math.floor(startUs / HOUR_US), last - MAX_LOOKBACK_US / HOUR_US);
  for (let hour = last; hour >= first; hour--) {
    const hourOfDay = hour % 24;
    const spanCount = hourOfDay === 2 ? 100_000 : hourOfDay % 6 === 0 ? 10_000 : 1_000;
    const traceSeed = hash32(seed, 0xba7c, hour);
    const startMs = hour * (HOUR_US / 1000) + 1_000 + (hash32(traceSeed, 5) % 4_000);
    const traceId = demoTraceId({ scenario: 'reindex-catalog', seed: traceSeed, spanCount, startUs: startMs * 1000 });
    const start = decodeDemoTraceId(traceId)!.startUs;
    if (start >= startUs && start <= endUs) yield { traceId, scenario: 'reindex-catalog', startUs: start, spanCount };
  }
}
