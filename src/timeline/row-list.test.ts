import { describe, expect, it } from 'vitest';
import { SpanFlag } from '../model/types';
import { indexOf, traceFromSpecs } from '../model/testing/raw-span';
import {
  buildRowList,
  collapseAll,
  collapseOneLevel,
  descendantErrorCount,
  errorPrefixSums,
  expandAll,
  expandAncestors,
  expandOneLevel,
  groupRowValue,
  rowIndexOfGroup,
  rowIndexOfSpan,
  spanOfRow,
  toggleCollapsed,
  type SiblingGroupIndex,
} from './row-list';

//  root ─┬─ a ─┬─ a1
//        │     └─ a2 (error)
//        └─ b ─── b1
//  orphan (parent "missing")
const trace = traceFromSpecs([
  { id: 'root', start: 0, duration: 100 },
  { id: 'a', parent: 'root', start: 10, duration: 40 },
  { id: 'a1', parent: 'a', start: 11, duration: 5 },
  { id: 'a2', parent: 'a', start: 20, duration: 5, error: true },
  { id: 'b', parent: 'root', start: 60, duration: 30 },
  { id: 'b1', parent: 'b', start: 61, duration: 3 },
  { id: 'orphan', parent: 'missing', start: 70, duration: 10 },
]);
const { columns } = trace;
const ids = (rows: Int32Array) => Array.from(rows, (r) => (r >= 0 ? trace.spans[r]?.spanId : `group${-r - 1}`));

describe('buildRowList', () => {
  it('shows every span in DFS order when nothing is collapsed', () => {
    const rows = buildRowList(columns, { collapsed: expandAll(columns) });
    expect(ids(rows)).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1', 'orphan']);
  });

  it('hides the subtree of a collapsed span, but not the span', () => {
    const collapsed = toggleCollapsed(expandAll(columns), indexOf(trace, 'a'));
    expect(ids(buildRowList(columns, { collapsed }))).toEqual(['root', 'a', 'b', 'b1', 'orphan']);
  });

  it('collapse all leaves only the roots (true roots and orphans)', () => {
    expect(ids(buildRowList(columns, { collapsed: collapseAll(columns) }))).toEqual(['root', 'orphan']);
  });

  it('show-only-matches skips whole subtrees whose mask is 0', () => {
    const visible = new Uint8Array(trace.spans.length);
    for (const id of ['root', 'b', 'b1']) visible[indexOf(trace, id)] = 1;
    expect(ids(buildRowList(columns, { collapsed: expandAll(columns), visible }))).toEqual(['root', 'b', 'b1']);
  });

  it('returns an empty list for an empty trace', () => {
    const empty = traceFromSpecs([]);
    expect(buildRowList(empty.columns, { collapsed: new Uint8Array(0) }).length).toBe(0);
  });

  it('handles 100k spans (collapse all / expand all; their speed is in npm run bench)', () => {
    // A wide and deep tree: 1000 chains of 100 spans under one root.
    const specs = [{ id: 'r', start: 0, duration: 1e6 }];
    for (let c = 0; c < 1000; c++) {
      for (let d = 0; d < 100; d++) {
        specs.push({ id: `c${c}-${d}`, parent: d === 0 ? 'r' : `c${c}-${d - 1}`, start: c * 10 + d, duration: 5 } as never);
      }
    }
    const big = traceFromSpecs(specs);
    expect(big.spans.length).toBe(100_001);
    const allRows = buildRowList(big.columns, { collapsed: expandAll(big.columns) });
    const closedRows = buildRowList(big.columns, { collapsed: collapseAll(big.columns) });
    const oneLevel = expandOneLevel(big.columns, collapseAll(big.columns), closedRows);
    const levelRows = buildRowList(big.columns, { collapsed: oneLevel });
    expect(allRows.length).toBe(100_001);
    expect(closedRows.length).toBe(1);
    expect(levelRows.length).toBe(1001);
  });
});

describe('sibling groups', () => {
  //  p ─┬─ q ─── q-child
  //     ├─ q
  //     ├─ q
  //     └─ z
  const g = traceFromSpecs([
    { id: 'p', start: 0, duration: 100 },
    { id: 'q1', parent: 'p', start: 1, duration: 10, name: 'SELECT' },
    { id: 'q1c', parent: 'q1', start: 2, duration: 1 },
    { id: 'q2', parent: 'p', start: 20, duration: 10, name: 'SELECT' },
    { id: 'q3', parent: 'p', start: 40, duration: 10, name: 'SELECT' },
    { id: 'z', parent: 'p', start: 60, duration: 10 },
  ]);
  const groupAt = new Int32Array(g.spans.length).fill(-1);
  groupAt[indexOf(g, 'q1')] = 0;
  const memberOf = new Int32Array(g.spans.length).fill(-1);
  for (const id of ['q1', 'q2', 'q3']) memberOf[indexOf(g, id)] = 0;
  const groups: SiblingGroupIndex = {
    groupAt,
    memberOf,
    firstIndex: Int32Array.of(indexOf(g, 'q1')),
    lastIndex: Int32Array.of(indexOf(g, 'q3')),
    memberCount: Int32Array.of(3),
    totalDurationUs: Float64Array.of(30),
  };
  const gids = (rows: Int32Array) => Array.from(rows, (r) => (r >= 0 ? g.spans[r]?.spanId : `group${-r - 1}`));

  it('a folded group is one header row standing for all members and their subtrees', () => {
    const rows = buildRowList(g.columns, { collapsed: expandAll(g.columns), groups });
    expect(gids(rows)).toEqual(['p', 'group0', 'z']);
    expect(spanOfRow(rows[1] ?? 0, groups)).toBe(indexOf(g, 'q1'));
    expect(rowIndexOfGroup(rows, 0, groups)).toBe(1);
  });

  it('an unfolded group keeps its header above the members', () => {
    const rows = buildRowList(g.columns, { collapsed: expandAll(g.columns), groups, groupExpanded: Uint8Array.of(1) });
    expect(gids(rows)).toEqual(['p', 'group0', 'q1', 'q1c', 'q2', 'q3', 'z']);
    expect(rowIndexOfSpan(rows, indexOf(g, 'q1'), groups)).toBe(2);
    expect(rowIndexOfSpan(rows, indexOf(g, 'z'), groups)).toBe(6);
    expect(rowIndexOfGroup(rows, 0, groups)).toBe(1);
  });

  it('groups are ignored while a show-only filter is active', () => {
    const visible = new Uint8Array(g.spans.length).fill(1);
    const rows = buildRowList(g.columns, { collapsed: expandAll(g.columns), groups, visible });
    expect(rows.every((r) => r >= 0)).toBe(true);
    expect(rows[1]).toBe(indexOf(g, 'q1'));
    expect(groupRowValue(0)).toBe(-1);
  });
});

describe('collapse transitions', () => {
  it('expandOneLevel opens one level per call and collapseOneLevel reverses it', () => {
    let collapsed = collapseAll(columns);
    let rows = buildRowList(columns, { collapsed });
    collapsed = expandOneLevel(columns, collapsed, rows);
    rows = buildRowList(columns, { collapsed });
    expect(ids(rows)).toEqual(['root', 'a', 'b', 'orphan']);
    collapsed = expandOneLevel(columns, collapsed, rows);
    rows = buildRowList(columns, { collapsed });
    expect(ids(rows)).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1', 'orphan']);
    expect(expandOneLevel(columns, collapsed, rows)).toBe(collapsed);
    collapsed = collapseOneLevel(columns, collapsed, rows);
    expect(ids(buildRowList(columns, { collapsed }))).toEqual(['root', 'a', 'b', 'orphan']);
  });

  it('expandAncestors reveals a hidden span without touching other spans', () => {
    const start = collapseAll(columns);
    const next = expandAncestors(columns, start, indexOf(trace, 'a2'));
    expect(next).not.toBe(start);
    expect(start[indexOf(trace, 'root')]).toBe(1); // the old array is not mutated
    expect(ids(buildRowList(columns, { collapsed: next }))).toEqual(['root', 'a', 'a1', 'a2', 'b', 'orphan']);
    expect(expandAncestors(columns, next, indexOf(trace, 'a2'))).toBe(next);
  });

  it('rowIndexOfSpan finds shown spans and reports hidden ones as -1', () => {
    const collapsed = toggleCollapsed(expandAll(columns), indexOf(trace, 'a'));
    const rows = buildRowList(columns, { collapsed });
    expect(rowIndexOfSpan(rows, indexOf(trace, 'b1'), null)).toBe(3);
    expect(rowIndexOfSpan(rows, indexOf(trace, 'a1'), null)).toBe(-1);
  });
});

describe('hidden error markers', () => {
  it('counts errors among descendants only', () => {
    const prefix = errorPrefixSums(columns, SpanFlag.Error);
    expect(descendantErrorCount(columns, prefix, indexOf(trace, 'root'))).toBe(1);
    expect(descendantErrorCount(columns, prefix, indexOf(trace, 'a'))).toBe(1);
    expect(descendantErrorCount(columns, prefix, indexOf(trace, 'a2'))).toBe(0);
    expect(descendantErrorCount(columns, prefix, indexOf(trace, 'b'))).toBe(0);
  });
});
