// Sorting for the dependency table. Unknown values (no error count, no latency) sort last in
// either direction, so a column of mostly dashes never hides the real numbers.
import { formatSortParam, parseSortParam } from '../lib/sort-param';
import { edgeErrorRate, type GraphEdge } from './graph-model';

export type SortColumn = 'parent' | 'child' | 'calls' | 'errors' | 'errorRate' | 'p50' | 'p95';

export interface SortState {
  column: SortColumn;
  descending: boolean;
}

/** The table's order when the URL does not say: most calls first. */
export const DEFAULT_EDGE_SORT: SortState = Object.freeze({ column: 'calls', descending: true });

const SORT_COLUMNS: readonly SortColumn[] = ['parent', 'child', 'calls', 'errors', 'errorRate', 'p50', 'p95'];

/** `sort=` on /dependencies: a column, "-" first for descending (`-p95`); anything else is the default. */
export function parseEdgeSort(text: string | null): SortState {
  const sort = parseSortParam(text, SORT_COLUMNS);
  return sort === null ? DEFAULT_EDGE_SORT : { column: sort.key, descending: sort.descending };
}

/** The `sort=` value for an order; null for the default (the parameter is left out). */
export function formatEdgeSort(sort: SortState): string | null {
  if (sort.column === DEFAULT_EDGE_SORT.column && sort.descending === DEFAULT_EDGE_SORT.descending) return null;
  return formatSortParam(sort.column, sort.descending);
}

function value(edge: GraphEdge, column: SortColumn): string | number | undefined {
  const { link } = edge;
  switch (column) {
    case 'parent':
      return link.parent;
    case 'child':
      return link.child;
    case 'calls':
      return link.callCount;
    case 'errors':
      return link.errorCount;
    case 'errorRate':
      return edgeErrorRate(link) ?? undefined;
    case 'p50':
      return link.p50Us;
    case 'p95':
      return link.p95Us;
  }
}

export function sortEdges(edges: readonly GraphEdge[], sort: SortState): GraphEdge[] {
  const direction = sort.descending ? -1 : 1;
  return [...edges].sort((a, b) => {
    const va = value(a, sort.column);
    const vb = value(b, sort.column);
    if (va === undefined || vb === undefined) {
      if (va === vb) return a.index - b.index;
      return va === undefined ? 1 : -1;
    }
    const order = typeof va === 'string' || typeof vb === 'string' ? String(va).localeCompare(String(vb)) : va - vb;
    // Ties: by parent, then child, so the order is stable and readable.
    return order * direction || a.link.parent.localeCompare(b.link.parent) || a.link.child.localeCompare(b.link.child);
  });
}
