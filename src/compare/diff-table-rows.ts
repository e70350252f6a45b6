// Rows of the `Trace differences` table: which nodes, in which order.

import { isNodeChanged, selfDeltaUs, totalDeltaUs, type DiffNode, type TraceDiff } from '../model/trace-diff';
import { formatSortParam, parseSortParam } from '../lib/sort-param';

export type DiffSortKey = 'service' | 'operation' | 'countA' | 'countB' | 'timeA' | 'timeB' | 'delta' | 'selfDelta';
export type SortDirection = 'ascending' | 'descending';

export interface DiffSort {
  key: DiffSortKey;
  direction: SortDirection;
}

/** The first look answers "what got slower" (or "what got faster" when B was faster). */
export function defaultDiffSort(diff: TraceDiff): DiffSort {
  return { key: 'delta', direction: diff.summary.deltaUs < 0 ? 'ascending' : 'descending' };
}

/** Text columns start A→Z, number columns largest first. */
export function firstDirection(key: DiffSortKey): SortDirection {
  return key === 'service' || key === 'operation' ? 'ascending' : 'descending';
}

const numeric: Record<Exclude<DiffSortKey, 'service' | 'operation'>, (n: DiffNode) => number> = {
  countA: (n) => n.a.count,
  countB: (n) => n.b.count,
  timeA: (n) => n.a.totalUs,
  timeB: (n) => n.b.totalUs,
  delta: totalDeltaUs,
  selfDelta: selfDeltaUs,
};

function compareNodes(key: DiffSortKey): (x: DiffNode, y: DiffNode) => number {
  if (key === 'service') return (x, y) => x.serviceName.localeCompare(y.serviceName) || x.name.localeCompare(y.name);
  if (key === 'operation') return (x, y) => x.name.localeCompare(y.name) || x.serviceName.localeCompare(y.serviceName);
  const value = numeric[key];
  return (x, y) => value(x) - value(y);
}

export interface DiffTableFilter {
  onlyChanged: boolean;
  /** Whitespace-separated tokens, all of which must occur in "service operation". */
  text: string;
}

/** Node ids for the table, filtered and sorted; ties keep tree order, so the result is stable. */
export function diffTableRows(diff: TraceDiff, sort: DiffSort, filter: DiffTableFilter): number[] {
  const tokens = filter.text.toLowerCase().split(/\s+/).filter((t) => t !== '');
  const picked: DiffNode[] = [];
  for (const node of diff.nodes) {
    if (filter.onlyChanged && !isNodeChanged(node, diff.summary.thresholdUs)) continue;
    if (tokens.length > 0) {
      const haystack = `${node.serviceName} ${node.name}`.toLowerCase();
      if (!tokens.every((t) => haystack.includes(t))) continue;
    }
    picked.push(node);
  }
  const compare = compareNodes(sort.key);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  picked.sort((x, y) => sign * compare(x, y) || x.id - y.id);
  return picked.map((n) => n.id);
}

/**
 * What to say when the table has no rows: name the control that emptied it. With both the switch
 * and a filter on, the filter is to blame when it matches no operation at all; the switch only when
 * the filter matches operations that did not change.
 */
export function emptyTableMessage(diff: TraceDiff, filter: DiffTableFilter): string {
  const text = filter.text.trim();
  const sort: DiffSort = { key: 'service', direction: 'ascending' };
  if (text === '') {
    return filter.onlyChanged ? 'No changed rows. Clear "Only changed rows" to see every operation.' : 'No operations.';
  }
  if (!filter.onlyChanged || diffTableRows(diff, sort, { onlyChanged: false, text }).length === 0) {
    return `No operations match the filter “${text}”. Change or clear the filter.`;
  }
  return `No changed rows match the filter “${text}”. Clear "Only changed rows" to see the unchanged ones that match.`;
}

/** The table's sort, "Only changed rows" switch and filter text, as its page keeps them (the URL). */
export interface DiffTableView {
  /** null: the diff's default sort (defaultDiffSort), which depends on the traces. */
  sort: DiffSort | null;
  onlyChanged: boolean;
  text: string;
}

export const DEFAULT_DIFF_TABLE_VIEW: DiffTableView = { sort: null, onlyChanged: true, text: '' };

const SORT_KEYS: readonly DiffSortKey[] = ['service', 'operation', 'countA', 'countB', 'timeA', 'timeB', 'delta', 'selfDelta'];

/** `sort=timeB` (ascending) or `sort=-timeB` (descending); anything else → null (the default sort). */
export function parseDiffSortParam(value: string | null): DiffSort | null {
  const sort = parseSortParam(value, SORT_KEYS);
  return sort === null ? null : { key: sort.key, direction: sort.descending ? 'descending' : 'ascending' };
}

export function formatDiffSortParam(sort: DiffSort | null): string | null {
  return sort === null ? null : formatSortParam(sort.key, sort.direction === 'descending');
}
