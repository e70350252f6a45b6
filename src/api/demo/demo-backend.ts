// The built-in demo backend: a TraceBackend over generated traces of a made-up shop. Nothing is
// stored and nothing goes over the network; every trace is regenerated from its ID on demand.

import { buildServiceGraph } from '../../model/service-graph';
import { buildTrace } from '../../model/build-trace';
import { summariseTrace } from '../../model/trace-summary';
import type { RawSpan, Trace, TraceSummary } from '../../model/types';
import { BackendError, type DependencyResult, type LoadedTrace, type SearchQuery, type TraceBackend } from '../backend';
import { decodeDemoTraceId, type DecodedDemoTraceId } from './demo-trace-id';
import { batchJobTraces, NORMAL_SCENARIOS, normalTraces, type Candidate } from './population';
import { generateDemoSpans, SCENARIO_ROOTS, SCENARIO_SERVICES } from './scenarios';
import { parseLogfmtTags, rawTraceDurationUs, traceMatches, type SpanCriteria } from './span-query';
import { DEMO_OPERATIONS, DEMO_SERVICES } from './topology';

export interface DemoBackendOptions {
  id?: string;
  name?: string;
  /** Seeds the trace population; the same seed always gives the same traces. */
  seed?: number;
  /** The demo's clock (epoch µs): no trace starts after it. Tests pin it. */
  nowUs?: () => number;
}

export const DEFAULT_DEMO_SEED = 0x5ce1;

/** At most this many traces are generated to answer one search (keeps filtered searches fast). */
export const MAX_SEARCH_SCAN = 2_500;
/** Large traces are expensive: at most this many are generated per search. */
const MAX_LARGE_SCAN = 8;
/** Dependencies are derived from at most this many recent traces of the window. */
export const MAX_DEPENDENCY_TRACES = 400;
const SUMMARY_CACHE_SIZE = 512;
const MAX_LIMIT = 1_500;

interface DemoRaw {
  format: 'skein-demo';
  traceId: string;
  generator: { scenario: string; seed: number; spanCount: number; startUs: number };
  spans: RawSpan[];
}

function throwIfAborted(signal: AbortSignal | undefined, name: string): void {
  if (signal?.aborted) throw new BackendError('aborted', name, `The request to ${name} was cancelled.`);
}

/** Lets a pending abort (or a repaint) happen before a long synchronous generation. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Merges two most-recent-first streams into one. */
function* mergeByStartDesc(a: Iterator<Candidate>, b: Iterator<Candidate>): Generator<Candidate> {
  let x = a.next();
  let y = b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.startUs >= y.value.startUs)) {
      yield x.value as Candidate;
      x = a.next();
    } else {
      yield y.value;
      y = b.next();
    }
  }
}

export function createDemoBackend(options: DemoBackendOptions = {}): TraceBackend {
  const id = options.id ?? 'demo';
  const name = options.name ?? 'Demo';
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const nowUs = options.nowUs ?? (() => Date.now() * 1000);
  // Summaries never change for an ID, so a small LRU spares regenerating the same traces.
  const summaries = new Map<string, TraceSummary>();

  function remember(summary: TraceSummary): TraceSummary {
    summaries.delete(summary.traceId);
    summaries.set(summary.traceId, summary);
    if (summaries.size > SUMMARY_CACHE_SIZE) summaries.delete(summaries.keys().next().value as string);
    return summary;
  }

  function spansOf(candidate: Candidate): RawSpan[] {
    const decoded = decodeDemoTraceId(candidate.traceId) as DecodedDemoTraceId;
    return generateDemoSpans(candidate.traceId, decoded);
  }

  function summaryOf(candidate: Candidate, spans?: RawSpan[]): TraceSummary {
    const cached = summaries.get(candidate.traceId);
    if (cached) return cached;
    return remember(summariseTrace(buildTrace(spans ?? spansOf(candidate), 'demo')));
  }

  return {
    id,
    type: 'demo',
    name,

    async getServices(signal) {
      throwIfAborted(signal, name);
      return DEMO_SERVICES.map((s) => s.name).sort();
    },

    async getOperations(service, signal) {
      throwIfAborted(signal, name);
      return [...(DEMO_OPERATIONS[service] ?? [])].sort();
    },

    async searchTraces(query: SearchQuery, signal) {
      throwIfAborted(signal, name);
      if (query.traceql?.trim()) {
        throw new BackendError(
          'unsupported',
          name,
          `${name} does not understand TraceQL. Search by service, operation and tags instead.`,
        );
      }
      const service = query.service?.trim() || undefined;
      const operation = query.operation?.trim() || undefined;
      const criteria: SpanCriteria = { service, operation, tags: parseLogfmtTags(query.tags) };
      const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit) || 20));
      const endUs = Math.min(query.endUs, nowUs());
      const minUs = query.minDurationUs ?? 0;
      const maxUs = query.maxDurationUs ?? Infinity;

      if (service !== undefined && DEMO_OPERATIONS[service] === undefined) return [];
      if (service !== undefined && operation !== undefined && !DEMO_OPERATIONS[service]!.includes(operation)) return [];

      // Skip scenarios that cannot contain the service, or any service with the operation.
      const scenarios = NORMAL_SCENARIOS.filter((s) =>
        SCENARIO_SERVICES[s].some(
          (candidate) =>
            (service === undefined || candidate === service) &&
            (operation === undefined || (DEMO_OPERATIONS[candidate] ?? []).includes(operation)),
        ),
      );
      // Large traces only when asked for: searching the batch service or its job by name.
      const large = SCENARIO_ROOTS['reindex-catalog'];
      const wantsLarge = service === large.service || (service === undefined && operation === large.operation);
      const normal = normalTraces(seed, query.startUs, endUs, scenarios);
      const candidates = wantsLarge ? mergeByStartDesc(normal, batchJobTraces(seed, query.startUs, endUs)) : normal;
      // When every reindex trace matches by its root span, its summary alone decides.
      const largeMatchesByRoot = wantsLarge && criteria.tags.length === 0 && (operation === undefined || operation === large.operation);

      const results: TraceSummary[] = [];
      let scanned = 0;
      let largeScanned = 0;
      for (const candidate of candidates) {
        if (scanned++ >= MAX_SEARCH_SCAN) break;
        if ((scanned & 63) === 0) throwIfAborted(signal, name);
        let summary: TraceSummary;
        if (candidate.spanCount > 0) {
          if (!largeMatchesByRoot) {
            if (largeScanned++ >= MAX_LARGE_SCAN) continue;
            const spans = spansOf(candidate);
            if (!traceMatches(spans, criteria)) continue;
            summary = summaryOf(candidate, spans);
          } else {
            if (summaries.has(candidate.traceId) === false && largeScanned++ >= MAX_LARGE_SCAN) continue;
            if (results.length > 0) {
              await yieldToEventLoop();
              throwIfAborted(signal, name);
            }
            summary = summaryOf(candidate);
          }
        } else {
          const cached = criteria.service === undefined && criteria.operation === undefined && criteria.tags.length === 0
            ? summaries.get(candidate.traceId)
            : undefined;
          if (cached) {
            summary = cached;
          } else {
            const spans = spansOf(candidate);
            if (!traceMatches(spans, criteria)) continue;
            const durationUs = rawTraceDurationUs(spans);
            if (durationUs < minUs || durationUs > maxUs) continue;
            summary = summaryOf(candidate, spans);
          }
        }
        if (summary.durationUs < minUs || summary.durationUs > maxUs) continue;
        results.push(summary);
        if (results.length >= limit) break;
      }
      throwIfAborted(signal, name);
      return results;
    },

    async getTrace(traceId, signal) {
      throwIfAborted(signal, name);
      const decoded = decodeDemoTraceId(traceId);
      if (decoded === null) throw new BackendError('not-found', name, `Trace ${traceId} was not found in ${name}.`);
      const canonicalId = traceId.trim().toLowerCase();
      if (decoded.spanCount > 5_000) {
        await yieldToEventLoop();
        throwIfAborted(signal, name);
      }
      const spans = generateDemoSpans(canonicalId, decoded);
      throwIfAborted(signal, name);
      const trace = buildTrace(spans, 'demo');
      const raw: DemoRaw = {
        format: 'skein-demo',
        traceId: canonicalId,
        generator: { scenario: decoded.scenario, seed: decoded.seed, spanCount: decoded.spanCount, startUs: decoded.startUs },
        spans,
      };
      const loaded: LoadedTrace = { trace, raw };
      return loaded;
    },

    async getDependencies(window, signal): Promise<DependencyResult> {
      throwIfAborted(signal, name);
      const endUs = Math.min(window.endUs, nowUs());
      const traces: Trace[] = [];
      for (const candidate of normalTraces(seed, window.startUs, endUs)) {
        if (traces.length >= MAX_DEPENDENCY_TRACES) break;
        if ((traces.length & 63) === 0) throwIfAborted(signal, name);
        traces.push(buildTrace(spansOf(candidate), 'demo'));
      }
      // One small re-index run brings in the batch job's edges without a large generation.
      for (const candidate of batchJobTraces(seed, window.startUs, endUs)) {
        if (candidate.spanCount > 1_000) continue;
        traces.push(buildTrace(spansOf(candidate), 'demo'));
        break;
      }
      throwIfAborted(signal, name);
      return {
        links: buildServiceGraph(traces),
        source: `derived from ${traces.length} demo traces`,
        traceCount: traces.length,
      };
    },
  };
}
