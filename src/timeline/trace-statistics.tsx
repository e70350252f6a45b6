/**
 * TraceStatistics: timing statistics of one trace grouped by service, operation or an attribute
 * (view=stats). Props: `trace`, and `view` + `onViewChange`: the grouping and the sort, kept in the
 * URL by the trace page (./table-views.ts); leave both out to keep them inside the component. The
 * numbers come from src/model/trace-stats.ts.
 */

import { useId, useMemo } from 'react';
import { useControllableState } from '../components/use-controllable-state';
import { formatDurationUs } from '../lib/duration-format';
import { traceStats, type StatsGroupBy, type TraceStatsRow } from '../model/trace-stats';
import type { Trace } from '../model/types';
import { commonAttributeKeys } from './attribute-text';
import { DEFAULT_STATS_VIEW, type StatsSortColumn as SortColumn, type StatsView } from './table-views';

const NUMERIC_COLUMNS: { key: Exclude<SortColumn, 'key'>; label: string; duration: boolean }[] = [
  { key: 'count', label: 'Spans', duration: false },
  { key: 'totalUs', label: 'Total', duration: true },
  { key: 'selfTotalUs', label: 'Self total', duration: true },
  { key: 'avgUs', label: 'Average', duration: true },
  { key: 'minUs', label: 'Min', duration: true },
  { key: 'maxUs', label: 'Max', duration: true },
  { key: 'p95Us', label: 'p95', duration: true },
];

interface TraceStatisticsProps {
  trace: Trace;
  view?: StatsView;
  onViewChange?(view: StatsView): void;
}

export function TraceStatistics({ trace, ...props }: TraceStatisticsProps) {
  const [view, setView] = useControllableState(props.view, props.onViewChange, DEFAULT_STATS_VIEW);
  const sort = { column: view.sortColumn, ascending: view.ascending };
  const setSort = (next: { column: SortColumn; ascending: boolean }) => setView({ ...view, sortColumn: next.column, ascending: next.ascending });
  const selectId = useId();
  const attributeKeys = useMemo(() => commonAttributeKeys(trace.spans), [trace]);
  // An attribute from a link that this trace's spans do not share groups by service; the link keeps it.
  const { groupBy } = view;
  const groupChoice =
    groupBy.kind === 'attribute' ? (attributeKeys.includes(groupBy.key) ? `attr:${groupBy.key}` : 'service') : groupBy.kind;
  const setGroupChoice = (choice: string) =>
    setView({
      ...view,
      groupBy:
        choice === 'service'
          ? { kind: 'service' }
          : choice === 'operation'
            ? { kind: 'operation' }
            : { kind: 'attribute', key: choice.slice('attr:'.length) },
    });
  const rows = useMemo(() => traceStats(trace, toGroupBy(groupChoice)), [trace, groupChoice]);
  const sorted = useMemo(() => sortRows(rows, view.sortColumn, view.ascending), [rows, view.sortColumn, view.ascending]);
  const totalSelfUs = rows.reduce((sum, r) => sum + r.selfTotalUs, 0);
  const groupLabel = groupChoice === 'service' ? 'Service' : groupChoice === 'operation' ? 'Operation' : groupChoice.slice('attr:'.length);

  const header = (column: SortColumn, label: string, alignRight: boolean) => (
    <th
      key={column}
      scope="col"
      aria-sort={sort.column === column ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
      className={`border-b border-slate-200 px-2 py-1 text-xs font-semibold dark:border-slate-700 ${alignRight ? 'text-right' : 'text-left'}`}
    >
      <button
        type="button"
        className="hover:underline"
        onClick={() => setSort(sort.column === column ? { column, ascending: !sort.ascending } : { column, ascending: column === 'key' })}
      >
        {label}
        <span aria-hidden="true">{sort.column === column ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <div className="flex h-full min-h-0 flex-col bg-white text-sm text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <label htmlFor={selectId} className="text-xs text-slate-700 dark:text-slate-300">
          Group by
        </label>
        <select
          id={selectId}
          value={groupChoice}
          onChange={(e) => setGroupChoice(e.target.value)}
          className="max-w-72 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="service">Service</option>
          <option value="operation">Operation</option>
          <optgroup label="Attribute">
            {attributeKeys.map((key) => (
              <option key={key} value={`attr:${key}`}>
                {key}
              </option>
            ))}
          </optgroup>
        </select>
        <span className="text-xs text-slate-600 dark:text-slate-400">{rows.length} groups</span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        <table className="w-full border-collapse" aria-label="Trace statistics">
          <thead className="sticky top-0 bg-slate-50 dark:bg-slate-900">
            <tr>
              {header('key', groupLabel, false)}
              {NUMERIC_COLUMNS.map((c) => header(c.key, c.label, true))}
              <th scope="col" className="w-40 border-b border-slate-200 px-2 py-1 text-left text-xs font-semibold dark:border-slate-700">
                Share of self time
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => {
              const share = totalSelfUs > 0 ? row.selfTotalUs / totalSelfUs : 0;
              return (
                <tr key={row.key} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="max-w-md truncate px-2 py-1 text-left font-normal" title={row.key}>
                    {row.key}
                  </th>
                  {NUMERIC_COLUMNS.map((c) => (
                    <td key={c.key} className="px-2 py-1 text-right tabular-nums">
                      {c.duration ? formatDurationUs(row[c.key]) : row[c.key]}
                    </td>
                  ))}
                  <td className="px-2 py-1">
                    <div className="flex items-center gap-1.5">
                      <div className="h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                        <div className="h-2 rounded bg-sky-600 dark:bg-sky-500" style={{ width: `${share * 100}%` }} />
                      </div>
                      <span className="w-12 text-right text-xs tabular-nums">{(share * 100).toFixed(1)}%</span>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-6 text-center text-slate-600 dark:text-slate-400">No spans.</p>}
      </div>
    </div>
  );
}

/** The select's value: 'service', 'operation' or 'attr:<key>'. */
function toGroupBy(choice: string): StatsGroupBy {
  return choice === 'service' || choice === 'operation' ? choice : { attribute: choice.slice('attr:'.length) };
}

function sortRows(rows: readonly TraceStatsRow[], column: SortColumn, ascending: boolean): TraceStatsRow[] {
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) =>
    column === 'key' ? sign * a.key.localeCompare(b.key) : sign * (a[column] - b[column]) || a.key.localeCompare(b.key),
  );
}
