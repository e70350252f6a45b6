// The graph as a table: the accessible twin of the canvas, and the place to read exact numbers.
// Sortable by any column; rows are shown a page at a time, so 4,000 edges never become one long
// render.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDurationUs } from '../lib/duration-format';
import { Button } from '../components/button';
import { useControllableState } from '../components/use-controllable-state';
import { edgeErrorRate, edgeTraceCountText, type GraphEdge } from './graph-model';
import type { EdgeSearch } from './edge-search';
import { DEFAULT_EDGE_SORT, sortEdges, type SortColumn, type SortState } from './sort-edges';

export interface DependencyTableProps {
  edges: readonly GraphEdge[];
  serviceSearchHref: (service: string) => string;
  edgeSearch: (parent: string, child: string) => EdgeSearch;
  /** Called for "N traces" on edges that carry trace IDs (derived graphs). */
  onShowEdgeTraces: (edgeIndex: number) => void;
  selectedEdge: number;
  pageSize?: number;
  /** The order, kept in the page's URL (`sort=`); without `onSortChange` the table keeps its own. */
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
}

const numberFormat = new Intl.NumberFormat('en-US');

function percent(rate: number | null): string {
  if (rate === null) return '—';
  if (rate === 0) return '0 %';
  return `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)} %`;
}

export function DependencyTable({ edges, serviceSearchHref, edgeSearch, onShowEdgeTraces, selectedEdge, pageSize = 100, ...props }: DependencyTableProps) {
  const [sort, setSort] = useControllableState(props.sort, props.onSortChange, DEFAULT_EDGE_SORT);
  const [shown, setShown] = useState(pageSize);
  const sorted = useMemo(() => sortEdges(edges, sort), [edges, sort]);
  const hasErrors = edges.some((edge) => edge.link.errorCount !== undefined);
  const hasLatency = edges.some((edge) => edge.link.p50Us !== undefined || edge.link.p95Us !== undefined);
  const hasTraces = edges.some((edge) => (edge.link.traceIds?.length ?? 0) > 0);

  const columns: { id: SortColumn; label: string; numeric: boolean }[] = [
    { id: 'parent', label: 'Parent', numeric: false },
    { id: 'child', label: 'Child', numeric: false },
    { id: 'calls', label: 'Calls', numeric: true },
    ...(hasErrors
      ? [
          { id: 'errors' as const, label: 'Errors', numeric: true },
          { id: 'errorRate' as const, label: 'Error rate', numeric: true },
        ]
      : []),
    ...(hasLatency
      ? [
          { id: 'p50' as const, label: 'p50 latency', numeric: true },
          { id: 'p95' as const, label: 'p95 latency', numeric: true },
        ]
      : []),
  ];

  const onSort = (column: SortColumn) => {
    setSort(sort.column === column ? { column, descending: !sort.descending } : { column, descending: column !== 'parent' && column !== 'child' });
  };

  const visible = sorted.slice(0, shown);
  return (
    <div>
      <table className="w-full border-collapse text-sm" aria-rowcount={sorted.length + 1}>
        <caption className="mb-2 text-left text-base font-semibold text-slate-900 dark:text-slate-100">
          Service dependencies <span className="font-normal text-slate-600 dark:text-slate-400">({numberFormat.format(edges.length)} edges)</span>
        </caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={sort.column === column.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={`px-2 py-1 font-medium ${column.numeric ? 'text-right' : 'text-left'}`}
              >
                <button
                  type="button"
                  className="inline-flex items-center gap-1 rounded hover:underline"
                  onClick={() => onSort(column.id)}
                >
                  {column.label}
                  <span aria-hidden="true" className="text-xs text-slate-500">
                    {sort.column === column.id ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col" className="px-2 py-1 text-left font-medium">
              Traces
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((edge, row) => {
            const { link } = edge;
            const traces = link.traceIds?.length ?? 0;
            const search = edgeSearch(link.parent, link.child);
            return (
              <tr
                key={edge.index}
                aria-rowindex={row + 2}
                className={`border-b border-slate-100 dark:border-slate-800 ${edge.index === selectedEdge ? 'bg-sky-50 dark:bg-sky-950/50' : ''}`}
              >
                <td className="px-2 py-1">
                  <Link className="text-sky-800 hover:underline dark:text-sky-300" to={serviceSearchHref(link.parent)}>
                    {link.parent}
                  </Link>
                </td>
                <td className="px-2 py-1">
                  <Link className="text-sky-800 hover:underline dark:text-sky-300" to={serviceSearchHref(link.child)}>
                    {link.child}
                  </Link>
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{numberFormat.format(link.callCount)}</td>
                {hasErrors ? (
                  <>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {link.errorCount === undefined ? '—' : numberFormat.format(link.errorCount)}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{percent(edgeErrorRate(link))}</td>
                  </>
                ) : null}
                {hasLatency ? (
                  <>
                    <td className="px-2 py-1 text-right tabular-nums">{link.p50Us === undefined ? '—' : formatDurationUs(link.p50Us)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{link.p95Us === undefined ? '—' : formatDurationUs(link.p95Us)}</td>
                  </>
                ) : null}
                <td className="px-2 py-1">
                  <Link
                    className="text-sky-800 hover:underline dark:text-sky-300"
                    to={search.href}
                    aria-label={search.label}
                  >
                    Search
                  </Link>
                  {hasTraces && traces > 0 ? (
                    <button
                      type="button"
                      className="ml-3 text-sky-800 hover:underline dark:text-sky-300"
                      onClick={() => onShowEdgeTraces(edge.index)}
                    >
                      {edgeTraceCountText(link)}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sorted.length > shown ? (
        <div className="mt-2 flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <span>
            Showing {numberFormat.format(shown)} of {numberFormat.format(sorted.length)}
          </span>
          <Button onClick={() => setShown((n) => n + pageSize * 5)}>Show {numberFormat.format(Math.min(pageSize * 5, sorted.length - shown))} more</Button>
        </div>
      ) : null}
    </div>
  );
}
