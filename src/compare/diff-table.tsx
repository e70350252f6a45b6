// The `Trace differences` table (DESIGN.md §5): one row per node of the union tree, sortable,
// filterable to changed rows. Large diffs show the first rows and grow on request, so the table
// never puts tens of thousands of rows into the DOM at once. Its sort, switch and filter text come
// from its page (`view`), which keeps them in the URL; how many rows are shown is its own.

import { useId, useMemo, useState } from 'react';
import { Button } from '../components/button';
import { formatDurationUs } from '../lib/duration-format';
import { nodePath, selfDeltaUs, totalDeltaUs, type TraceDiff } from '../model/trace-diff';
import { formatDeltaUs } from './delta-format';
import { nodeLabel } from './diff-sentences';
import { defaultDiffSort, diffTableRows, emptyTableMessage, firstDirection, type DiffSortKey, type DiffTableView } from './diff-table-rows';
import { deltaTextClass } from './diff-waterfall';

const PAGE_ROWS = 100;

const columns: { key: DiffSortKey; label: string; numeric: boolean; title?: string }[] = [
  { key: 'service', label: 'Service', numeric: false },
  { key: 'operation', label: 'Operation', numeric: false },
  { key: 'countA', label: 'Count A', numeric: true },
  { key: 'countB', label: 'Count B', numeric: true },
  { key: 'timeA', label: 'Time A', numeric: true, title: 'Sum of the span durations in A' },
  { key: 'timeB', label: 'Time B', numeric: true, title: 'Sum of the span durations in B' },
  { key: 'delta', label: 'Delta', numeric: true, title: 'Time B − time A' },
  { key: 'selfDelta', label: 'Self Δ', numeric: true, title: 'Change of self time (time not spent in child spans)' },
];

export interface DiffTableProps {
  diff: TraceDiff;
  selectedNodeId: number | null;
  onSelectNode(nodeId: number): void;
  /** Sort (null: the diff's default), "Only changed rows" and filter text. */
  view: DiffTableView;
  onViewChange(view: DiffTableView): void;
}

export function DiffTable({ diff, selectedNodeId, onSelectNode, view, onViewChange }: DiffTableProps) {
  const { onlyChanged, text: filterText } = view;
  const sort = useMemo(() => view.sort ?? defaultDiffSort(diff), [view.sort, diff]);
  const [shown, setShown] = useState(PAGE_ROWS);
  const filterId = useId();
  const rows = useMemo(() => diffTableRows(diff, sort, { onlyChanged, text: filterText }), [diff, sort, onlyChanged, filterText]);
  const { thresholdUs } = diff.summary;

  /** A new sort keeps the rows shown; a new switch or filter starts again from the first page. */
  const change = (next: Partial<DiffTableView>) => {
    if (next.onlyChanged !== undefined || next.text !== undefined) setShown(PAGE_ROWS);
    onViewChange({ ...view, ...next });
  };
  const sortBy = (key: DiffSortKey) =>
    change({
      sort: sort.key === key ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: firstDirection(key) },
    });

  const cell = 'px-2 py-1.5 align-top';
  const num = `${cell} text-right whitespace-nowrap tabular-nums`;
  return (
    <section aria-labelledby={`${filterId}-title`} className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`${filterId}-title`} className="text-base font-semibold">
          Differences by operation
        </h2>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={onlyChanged}
            onChange={(e) => change({ onlyChanged: e.target.checked })}
          />
          Only changed rows
        </label>
        <label htmlFor={filterId} className="sr-only">
          Filter operations
        </label>
        <input
          id={filterId}
          type="search"
          value={filterText}
          onChange={(e) => change({ text: e.target.value })}
          placeholder="Filter: service or operation"
          className="w-60 rounded border border-slate-300 bg-white px-2 py-1 text-sm placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400"
        />
        <span className="text-sm text-slate-600 dark:text-slate-300" role="status" aria-live="polite">
          {rows.length === 1 ? '1 row' : `${rows.length} rows`}
          {onlyChanged ? ` (changes of ${formatDurationUs(thresholdUs)} or more, or in counts or errors)` : ''}
        </span>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table aria-label="Trace differences" className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sort.key === c.key ? sort.direction : undefined}
                  className={`${cell} font-semibold whitespace-nowrap ${c.numeric ? 'text-right' : ''}`}
                  title={c.title}
                >
                  <button
                    type="button"
                    onClick={() => sortBy(c.key)}
                    className="inline-flex items-center gap-1 rounded px-1 hover:bg-slate-200 dark:hover:bg-slate-800"
                  >
                    {c.label}
                    <span aria-hidden="true" className="w-2 text-[10px]">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.slice(0, shown).map((id) => {
              const node = diff.nodes[id]!;
              const delta = totalDeltaUs(node);
              const self = selfDeltaUs(node);
              const selected = selectedNodeId === id;
              const parents = nodePath(diff, id).slice(0, -1);
              return (
                <tr
                  key={id}
                  data-selected={selected || undefined}
                  data-node-id={id}
                  onClick={() => onSelectNode(id)}
                  className={`cursor-pointer ${selected ? 'bg-sky-100 dark:bg-sky-900/60' : 'hover:bg-slate-50 dark:hover:bg-slate-900/60'}`}
                >
                  <td className={`${cell} font-medium whitespace-nowrap`}>{node.serviceName}</td>
                  <td className={cell}>
                    <button
                      type="button"
                      className="text-left text-sky-800 underline-offset-2 hover:underline dark:text-sky-300"
                      aria-label={`Details of ${nodeLabel(node)}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelectNode(id);
                      }}
                    >
                      {node.name}
                    </button>
                    {node.status !== 'matched' ? (
                      <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">
                        ({node.status === 'added' ? 'only in B' : 'only in A'})
                      </span>
                    ) : null}
                    {parents.length > 0 ? (
                      <div className="max-w-[22rem] truncate text-xs text-slate-600 dark:text-slate-400" title={parents.map(nodeLabel).join(' › ')}>
                        in {parents.map(nodeLabel).join(' › ')}
                      </div>
                    ) : null}
                  </td>
                  <td className={num}>{node.a.count}</td>
                  <td className={num}>{node.b.count}</td>
                  <td className={num}>{node.a.count > 0 ? formatDurationUs(node.a.totalUs) : '—'}</td>
                  <td className={num}>{node.b.count > 0 ? formatDurationUs(node.b.totalUs) : '—'}</td>
                  <td className={`${num} font-medium ${deltaTextClass(delta, thresholdUs)}`}>{formatDeltaUs(delta)}</td>
                  <td className={`${num} ${deltaTextClass(self, thresholdUs)}`}>{formatDeltaUs(self)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="p-4 text-center text-sm text-slate-600 dark:text-slate-300">
            {emptyTableMessage(diff, { onlyChanged, text: filterText })}
          </p>
        ) : null}
      </div>
      {rows.length > shown ? (
        <Button onClick={() => setShown((n) => n + PAGE_ROWS * 5)}>
          Show {Math.min(PAGE_ROWS * 5, rows.length - shown)} more of {rows.length - shown} hidden rows
        </Button>
      ) : null}
    </section>
  );
}
