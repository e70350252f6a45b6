import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTrace } from './build-trace';
import { SpanFlag, type RawSpan, type Trace } from './types';
import { rawSpan, rawSpansFromSpecs, TEST_EPOCH_US, traceFromSpecs } from './testing/raw-span';

const ids = (t: Trace) => t.spans.map((s) => s.spanId);
const hasFlag = (t: Trace, i: number, f: SpanFlag) => (t.columns.flags[i]! & f) !== 0;

/** Structural invariants every Trace must satisfy. Returns a list of violations (empty = ok). */
function invariantViolations(trace: Trace, input: readonly RawSpan[]): string[] {
  const problems: string[] = [];
  const n = trace.spans.length;
  if (n !== input.length) problems.push(`span count ${n} != ${input.length}`);
  // Exactly the input spans: every input object's identity fields appear once per copy.
  const key = (s: { spanId: string; parentSpanId: string | null; name: string }) =>
    `${s.spanId}|${s.parentSpanId}|${s.name}`;
  const want = input.map(key).sort();
  const got = trace.spans.map(key).sort();
  if (JSON.stringify(want) !== JSON.stringify(got)) problems.push('span multiset differs');
  const c = trace.columns;
  for (let i = 0; i < n; i++) {
    const s = trace.spans[i]!;
    if (s.index !== i) problems.push(`index ${i}`);
    const p = c.parent[i]!;
    if (p !== s.parentIndex) problems.push(`parent column ${i}`);
    if (p >= i) problems.push(`parent ${p} not before child ${i}`);
    if (p === -1) {
      if (c.depth[i] !== 0) problems.push(`root depth ${i}`);
    } else {
      if (c.depth[i] !== c.depth[p]! + 1) problems.push(`depth ${i}`);
      if (!(i < c.subtreeEnd[p]!)) problems.push(`child ${i} outside parent subtree`);
      if (c.subtreeEnd[i]! > c.subtreeEnd[p]!) problems.push(`subtree ${i} exceeds parent`);
    }
    // subtreeEnd = first later span that is not a descendant.
    const end = c.subtreeEnd[i]!;
    for (let j = i + 1; j < end; j++) if (c.depth[j]! <= c.depth[i]!) problems.push(`subtree ${i} contains ${j}`);
    if (end < n && c.depth[end]! > c.depth[i]!) problems.push(`subtree ${i} ends early`);
    if (c.childCount[i] !== s.childIndices.length) problems.push(`childCount ${i}`);
    if (((c.flags[i]! & SpanFlag.HasChildren) !== 0) !== s.childIndices.length > 0) problems.push(`HasChildren ${i}`);
    for (const ch of s.childIndices) if (c.parent[ch] !== i) problems.push(`child link ${i}->${ch}`);
    // children sorted by start
    for (let k = 1; k < s.childIndices.length; k++) {
      if (c.startUs[s.childIndices[k]!]! < c.startUs[s.childIndices[k - 1]!]!) problems.push(`child order ${i}`);
    }
  }
  const roots = [];
  for (let i = 0; i < n; i++) if (c.parent[i] === -1) roots.push(i);
  if (JSON.stringify(roots) !== JSON.stringify(trace.rootIndices)) problems.push('rootIndices');
  return problems;
}

describe('buildTrace: tree', () => {
  it('orders spans depth-first, roots and children by start, ties by input order', () => {
    // time →   0    10   20   30   40
    // root     [=======================]
    //   b           [====]
    //   a      [==]                       (a starts first, so it comes before b)
    //     a1     [=]
    //   c           [====]                (same start as b, later in input)
    // root2                [===]          (second root, starts at 25)
    const t = traceFromSpecs([
      { id: 'root2', start: 25, duration: 5 },
      { id: 'b', parent: 'root', start: 10, duration: 10 },
      { id: 'root', start: 0, duration: 40 },
      { id: 'c', parent: 'root', start: 10, duration: 10 },
      { id: 'a1', parent: 'a', start: 2, duration: 2 },
      { id: 'a', parent: 'root', start: 0, duration: 5 },
    ]);
    expect(ids(t)).toEqual(['root', 'a', 'a1', 'b', 'c', 'root2']);
    expect(t.rootIndices).toEqual([0, 5]);
    expect(Array.from(t.columns.depth)).toEqual([0, 1, 2, 1, 1, 0]);
    expect(Array.from(t.columns.parent)).toEqual([-1, 0, 1, 0, 0, -1]);
    expect(Array.from(t.columns.subtreeEnd)).toEqual([5, 3, 3, 4, 5, 6]);
    expect(Array.from(t.columns.childCount)).toEqual([3, 1, 0, 0, 0, 0]);
    expect(t.spans[0]!.childIndices).toEqual([1, 3, 4]);
    expect(t.depth).toBe(3);
    expect(t.durationUs).toBe(40);
    expect(hasFlag(t, 0, SpanFlag.HasChildren)).toBe(true);
    expect(hasFlag(t, 2, SpanFlag.HasChildren)).toBe(false);
    expect(t.issues.orphanSpanIndices).toEqual([]);
  });

  it('makes spans with a missing parent extra roots flagged Orphan', () => {
    const t = traceFromSpecs([
      { id: 'root', start: 0, duration: 100 },
      { id: 'lost', parent: 'nowhere', start: 50, duration: 10 },
      { id: 'lostChild', parent: 'lost', start: 55, duration: 1 },
      { id: 'early', parent: 'gone', start: -5, duration: 1 },
    ]);
    expect(ids(t)).toEqual(['early', 'root', 'lost', 'lostChild']);
    expect(t.rootIndices).toEqual([0, 1, 2]);
    expect(t.issues.orphanSpanIndices).toEqual([0, 2]);
    expect(hasFlag(t, 0, SpanFlag.Orphan)).toBe(true);
    expect(hasFlag(t, 2, SpanFlag.Orphan)).toBe(true);
    expect(hasFlag(t, 3, SpanFlag.Orphan)).toBe(false);
    expect(t.spans[2]!.parentSpanId).toBe('nowhere');
    expect(t.spans[2]!.warnings.join(' ')).toContain('nowhere');
    expect(t.issues.warnings.join(' ')).toContain('2 spans have a parent that is not in this trace');
  });

  it('counts issues with thousands separators, as the rest of the app does', () => {
    const specs = [{ id: 'root', start: 0, duration: 100 }, ...Array.from({ length: 1234 }, (_, i) => ({ id: `o${i}`, parent: `gone${i}`, start: i, duration: 1 }))];
    expect(traceFromSpecs(specs).issues.warnings.join(' ')).toContain('1,234 spans have a parent that is not in this trace');
  });

  it('keeps duplicate span IDs, flags every copy and attaches children to the first copy', () => {
    const t = traceFromSpecs([
      { id: 'root', start: 0, duration: 100 },
      { id: 'dup', parent: 'root', start: 10, duration: 10 },
      { id: 'dup', parent: 'root', start: 5, duration: 10 },
      { id: 'kid', parent: 'dup', start: 12, duration: 1 },
      { id: 'dup', parent: 'dup', start: 30, duration: 1 }, // third copy: child of the first copy
    ]);
    expect(t.spans).toHaveLength(5);
    expect(t.issues.duplicateSpanIds).toEqual([{ spanId: 'dup', count: 3 }]);
    // the first copy (input index 1, start 10) owns 'kid' and the third copy
    const first = t.spans.findIndex((s) => s.spanId === 'dup' && s.startUs === 10);
    expect(t.spans[first]!.childIndices.map((c) => t.spans[c]!.spanId)).toEqual(['kid', 'dup']);
    const dupIdx = t.spans.flatMap((s, i) => (s.spanId === 'dup' ? [i] : []));
    expect(dupIdx).toHaveLength(3);
    for (const i of dupIdx) expect(hasFlag(t, i, SpanFlag.DuplicateId)).toBe(true);
    expect(hasFlag(t, 0, SpanFlag.DuplicateId)).toBe(false);
    expect(t.issues.cycleSpanIndices).toEqual([]);
  });

  it('breaks a self-parent cycle', () => {
    const t = traceFromSpecs([{ id: 'a', parent: 'a', start: 0, duration: 10 }]);
    expect(t.rootIndices).toEqual([0]);
    expect(t.issues.cycleSpanIndices).toEqual([0]);
    expect(hasFlag(t, 0, SpanFlag.CycleCut)).toBe(true);
    expect(hasFlag(t, 0, SpanFlag.Orphan)).toBe(false);
  });

  it('breaks an A→B→C→A cycle at the earliest span, keeping the rest of the chain', () => {
    const t = traceFromSpecs([
      { id: 'a', parent: 'c', start: 20, duration: 5 },
      { id: 'b', parent: 'a', start: 10, duration: 5 },
      { id: 'c', parent: 'b', start: 30, duration: 5 },
      { id: 'tail', parent: 'c', start: 31, duration: 1 },
      { id: 'root', start: 0, duration: 50 },
    ]);
    // b starts first, so b loses its parent link: b → a? no: b's parent is a; cutting b gives
    // b (root) → c → a, and tail hangs off c.
    expect(ids(t)).toEqual(['root', 'b', 'c', 'a', 'tail']);
    expect(t.issues.cycleSpanIndices).toEqual([1]);
    expect(hasFlag(t, 1, SpanFlag.CycleCut)).toBe(true);
    expect(t.rootIndices).toEqual([0, 1]);
  });

  it('handles several independent cycles and an empty input', () => {
    const t = traceFromSpecs([
      { id: 'a', parent: 'b', start: 0, duration: 1 },
      { id: 'b', parent: 'a', start: 1, duration: 1 },
      { id: 'x', parent: 'y', start: 2, duration: 1 },
      { id: 'y', parent: 'x', start: 3, duration: 1 },
    ]);
    expect(t.issues.cycleSpanIndices).toHaveLength(2);
    expect(ids(t)).toEqual(['a', 'b', 'x', 'y']);
    const empty = buildTrace([], 'otlp-json');
    expect(empty.spans).toEqual([]);
    expect(empty.depth).toBe(0);
    expect(empty.durationUs).toBe(0);
    expect(empty.startNs).toBe('0');
  });

  it('builds a 100k-deep chain without recursion', () => {
    const n = 100_000;
    const raws: RawSpan[] = [];
    for (let i = 0; i < n; i++) {
      raws.push(rawSpan({ spanId: `s${i}`, parentSpanId: i === 0 ? null : `s${i - 1}`, startUs: TEST_EPOCH_US + i }));
    }
    const t = buildTrace(raws, 'demo');
    expect(t.depth).toBe(n);
    expect(t.columns.subtreeEnd[0]).toBe(n);
    expect(t.spans[n - 1]!.spanId).toBe(`s${n - 1}`);
  });
});

describe('buildTrace: times', () => {
  it('keeps the absolute start exactly in nanoseconds beyond 2^53', () => {
    const t = buildTrace(
      [
        rawSpan({ spanId: 'a', startUs: 1_704_067_200_123_456, startNsRemainder: 789, durationUs: 1.5 }),
        rawSpan({ spanId: 'b', startUs: 1_704_067_200_123_457, startNsRemainder: 289, durationUs: 1 }),
      ],
      'otlp-json',
    );
    expect(t.startNs).toBe('1704067200123456789');
    expect(t.startUs).toBe(1_704_067_200_123_456);
    expect(t.spans[0]!.startUs).toBe(0);
    expect(t.spans[1]!.startUs).toBeCloseTo(0.5, 9);
    expect(t.durationUs).toBeCloseTo(1.5, 9);
  });

  it('uses the nanosecond remainder to find the earliest span', () => {
    const t = buildTrace(
      [
        rawSpan({ spanId: 'late', startUs: 100, startNsRemainder: 900, durationUs: 1 }),
        rawSpan({ spanId: 'early', startUs: 100, startNsRemainder: 100, durationUs: 1 }),
      ],
      'otlp-json',
    );
    expect(t.startNs).toBe('100100');
    expect(ids(t)).toEqual(['early', 'late']);
    expect(t.spans[1]!.startUs).toBeCloseTo(0.8, 9);
  });

  it('gives spans without a start their parent start (or the trace start) and zero duration', () => {
    const raws = [
      rawSpan({ spanId: 'root', startUs: TEST_EPOCH_US + 10, durationUs: 100 }),
      rawSpan({ spanId: 'p', parentSpanId: 'root', startUs: TEST_EPOCH_US + 40, durationUs: 20 }),
      rawSpan({ spanId: 'noStart', parentSpanId: 'p', startUs: null, durationUs: 5 }),
      rawSpan({ spanId: 'noStartKid', parentSpanId: 'noStart', startUs: null, durationUs: null }),
      rawSpan({ spanId: 'lonely', startUs: null, durationUs: 3 }),
      rawSpan({ spanId: 'noDur', parentSpanId: 'root', startUs: TEST_EPOCH_US + 50, durationUs: null }),
    ];
    const t = buildTrace(raws, 'zipkin-v2');
    const by = (id: string) => t.spans.find((s) => s.spanId === id)!;
    expect(t.startUs).toBe(TEST_EPOCH_US + 10);
    expect(by('noStart').startUs).toBe(30);
    expect(by('noStart').durationUs).toBe(5);
    expect(by('noStartKid').startUs).toBe(30);
    expect(by('noStartKid').durationUs).toBe(0);
    expect(by('lonely').startUs).toBe(0);
    expect(by('noDur').durationUs).toBe(0);
    const missing = t.issues.missingTimeSpanIndices.map((i) => t.spans[i]!.spanId).sort();
    expect(missing).toEqual(['lonely', 'noDur', 'noStart', 'noStartKid']);
    for (const i of t.issues.missingTimeSpanIndices) expect(hasFlag(t, i, SpanFlag.MissingTime)).toBe(true);
    expect(hasFlag(t, 0, SpanFlag.MissingTime)).toBe(false);
  });

  it('lists spans without a start and without a duration separately, keeping what did arrive', () => {
    const t = buildTrace(
      [
        rawSpan({ spanId: 'root', startUs: TEST_EPOCH_US, durationUs: 100 }),
        rawSpan({ spanId: 'noStart', parentSpanId: 'root', startUs: null, durationUs: 15 }),
        rawSpan({ spanId: 'noDur', parentSpanId: 'root', startUs: TEST_EPOCH_US + 20, durationUs: null }),
        rawSpan({ spanId: 'neither', parentSpanId: 'root', startUs: null, durationUs: null }),
      ],
      'jaeger-trace',
    );
    const ids = (list: number[]) => list.map((i) => t.spans[i]!.spanId).sort();
    expect(ids(t.issues.missingStartSpanIndices)).toEqual(['neither', 'noStart']);
    expect(ids(t.issues.missingDurationSpanIndices)).toEqual(['neither', 'noDur']);
    expect(ids(t.issues.missingTimeSpanIndices)).toEqual(['neither', 'noDur', 'noStart']);
    expect(t.spans.find((s) => s.spanId === 'noStart')!.durationUs).toBe(15);
  });

  it('turns event times into offsets from the trace start', () => {
    const t = buildTrace(
      [
        rawSpan({
          spanId: 'a',
          startUs: 1000,
          durationUs: 50,
          events: [
            { timeUs: 1020, name: 'cache miss', attributes: [] },
            { timeUs: null, name: 'no time', attributes: [] },
          ],
        }),
      ],
      'jaeger-api-v1',
    );
    expect(t.spans[0]!.events.map((e) => [e.name, e.timeUs])).toEqual([
      ['cache miss', 20],
      ['no time', 0],
    ]);
  });
});

describe('buildTrace: services, errors, trace IDs', () => {
  it('lists services in order of first appearance in DFS order, with span and error counts', () => {
    const t = traceFromSpecs([
      { id: 'db', parent: 'root', start: 20, duration: 5, service: 'postgres', error: true },
      { id: 'root', start: 0, duration: 50, service: 'frontend' },
      { id: 'cache', parent: 'root', start: 10, duration: 5, service: 'redis' },
      { id: 'db2', parent: 'root', start: 30, duration: 5, service: 'postgres' },
    ]);
    expect(t.services).toEqual([
      { name: 'frontend', spanCount: 1, errorCount: 0 },
      { name: 'redis', spanCount: 1, errorCount: 0 },
      { name: 'postgres', spanCount: 2, errorCount: 1 },
    ]);
    expect(Array.from(t.columns.service)).toEqual([0, 1, 2, 2]);
    expect(t.errorCount).toBe(1);
    expect(hasFlag(t, 2, SpanFlag.Error)).toBe(true);
    expect(t.spans[2]!.isError).toBe(true);
  });

  it('treats an error=true tag on an unset status as an error', () => {
    const t = buildTrace(
      [rawSpan({ spanId: 'a', attributes: [{ key: 'error', value: true }] }), rawSpan({ spanId: 'b', status: 'ok', attributes: [{ key: 'error', value: true }] })],
      'jaeger-api-v1',
    );
    expect(t.spans.map((s) => s.isError)).toEqual([true, false]);
  });

  it('keeps spans of mixed trace IDs and takes the most common ID', () => {
    const t = buildTrace(
      [
        rawSpan({ spanId: 'a', traceId: 'x' }),
        rawSpan({ spanId: 'b', traceId: 'y' }),
        rawSpan({ spanId: 'c', traceId: 'y' }),
      ],
      'otlp-json',
    );
    expect(t.traceId).toBe('y');
    expect(t.spans).toHaveLength(3);
    expect(t.issues.warnings.join(' ')).toContain('2 trace IDs');
  });

  it('does not mutate its input', () => {
    const raws = rawSpansFromSpecs([
      { id: 'a', parent: 'missing', start: 0, duration: 1 },
      { id: 'a', start: 0, duration: 1 },
    ]);
    const before = JSON.stringify(raws);
    const t = buildTrace(raws, 'demo');
    expect(JSON.stringify(raws)).toBe(before);
    expect(t.spans[0]!.warnings).not.toBe(raws[0]!.warnings);
  });
});

describe('buildTrace: properties', () => {
  // Random parent links over a small ID alphabet produce forests, duplicates, cycles,
  // self-parents and missing parents all at once.
  const arbSpans = fc.array(
    fc.record({
      id: fc.integer({ min: 0, max: 12 }),
      parent: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
      start: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
      duration: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    }),
    { maxLength: 40 },
  );

  it('never drops a span and always yields a valid DFS order', () => {
    fc.assert(
      fc.property(arbSpans, (specs) => {
        const raws = specs.map((s, k) =>
          rawSpan({
            spanId: `s${s.id}`,
            parentSpanId: s.parent === null ? null : `s${s.parent}`,
            name: `n${k}`, // unique per input span, so the multiset check is exact
            startUs: s.start === null ? null : TEST_EPOCH_US + s.start,
            durationUs: s.duration,
          }),
        );
        const t = buildTrace(raws, 'demo');
        expect(invariantViolations(t, raws)).toEqual([]);
        // every flagged issue is reported, and vice versa
        const flagged = (f: SpanFlag) => t.spans.flatMap((_, i) => (hasFlag(t, i, f) ? [i] : []));
        expect(t.issues.orphanSpanIndices).toEqual(flagged(SpanFlag.Orphan));
        expect(t.issues.cycleSpanIndices).toEqual(flagged(SpanFlag.CycleCut));
        expect(t.issues.missingTimeSpanIndices).toEqual(flagged(SpanFlag.MissingTime));
        for (const i of [...t.issues.orphanSpanIndices, ...t.issues.cycleSpanIndices]) {
          expect(t.columns.parent[i]).toBe(-1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildTrace: spans without an ID', () => {
  it('gives each a unique stand-in ID, a warning and an entry in issues, and never a parent role', () => {
    const t = buildTrace(
      [
        rawSpan({ spanId: 'root', startUs: TEST_EPOCH_US, durationUs: 100 }),
        rawSpan({ spanId: '', parentSpanId: 'root', startUs: TEST_EPOCH_US + 1, durationUs: 5 }),
        // A real span that happens to carry the first stand-in's name keeps it.
        rawSpan({ spanId: 'missing-id-1', parentSpanId: 'root', startUs: TEST_EPOCH_US + 2, durationUs: 5 }),
        rawSpan({ spanId: '', parentSpanId: 'root', startUs: TEST_EPOCH_US + 3, durationUs: 5 }),
        // A child naming "" is a root, not a child of an ID-less span.
        rawSpan({ spanId: 'kid', parentSpanId: '', startUs: TEST_EPOCH_US + 4, durationUs: 1 }),
      ],
      'jaeger-trace',
    );
    const ids = t.spans.map((s) => s.spanId);
    expect(ids).toEqual(['root', 'missing-id-1_', 'missing-id-1', 'missing-id-2', 'kid']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(t.issues.missingIdSpanIndices).toEqual([1, 3]);
    expect(t.issues.duplicateSpanIds).toEqual([]);
    expect(t.spans[1]!.warnings.some((w) => w.includes('No span ID') && w.includes('missing-id-1_'))).toBe(true);
    expect(t.spans[2]!.warnings).toEqual([]);
    expect(t.columns.parent[4]).toBe(-1);
    expect(t.issues.warnings.some((w) => w.includes('without a span ID'))).toBe(true);
  });
});

describe('Zipkin shared spans (client and server halves of one RPC share an ID)', () => {
  it('puts the server half under the client half and the server work under the server half', () => {
    // a (client-side caller) ─ b client ─ b server ─ c
    const trace = buildTrace(
      [
        rawSpan({ spanId: 'a', parentSpanId: null, kind: 'server', startUs: TEST_EPOCH_US, durationUs: 100 }),
        rawSpan({ spanId: 'b', parentSpanId: 'a', kind: 'client', startUs: TEST_EPOCH_US + 10, durationUs: 50 }),
        rawSpan({ spanId: 'b', parentSpanId: 'a', kind: 'server', startUs: TEST_EPOCH_US + 12, durationUs: 45 }),
        rawSpan({ spanId: 'c', parentSpanId: 'b', kind: 'client', startUs: TEST_EPOCH_US + 20, durationUs: 5 }),
      ],
      'zipkin-v2',
    );
    expect(trace.spans.map((s) => `${s.spanId}:${s.kind}:${s.depth}`)).toEqual(['a:server:0', 'b:client:1', 'b:server:2', 'c:client:3']);
    expect(trace.issues.duplicateSpanIds).toEqual([]);
    expect(trace.issues.orphanSpanIndices).toEqual([]);
  });

  it('still reports two spans of the same kind with one ID as duplicates', () => {
    const trace = buildTrace(
      [
        rawSpan({ spanId: 'a', parentSpanId: null, kind: 'server', startUs: TEST_EPOCH_US, durationUs: 100 }),
        rawSpan({ spanId: 'a', parentSpanId: null, kind: 'server', startUs: TEST_EPOCH_US, durationUs: 100 }),
      ],
      'zipkin-v2',
    );
    expect(trace.issues.duplicateSpanIds).toEqual([{ spanId: 'a', count: 2 }]);
  });
});
