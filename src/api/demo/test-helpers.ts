// Shared by the demo's tests: generate traces and walk their parent links.
import type { RawSpan } from '../../model/types';
import { decodeDemoTraceId, demoTraceId, type DemoScenario } from './demo-trace-id';
import { generateDemoSpans } from './scenarios';

export function generate(scenario: DemoScenario, seed: number, spanCount?: number): RawSpan[] {
  const id = demoTraceId({ scenario, seed, spanCount });
  return generateDemoSpans(id, decodeDemoTraceId(id)!);
}

export function endUs(span: RawSpan): number {
  return span.startUs! + span.durationUs!;
}

export function childrenByParent(spans: readonly RawSpan[]): Map<string, RawSpan[]> {
  const map = new Map<string, RawSpan[]>();
  for (const span of spans) {
    if (span.parentSpanId === null) continue;
    const list = map.get(span.parentSpanId) ?? [];
    list.push(span);
    map.set(span.parentSpanId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.startUs! - b.startUs!);
  return map;
}

/** Longest run of sequential (non-overlapping) same-name siblings, e.g. an N+1 query loop. */
export function longestSequentialRun(spans: readonly RawSpan[]): { name: string; length: number } {
  let best = { name: '', length: 0 };
  for (const siblings of childrenByParent(spans).values()) {
    let run = 1;
    for (let i = 1; i < siblings.length; i++) {
      const prev = siblings[i - 1]!;
      const cur = siblings[i]!;
      run = cur.name === prev.name && cur.startUs! >= endUs(prev) ? run + 1 : 1;
      if (run > best.length) best = { name: cur.name, length: run };
    }
  }
  return best;
}

/** Largest number of same-name siblings running at the same moment (fan-out). */
export function widestParallelFanOut(spans: readonly RawSpan[]): number {
  let best = 0;
  for (const siblings of childrenByParent(spans).values()) {
    const byName = new Map<string, RawSpan[]>();
    for (const s of siblings) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
    for (const group of byName.values()) {
      for (const s of group) {
        const overlapping = group.filter((o) => o.startUs! <= s.startUs! && endUs(o) > s.startUs!).length;
        best = Math.max(best, overlapping);
      }
    }
  }
  return best;
}
