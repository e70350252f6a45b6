import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexOf, traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import type { SpanColumns, Trace } from '../model/types';
import { decodeCollapseParam, encodeCollapseParam, MAX_FOLD_EXCEPTIONS } from './collapse-param';
import { buildRowList, collapseAll, collapseOneLevel, expandAll, expandOneLevel } from './row-list';

//  root ─┬─ a ─┬─ a1 ─── a1x      depth 0 ─ 1 ─ 2 ─ 3
//        │     └─ a2
//        └─ b ─── b1
//  orphan ─── o1                  (parent "missing": a second root)
// Spans that can be collapsed: root and orphan (depth 0), a and b (1), a1 (2).
const trace = traceFromSpecs([
  { id: 'root', start: 0, duration: 100 },
  { id: 'a', parent: 'root', start: 10, duration: 40 },
  { id: 'a1', parent: 'a', start: 11, duration: 5 },
  { id: 'a1x', parent: 'a1', start: 12, duration: 1 },
  { id: 'a2', parent: 'a', start: 20, duration: 5 },
  { id: 'b', parent: 'root', start: 60, duration: 30 },
  { id: 'b1', parent: 'b', start: 61, duration: 3 },
  { id: 'orphan', parent: 'missing', start: 70, duration: 10 },
  { id: 'o1', parent: 'orphan', start: 71, duration: 2 },
]);
const { columns } = trace;

function collapsedOf(t: Trace, ids: readonly string[]): Uint8Array {
  const collapsed = new Uint8Array(t.spans.length);
  for (const id of ids) collapsed[indexOf(t, id)] = 1;
  return collapsed;
}

/** IDs of the collapsed spans, in DFS order. */
function closedIds(t: Trace, collapsed: Uint8Array): string[] {
  return t.spans.filter((s) => collapsed[s.index]).map((s) => s.spanId);
}

const encode = (ids: readonly string[]) => encodeCollapseParam(columns, trace.spans, collapsedOf(trace, ids));
const decode = (param: string | null) => closedIds(trace, decodeCollapseParam(columns, trace.spans, param));

describe('encodeCollapseParam', () => {
  it.each([
    { collapsed: [], param: '' },
    { collapsed: ['root', 'a', 'a1', 'b', 'orphan'], param: 'all' },
    { collapsed: ['a', 'a1', 'b'], param: 'd1' },
    { collapsed: ['a1'], param: 'd2' },
    { collapsed: ['a'], param: '_a' },
    { collapsed: ['root', 'orphan'], param: '_root.orphan' },
    { collapsed: ['root', 'a1', 'b', 'orphan'], param: 'all_a' },
    // d1 also needs one exception (orphan); a tie goes to the lower depth, "all".
    { collapsed: ['a', 'a1', 'b', 'orphan'], param: 'all_root' },
    { collapsed: ['a', 'a1'], param: 'd1_b' },
    // Leaves cannot be collapsed: a flag on one means nothing.
    { collapsed: ['a2', 'b1', 'a1x'], param: '' },
    { collapsed: ['a1', 'a1x'], param: 'd2' },
  ])('$collapsed → "$param"', ({ collapsed, param }) => {
    expect(encode(collapsed)).toBe(param);
    expect(decode(param)).toEqual(collapsed.filter((id) => ['root', 'a', 'a1', 'b', 'orphan'].includes(id)));
  });

  it('gives what Collapse all, + level and − level produce as one base without exceptions', () => {
    const forCollapsed = (collapsed: Uint8Array) => encodeCollapseParam(columns, trace.spans, collapsed);
    const rowsOf = (collapsed: Uint8Array) => buildRowList(columns, { collapsed });
    let collapsed = collapseAll(columns);
    expect(forCollapsed(collapsed)).toBe('all');
    collapsed = expandOneLevel(columns, collapsed, rowsOf(collapsed));
    expect(forCollapsed(collapsed)).toBe('d1');
    collapsed = expandOneLevel(columns, collapsed, rowsOf(collapsed));
    expect(forCollapsed(collapsed)).toBe('d2');
    collapsed = expandOneLevel(columns, collapsed, rowsOf(collapsed));
    expect(forCollapsed(collapsed)).toBe('');

    collapsed = collapseOneLevel(columns, expandAll(columns), rowsOf(expandAll(columns)));
    expect(forCollapsed(collapsed)).toBe('d2');
    collapsed = collapseOneLevel(columns, collapsed, rowsOf(collapsed));
    expect(forCollapsed(collapsed)).toBe('d1');
  });

  it('writes IDs with URL-unsafe or separator characters as *XX, and reads them back', () => {
    const odd = traceFromSpecs([
      { id: 'x.y_z', start: 0, duration: 10 },
      { id: 'c', parent: 'x.y_z', start: 1, duration: 1 },
      { id: 'ü~ /*', start: 2, duration: 10 },
      { id: 'd', parent: 'ü~ /*', start: 3, duration: 1 },
      { id: 'plain-ID', start: 4, duration: 10 },
      { id: 'e', parent: 'plain-ID', start: 5, duration: 1 },
      { id: 'p2', start: 6, duration: 10 },
      { id: 'f', parent: 'p2', start: 7, duration: 1 },
    ]);
    const param = encodeCollapseParam(odd.columns, odd.spans, collapsedOf(odd, ['x.y_z', 'ü~ /*']));
    expect(param).toBe('_x*2Ey*5Fz.*C3*BC*7E*20*2F*2A');
    // URLSearchParams leaves every character of it as it is.
    expect(new URLSearchParams({ fold: param! }).toString()).toBe(`fold=${param}`);
    expect(closedIds(odd, decodeCollapseParam(odd.columns, odd.spans, param))).toEqual(['x.y_z', 'ü~ /*']);
    expect(encodeCollapseParam(odd.columns, odd.spans, collapsedOf(odd, ['x.y_z', 'plain-ID', 'p2']))).toBe('all_*C3*BC*7E*20*2F*2A');
  });

  it(`leaves the parameter out (null) beyond ${MAX_FOLD_EXCEPTIONS} exceptions, whatever the base`, () => {
    // 90 roots with one child each: every base but "none" or "all" is one of them.
    const specs: SpanSpec[] = [];
    for (let i = 0; i < 90; i++) {
      specs.push({ id: `r${i}`, start: i * 10, duration: 5 }, { id: `c${i}`, parent: `r${i}`, start: i * 10 + 1, duration: 1 });
    }
    const wide = traceFromSpecs(specs);
    const closedRoots = (count: number) => collapsedOf(wide, Array.from({ length: count }, (_, i) => `r${i}`));
    expect(encodeCollapseParam(wide.columns, wide.spans, closedRoots(MAX_FOLD_EXCEPTIONS))?.split('.')).toHaveLength(MAX_FOLD_EXCEPTIONS);
    expect(encodeCollapseParam(wide.columns, wide.spans, closedRoots(MAX_FOLD_EXCEPTIONS + 1))).toBeNull();
    expect(encodeCollapseParam(wide.columns, wide.spans, closedRoots(90 - MAX_FOLD_EXCEPTIONS - 1))).toBeNull();
    expect(encodeCollapseParam(wide.columns, wide.spans, closedRoots(90 - MAX_FOLD_EXCEPTIONS))?.startsWith('all_')).toBe(true);
    expect(encodeCollapseParam(wide.columns, wide.spans, closedRoots(90))).toBe('all');
  });

  it('leaves the parameter out when an exception has an ID that cannot be written', () => {
    const hostile = traceFromSpecs([
      { id: 'bad\ud800', start: 0, duration: 10 },
      { id: 'c', parent: 'bad\ud800', start: 1, duration: 1 },
      { id: 'ok', start: 2, duration: 10 },
      { id: 'd', parent: 'ok', start: 3, duration: 1 },
    ]);
    expect(encodeCollapseParam(hostile.columns, hostile.spans, collapsedOf(hostile, ['bad\ud800']))).toBeNull();
    // Under a base that needs no exception for it, that span is no problem.
    expect(encodeCollapseParam(hostile.columns, hostile.spans, collapsedOf(hostile, ['ok']))).toBe('_ok');
    expect(encodeCollapseParam(hostile.columns, hostile.spans, collapsedOf(hostile, ['ok', 'bad\ud800']))).toBe('all');
  });
});

describe('decodeCollapseParam', () => {
  it.each([
    { param: null, closed: [] },
    { param: '', closed: [] },
    { param: 'all', closed: ['root', 'a', 'a1', 'b', 'orphan'] },
    { param: 'd0', closed: ['root', 'a', 'a1', 'b', 'orphan'] },
    { param: 'd1', closed: ['a', 'a1', 'b'] },
    { param: 'd3', closed: [] },
    { param: 'd999999999', closed: [] },
    // IDs not in the trace, of leaves, repeated, or empty are ignored; the rest applies.
    { param: 'all_nope.a2.a2.b1..', closed: ['root', 'a', 'a1', 'b', 'orphan'] },
    { param: '_a.a.unknown', closed: ['a'] },
    { param: 'd1_a', closed: ['a1', 'b'] },
    // Unreadable IDs are skipped: a "*" without two hex digits, bytes that are not UTF-8, other characters.
    { param: '_a.*zz.b', closed: ['a', 'b'] },
    { param: '_a.*C3.b', closed: ['a', 'b'] },
    { param: '_a.x%41.b!', closed: ['a'] },
    { param: '_a_b', closed: [] },
    // An unreadable base: nothing (its exceptions would mean the opposite under another base).
    { param: 'none', closed: [] },
    { param: 'ALL', closed: [] },
    { param: 'd', closed: [] },
    { param: 'd-1', closed: [] },
    { param: 'd1.5', closed: [] },
    { param: 'd1e3', closed: [] },
    { param: 'x_a.b', closed: [] },
    { param: '~a', closed: [] },
    { param: '_', closed: [] },
    { param: '\u0000\ud800', closed: [] },
  ])('"$param" → $closed', ({ param, closed }) => {
    expect(decode(param)).toEqual(closed);
  });

  it('applies an ID to every span that has it (duplicate IDs in a broken trace)', () => {
    // Two copies of "dup" that both have children (buildTrace hangs children on the first copy
    // only, so these columns are made by hand): 0 dup ─ 1 x, 2 dup ─ 3 y.
    const parents = [-1, 0, -1, 2];
    const dupColumns = columnsFromParents(parents);
    const spans = ['dup', 'x', 'dup', 'y'].map((spanId) => ({ spanId }));
    expect(Array.from(decodeCollapseParam(dupColumns, spans, '_dup'))).toEqual([1, 0, 1, 0]);
    expect(Array.from(decodeCollapseParam(dupColumns, spans, 'all_dup'))).toEqual([0, 0, 0, 0]);
    // One copy closed: the ID is listed once, and reading it back closes both copies.
    expect(encodeCollapseParam(dupColumns, spans, Uint8Array.of(1, 0, 0, 0))).toBe('_dup');
    expect(encodeCollapseParam(dupColumns, spans, Uint8Array.of(1, 0, 1, 0))).toBe('all');
  });

  it('is linear: 200,000 spans in a chain and in a wide tree', () => {
    const n = 200_000;
    const chain = columnsFromParents(Array.from({ length: n }, (_, i) => i - 1));
    const chainSpans = Array.from({ length: n }, (_, i) => ({ spanId: i.toString(16).padStart(16, '0') }));
    const everyOther = new Uint8Array(n).map((_, i) => (i < n - 1 && i % 50_000 === 0 ? 1 : 0));
    const param = encodeCollapseParam(chain, chainSpans, everyOther);
    expect(param).toBe(`_${[0, 50_000, 100_000, 150_000].map((i) => chainSpans[i]!.spanId).join('.')}`);
    expect(sameFlags(decodeCollapseParam(chain, chainSpans, param), everyOther)).toBe(true);
    expect(encodeCollapseParam(chain, chainSpans, decodeCollapseParam(chain, chainSpans, 'd7'))).toBe('d7');
    // One root with 100,000 children (odd indices), each but the last with one child: "all" but two.
    const wide = columnsFromParents(Array.from({ length: n }, (_, i) => (i === 0 ? -1 : i % 2 === 1 ? 0 : i - 1)));
    const all = decodeCollapseParam(wide, chainSpans, 'all_0000000000000001.0000000000000003');
    expect(all.reduce((sum, v) => sum + v, 0)).toBe(100_000 - 2);
    expect(encodeCollapseParam(wide, chainSpans, all)).toBe('all_0000000000000001.0000000000000003');
  });
});

describe('round trip', () => {
  // Random forests through buildTrace (so columns are real), with unique IDs that are hex like
  // most, or any string (including separators, non-ASCII, empty, and half surrogate pairs).
  const anyId = fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ unit: 'binary', maxLength: 6 }));
  const arbTrace = fc.uniqueArray(anyId, { minLength: 1, maxLength: 60 }).chain((ids) =>
    fc
      .tuple(
        fc.array(fc.option(fc.nat(), { nil: null }), { minLength: ids.length, maxLength: ids.length }),
        fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      )
      .map(([parentPicks, closed]) => {
        // A span's parent is an earlier span (so no cycles), or none.
        const specs: SpanSpec[] = ids.map((id, i) => {
          const pick = parentPicks[i] ?? null;
          return { id, parent: pick === null || i === 0 ? null : (ids[pick % i] ?? null), start: i, duration: 100 - i };
        });
        const t = traceFromSpecs(specs);
        // `closed` is by input position; the trace is in DFS order.
        const collapsed = new Uint8Array(t.spans.length);
        for (const span of t.spans) collapsed[span.index] = closed[ids.indexOf(span.spanId)] ? 1 : 0;
        return { trace: t, collapsed };
      }),
  );

  it('decode(encode(x)) is x on the spans that can be collapsed, whenever the parameter is written', () => {
    fc.assert(
      fc.property(arbTrace, ({ trace: t, collapsed }) => {
        const param = encodeCollapseParam(t.columns, t.spans, collapsed);
        const expected = collapsed.map((v, i) => ((t.columns.childCount[i] ?? 0) > 0 ? v : 0));
        const collapsible = expected.length - Array.from(t.columns.childCount).filter((c) => c === 0).length;
        const nameable = t.spans.every((s) => s.spanId !== '' && !/[\ud800-\udfff]/.test(s.spanId));
        // Never left out when it does not have to be: few enough spans, and IDs that can be written.
        if (collapsible <= MAX_FOLD_EXCEPTIONS && nameable) expect(param).not.toBeNull();
        if (param === null) return;
        expect(Array.from(decodeCollapseParam(t.columns, t.spans, param))).toEqual(Array.from(expected));
        expect(new URLSearchParams({ fold: param }).toString()).toBe(`fold=${param}`);
        // The base is chosen well: never more exceptions than listing the collapsed or the open spans.
        const closedCount = expected.reduce((sum, v) => sum + v, 0);
        const listed = param.includes('_') ? param.slice(param.indexOf('_') + 1).split('.').length : 0;
        expect(listed).toBeLessThanOrEqual(Math.min(closedCount, collapsible - closedCount));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any string without throwing, setting flags only on spans with children', () => {
    fc.assert(
      fc.property(arbTrace, fc.string({ unit: 'binary', maxLength: 40 }), ({ trace: t }, param) => {
        const collapsed = decodeCollapseParam(t.columns, t.spans, param);
        expect(collapsed.length).toBe(t.spans.length);
        for (let i = 0; i < collapsed.length; i++) if (collapsed[i]) expect(t.columns.childCount[i]).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

/** Element-wise equality without building arrays of 200,000 numbers for the matcher. */
function sameFlags(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Columns from parent indices (each parent before its children), with only what the codec reads filled in. */
function columnsFromParents(parents: readonly number[]): SpanColumns {
  const n = parents.length;
  const depth = new Uint32Array(n);
  const childCount = new Uint32Array(n);
  parents.forEach((p, i) => {
    if (p < 0) return;
    depth[i] = (depth[p] ?? 0) + 1;
    childCount[p] = (childCount[p] ?? 0) + 1;
  });
  return {
    startUs: new Float64Array(n),
    durationUs: new Float64Array(n),
    depth,
    parent: Int32Array.from(parents),
    service: new Uint32Array(n),
    flags: new Uint8Array(n),
    subtreeEnd: new Int32Array(n),
    childCount,
  };
}
