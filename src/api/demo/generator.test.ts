import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../model/build-trace';
import type { RawSpan } from '../../model/types';
import { DEMO_LARGE_TRACES, DEMO_SCENARIOS, decodeDemoTraceId, type DemoScenario } from './demo-trace-id';
import { hashText } from './prng';
import { generateDemoSpans, SCENARIO_ROOTS, SCENARIO_SERVICES } from './scenarios';
import { endUs, generate, longestSequentialRun, widestParallelFanOut } from './test-helpers';
import { DEMO_OPERATIONS, DEMO_SERVICES } from './topology';

const NORMAL: DemoScenario[] = DEMO_SCENARIOS.filter((s) => s !== 'reindex-catalog');
const SEEDS = Array.from({ length: 60 }, (_, i) => 1 + i * 7919);
const sample: { scenario: DemoScenario; spans: RawSpan[] }[] = NORMAL.flatMap((scenario) =>
  SEEDS.map((seed) => ({ scenario, spans: generate(scenario, seed) })),
);
const largeSample = generate('reindex-catalog', 11, 3_000);
const allSamples = [...sample.map((s) => s.spans), largeSample];

function attrValue(span: RawSpan, key: string): unknown {
  return span.attributes.find((a) => a.key === key)?.value;
}

describe('determinism', () => {
  it('gives identical spans for the same ID, different spans for another seed', () => {
    for (const scenario of DEMO_SCENARIOS) {
      const size = scenario === 'reindex-catalog' ? 500 : undefined;
      const a = JSON.stringify(generate(scenario, 42, size));
      expect(JSON.stringify(generate(scenario, 42, size))).toBe(a);
      expect(JSON.stringify(generate(scenario, 43, size))).not.toBe(a);
    }
  });

  it('matches a pinned fingerprint, so output is the same on every machine and engine', () => {
    // Update these only when the generator changes on purpose.
    const fingerprint = NORMAL.map((s) => hashText(JSON.stringify(generate(s, 2024))).toString(16)).join(' ');
    expect(fingerprint).toBe('79ffc40e 823954c0 218d029d 1253495e f4b7773 35d74d9a 3d3315e4 c6cb298');
    expect(hashText(JSON.stringify(generate('reindex-catalog', 2024, 1_000))).toString(16)).toBe('fb5a317b');
  });
});

describe('structure', () => {
  it('has no orphans, unique span IDs, one root and every duration set', () => {
    for (const spans of allSamples) {
      const ids = new Set(spans.map((s) => s.spanId));
      expect(ids.size).toBe(spans.length);
      expect(spans.filter((s) => s.parentSpanId === null)).toHaveLength(1);
      for (const span of spans) {
        if (span.parentSpanId !== null) expect(ids.has(span.parentSpanId)).toBe(true);
        expect(span.durationUs).toBeGreaterThan(0);
        expect(Number.isInteger(span.startUs)).toBe(true);
        expect(span.traceId).toBe(spans[0]!.traceId);
        expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      }
      const trace = buildTrace(spans, 'demo');
      expect(trace.issues.orphanSpanIndices).toEqual([]);
      expect(trace.issues.duplicateSpanIds).toEqual([]);
      expect(trace.issues.cycleSpanIndices).toEqual([]);
    }
  });

  it('starts children within their parents, except async consumers which start after the producer ends', () => {
    let consumers = 0;
    for (const spans of allSamples) {
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      for (const span of spans) {
        if (span.parentSpanId === null) continue;
        const parent = byId.get(span.parentSpanId)!;
        if (span.kind === 'consumer') {
          consumers++;
          expect(parent.kind).toBe('producer');
          expect(span.startUs!).toBeGreaterThanOrEqual(endUs(parent));
          continue;
        }
        expect(span.startUs!).toBeGreaterThanOrEqual(parent.startUs!);
        expect(span.startUs!).toBeLessThanOrEqual(endUs(parent));
        // Ends too, unless the caller gave up (timeout) and the server kept working.
        const callerTimedOut = ['timeout', 'DEADLINE_EXCEEDED'].includes(String(attrValue(parent, 'error.type')));
        if (!callerTimedOut) expect(endUs(span)).toBeLessThanOrEqual(endUs(parent));
      }
    }
    expect(consumers).toBeGreaterThan(20);
  });

  it('keeps normal traces between 5 and 300 spans', () => {
    const sizes = sample.map((s) => s.spans.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(300);
    expect(Math.max(...sizes)).toBeGreaterThan(100);
  });

  it('starts each scenario at its declared root and stays inside its declared services', () => {
    for (const { scenario, spans } of [...sample, { scenario: 'reindex-catalog' as const, spans: largeSample }]) {
      const root = spans.find((s) => s.parentSpanId === null)!;
      expect({ service: root.serviceName, operation: root.name }).toEqual(SCENARIO_ROOTS[scenario]);
      for (const span of spans) expect(SCENARIO_SERVICES[scenario]).toContain(span.serviceName);
    }
  });

  it('emits exactly the operations the topology lists', () => {
    const seen = new Map<string, Set<string>>();
    for (const spans of allSamples) {
      for (const s of spans) {
        expect(DEMO_OPERATIONS[s.serviceName], `${s.serviceName}: ${s.name}`).toContain(s.name);
        seen.set(s.serviceName, (seen.get(s.serviceName) ?? new Set()).add(s.name));
      }
    }
    // Nothing stale in the list: every listed operation shows up in the sample.
    for (const [service, operations] of Object.entries(DEMO_OPERATIONS)) {
      expect([...(seen.get(service) ?? [])].sort(), service).toEqual([...operations].sort());
    }
  });
});

describe('realism', () => {
  it('uses 12–16 services, with the resource attributes of real SDKs', () => {
    const services = new Set(allSamples.flatMap((spans) => spans.map((s) => s.serviceName)));
    expect(services.size).toBeGreaterThanOrEqual(12);
    expect(services.size).toBeLessThanOrEqual(20);
    expect(services.size).toBe(DEMO_SERVICES.length);
    const keys = new Set(largeSample[0]!.resourceAttributes.map((a) => a.key));
    for (const key of ['service.name', 'service.version', 'host.name', 'k8s.pod.name', 'telemetry.sdk.language', 'deployment.environment']) {
      expect(keys).toContain(key);
    }
  });

  it('speaks HTTP, gRPC, SQL, Redis and Kafka with semantic-convention attributes', () => {
    const spans = sample.flatMap((s) => s.spans);
    const has = (pred: (s: RawSpan) => boolean) => spans.some(pred);
    expect(has((s) => s.kind === 'server' && attrValue(s, 'http.route') !== undefined && attrValue(s, 'user_agent.original') !== undefined)).toBe(true);
    expect(has((s) => s.kind === 'client' && typeof attrValue(s, 'http.response.status_code') === 'number' && attrValue(s, 'server.address') !== undefined)).toBe(true);
    expect(has((s) => attrValue(s, 'rpc.system') === 'grpc' && attrValue(s, 'rpc.grpc.status_code') === 14)).toBe(true);
    expect(has((s) => attrValue(s, 'db.system') === 'postgresql' && attrValue(s, 'db.query.text') !== undefined && attrValue(s, 'db.collection.name') !== undefined)).toBe(true);
    expect(has((s) => attrValue(s, 'db.system') === 'postgresql' && attrValue(s, 'db.statement') !== undefined)).toBe(true);
    expect(has((s) => attrValue(s, 'db.system') === 'redis' && attrValue(s, 'cache.hit') === false)).toBe(true);
    expect(has((s) => s.kind === 'producer' && attrValue(s, 'messaging.system') === 'kafka')).toBe(true);
    expect(has((s) => s.kind === 'consumer' && attrValue(s, 'messaging.consumer.group.name') !== undefined)).toBe(true);
  });

  it('has errors of several kinds, with status messages and exception events', () => {
    const traces = sample.map((s) => s.spans);
    const errorTraces = traces.filter((spans) => spans.some((s) => s.status === 'error'));
    // Some, not most: between 2% and 20% of traces.
    expect(errorTraces.length / traces.length).toBeGreaterThan(0.02);
    expect(errorTraces.length / traces.length).toBeLessThan(0.2);
    const errors = traces.flat().filter((s) => s.status === 'error');
    expect(errors.every((s) => s.statusMessage !== '')).toBe(true);
    expect(errors.some((s) => Number(attrValue(s, 'http.response.status_code')) >= 500)).toBe(true);
    expect(errors.some((s) => attrValue(s, 'error.type') === 'DEADLINE_EXCEEDED' || attrValue(s, 'error.type') === 'timeout')).toBe(true);
    expect(errors.some((s) => attrValue(s, 'rpc.grpc.status_code') === 14)).toBe(true);
    const exceptions = traces.flat().flatMap((s) => s.events.filter((e) => e.name === 'exception'));
    expect(exceptions.length).toBeGreaterThan(5);
    for (const e of exceptions) {
      const keys = e.attributes.map((a) => a.key);
      expect(keys).toEqual(expect.arrayContaining(['exception.type', 'exception.message', 'exception.stacktrace']));
    }
  });

  it('has other events: cache misses and retries with backoff', () => {
    const names = new Set(sample.flatMap((s) => s.spans.flatMap((span) => span.events.map((e) => e.name))));
    expect(names).toContain('cache miss');
    expect(names).toContain('retry');
  });

  it('has N+1 runs of a dozen sequential identical queries', () => {
    const runs = sample.filter((s) => s.scenario === 'order-history').map((s) => longestSequentialRun(s.spans));
    expect(runs.every((r) => r.name === 'SELECT orders' && r.length >= 12)).toBe(true);
  });

  it('has parallel fan-out to inventory, one call per cart item', () => {
    const fanOuts = sample.filter((s) => s.scenario === 'checkout').map((s) => widestParallelFanOut(s.spans));
    expect(Math.max(...fanOuts)).toBeGreaterThanOrEqual(8);
  });

  it('has slow outliers 5–20× the median of their operation', () => {
    const checkoutDurations = sample
      .filter((s) => s.scenario === 'checkout' || s.scenario === 'browse-product')
      .map((s) => {
        const root = s.spans.find((x) => x.parentSpanId === null)!;
        return { scenario: s.scenario, durationUs: root.durationUs! };
      });
    for (const scenario of ['checkout', 'browse-product'] as const) {
      const durations = checkoutDurations.filter((d) => d.scenario === scenario).map((d) => d.durationUs).sort((a, b) => a - b);
      const median = durations[durations.length >> 1]!;
      expect(durations[durations.length - 1]! / median, scenario).toBeGreaterThan(4);
    }
  });
});

describe('large traces', () => {
  it('generates exactly the requested number of spans, deep and wide', () => {
    for (const count of [50, 51, 57, 999, 1_000, 3_333, 10_000]) {
      const spans = generate('reindex-catalog', count, count);
      expect(spans).toHaveLength(count);
    }
    const trace = buildTrace(generate('reindex-catalog', 5, 10_000), 'demo');
    expect(trace.depth).toBeGreaterThanOrEqual(10);
    expect(Math.max(...trace.columns.childCount)).toBeGreaterThanOrEqual(50);
    expect(trace.services.map((s) => s.name).sort()).toEqual(['batch-jobs', 'search']);
  });

  it('generates the 100k trace with exactly 100,000 spans', () => {
    const big = DEMO_LARGE_TRACES.find((t) => t.spanCount === 100_000)!;
    const spans = generateDemoSpans(big.id, decodeDemoTraceId(big.id)!);
    const trace = buildTrace(spans, 'demo');
    expect(spans).toHaveLength(100_000);
    expect(trace.spans).toHaveLength(100_000);
    expect(trace.issues.orphanSpanIndices).toHaveLength(0);
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(100_000);
  });
});
