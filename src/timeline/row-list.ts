// The row list of the waterfall: which spans are shown, in which order, given what is collapsed,
// what a find filter hides and which sibling groups are folded.
//
// Spans are in DFS order and a subtree is the contiguous index range [i, subtreeEnd[i]), so a
// hidden subtree is skipped with one jump. Building the list costs O(rows shown), not O(spans),
// which keeps collapse-all / expand-all on 100k spans to a few milliseconds. The result is a
// typed array of span indices; a group header row is stored as -(groupId + 1).

import type { SpanColumns } from '../model/types';

/** Runs of repeated siblings that may be folded into one row. Indices are span indices. */
export interface SiblingGroupIndex {
  /** Per span: the id of the group whose first member is this span, or -1. */
  groupAt: Int32Array;
  /** Per span: the id of the group this span is a direct member of, or -1. */
  memberOf: Int32Array;
  /** Per group: span index of the first member. */
  firstIndex: Int32Array;
  /** Per group: span index of the last member (a sibling of the first). */
  lastIndex: Int32Array;
  /** Per group: number of members. */
  memberCount: Int32Array;
  /** Per group: summed duration of the members, µs. */
  totalDurationUs: Float64Array;
}

export interface RowListOptions {
  /** Per span: 1 when the span is collapsed (its descendants are hidden). */
  collapsed: Uint8Array;
  /**
   * Per span: 0 hides the span and its whole subtree (show-only-matches: a span that is neither a
   * match nor an ancestor of one has no match below it). null shows everything.
   */
  visible?: Uint8Array | null;
  /** Sibling groups; when present every group gets a header row. Ignored while `visible` is set. */
  groups?: SiblingGroupIndex | null;
  /** Per group: 1 when unfolded (members shown under the header). */
  groupExpanded?: Uint8Array | null;
}

/** True when a row value is a group header rather than a span. */
export function isGroupRow(row: number): boolean {
  return row < 0;
}

export function groupIdOfRow(row: number): number {
  return -row - 1;
}

export function groupRowValue(groupId: number): number {
  return -(groupId + 1);
}

export function buildRowList(columns: SpanColumns, options: RowListOptions): Int32Array {
  const spanCount = columns.subtreeEnd.length;
  const { collapsed } = options;
  const visible = options.visible ?? null;
  const groups = visible ? null : (options.groups ?? null);
  const groupExpanded = options.groupExpanded ?? null;
  const subtreeEnd = columns.subtreeEnd;
  const groupCount = groups ? groups.firstIndex.length : 0;
  const rows = new Int32Array(spanCount + groupCount);
  let rowCount = 0;
  let i = 0;
  while (i < spanCount) {
    if (visible && !visible[i]) {
      i = next(subtreeEnd, i);
      continue;
    }
    if (groups) {
      const groupId = groups.groupAt[i] ?? -1;
      if (groupId >= 0) {
        rows[rowCount++] = groupRowValue(groupId);
        if (!groupExpanded || !groupExpanded[groupId]) {
          i = next(subtreeEnd, groups.lastIndex[groupId] ?? i);
          continue;
        }
      }
    }
    rows[rowCount++] = i;
    i = collapsed[i] ? next(subtreeEnd, i) : i + 1;
  }
  return rows.slice(0, rowCount);
}

/** subtreeEnd[i], guarded so that a malformed column can never loop forever. */
function next(subtreeEnd: Int32Array, i: number): number {
  const end = subtreeEnd[i] ?? i + 1;
  return end > i ? end : i + 1;
}

/** The span a row stands for: the span itself, or the first member of a group. */
export function spanOfRow(row: number, groups: SiblingGroupIndex | null | undefined): number {
  if (row >= 0) return row;
  return groups?.firstIndex[groupIdOfRow(row)] ?? -1;
}

/**
 * Position of the row showing `spanIndex`, or -1 when it is hidden. Rows are sorted by span index
 * (a group header sorts just before its first member), so this is a binary search.
 */
export function rowIndexOfSpan(
  rows: Int32Array,
  spanIndex: number,
  groups: SiblingGroupIndex | null | undefined,
): number {
  const target = spanIndex * 2 + 1;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const key = rowSortKey(rows[mid] ?? 0, groups);
    if (key === target) return mid;
    if (key < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Position of a group's header row, or -1. */
export function rowIndexOfGroup(rows: Int32Array, groupId: number, groups: SiblingGroupIndex): number {
  const first = groups.firstIndex[groupId];
  if (first === undefined) return -1;
  const at = lowerBound(rows, first * 2, groups);
  return at < rows.length && rows[at] === groupRowValue(groupId) ? at : -1;
}

function rowSortKey(row: number, groups: SiblingGroupIndex | null | undefined): number {
  return row >= 0 ? row * 2 + 1 : spanOfRow(row, groups) * 2;
}

function lowerBound(rows: Int32Array, key: number, groups: SiblingGroupIndex | null | undefined): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowSortKey(rows[mid] ?? 0, groups) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---- collapse state transitions: each returns a new array (the old one is never mutated) ----

/** Every span with children collapsed. */
export function collapseAll(columns: SpanColumns): Uint8Array {
  const n = columns.childCount.length;
  const collapsed = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((columns.childCount[i] ?? 0) > 0) collapsed[i] = 1;
  return collapsed;
}

export function expandAll(columns: SpanColumns): Uint8Array {
  return new Uint8Array(columns.childCount.length);
}

export function toggleCollapsed(collapsed: Uint8Array, spanIndex: number, value?: boolean): Uint8Array {
  const next = collapsed.slice();
  next[spanIndex] = (value ?? !collapsed[spanIndex]) ? 1 : 0;
  return next;
}

/**
 * Open the shallowest level of collapsed rows that are shown: each click reveals one more level.
 * Returns the same array when nothing is collapsed.
 */
export function expandOneLevel(columns: SpanColumns, collapsed: Uint8Array, rows: Int32Array): Uint8Array {
  let minDepth = Infinity;
  for (const row of rows) {
    if (row >= 0 && collapsed[row] && (columns.childCount[row] ?? 0) > 0) {
      minDepth = Math.min(minDepth, columns.depth[row] ?? 0);
    }
  }
  if (minDepth === Infinity) return collapsed;
  const next = collapsed.slice();
  for (const row of rows) if (row >= 0 && (columns.depth[row] ?? 0) === minDepth) next[row] = 0;
  return next;
}

/** Close the deepest level of open parents that are shown: the reverse of `expandOneLevel`. */
export function collapseOneLevel(columns: SpanColumns, collapsed: Uint8Array, rows: Int32Array): Uint8Array {
  let maxDepth = -1;
  for (const row of rows) {
    if (row >= 0 && !collapsed[row] && (columns.childCount[row] ?? 0) > 0) {
      maxDepth = Math.max(maxDepth, columns.depth[row] ?? 0);
    }
  }
  if (maxDepth < 0) return collapsed;
  const next = collapsed.slice();
  for (const row of rows) {
    if (row >= 0 && (columns.childCount[row] ?? 0) > 0 && (columns.depth[row] ?? 0) === maxDepth) next[row] = 1;
  }
  return next;
}

/** Open every collapsed ancestor of a span so that it is shown. Same array when nothing changes. */
export function expandAncestors(columns: SpanColumns, collapsed: Uint8Array, spanIndex: number): Uint8Array {
  let next = collapsed;
  let p = columns.parent[spanIndex] ?? -1;
  let guard = columns.parent.length;
  while (p >= 0 && guard-- > 0) {
    if (next[p]) {
      if (next === collapsed) next = collapsed.slice();
      next[p] = 0;
    }
    p = columns.parent[p] ?? -1;
  }
  return next;
}

// ---- per-trace precomputations, O(n) once ----

/** errorPrefix[i] = number of error spans among spans [0, i). Length n + 1. */
export function errorPrefixSums(columns: SpanColumns, errorFlag: number): Int32Array {
  const n = columns.flags.length;
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] ?? 0) + (((columns.flags[i] ?? 0) & errorFlag) !== 0 ? 1 : 0);
  return prefix;
}

/** Errors among the descendants of a span (not the span itself): O(1) with the prefix sums. */
export function descendantErrorCount(columns: SpanColumns, errorPrefix: Int32Array, spanIndex: number): number {
  const end = columns.subtreeEnd[spanIndex] ?? spanIndex + 1;
  return (errorPrefix[end] ?? 0) - (errorPrefix[spanIndex + 1] ?? 0);
}

/** Errors anywhere in a group's members and their subtrees. */
export function groupErrorCount(
  columns: SpanColumns,
  errorPrefix: Int32Array,
  groups: SiblingGroupIndex,
  groupId: number,
): number {
  const first = groups.firstIndex[groupId] ?? 0;
  const last = groups.lastIndex[groupId] ?? first;
  const end = columns.subtreeEnd[last] ?? last + 1;
  return (errorPrefix[end] ?? 0) - (errorPrefix[first] ?? 0);
}
