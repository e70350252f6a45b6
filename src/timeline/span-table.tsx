/**
 * SpanTable: every span of a trace as a flat, sortable table (view=spans).
 *
 * Props: `trace`, `selectedSpanId`, `onSelectSpan(spanId)` (a row click opens the span, as in the
 * waterfall), and `view` + `onViewChange`: the sort (start, duration, self time, service, name)
 * and the service filter, kept in the URL by the trace page (./table-views.ts). Leave both out to
 * keep them inside the component. The table body is virtualised with spacer rows, so 100k spans stay fast while
 * the markup remains a real <table> with sortable column headers (aria-sort).
 */

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useControllableState } from '../components/use-controllable-state';
import { serviceColours } from '../lib/colour-scale';
import { formatDurationUs } from '../lib/duration-format';
import { computeSelfTimes } from '../model/self-time';
import type { Trace } from '../model/types';
import { spanTableOrder, type SpanTableSortKey } from './span-table-order';
import { DEFAULT_SPAN_TABLE_VIEW, type SpanTableView } from './table-views';

interface SpanTableProps {
  trace: Trace;
  selectedSpanId: string | null;
  onSelectSpan(spanId: string | null): void;
  view?: SpanTableView;
  onViewChange?(view: SpanTableView): void;
}

const ROW_HEIGHT_PX = 30;

const COLUMNS: { key: SpanTableSortKey; label: string; numeric: boolean }[] = [
  { key: 'service', label: 'Service', numeric: false },
  { key: 'name', label: 'Name', numeric: false },
  { key: 'start', label: 'Start', numeric: true },
  { key: 'duration', label: 'Duration', numeric: true },
  { key: 'selfTime', label: 'Self time', numeric: true },
];

export function SpanTable({ trace, selectedSpanId, onSelectSpan, ...props }: SpanTableProps) {
  const [view, setView] = useControllableState(props.view, props.onViewChange, DEFAULT_SPAN_TABLE_VIEW);
  const { sortKey, direction } = view;
  // A service from a link that this trace lacks shows every span; the link keeps it.
  const foundService = view.service === null ? -1 : trace.services.findIndex((s) => s.name === view.service);
  const serviceIndex = foundService < 0 ? null : foundService;
  const selfTimes = useMemo(() => computeSelfTimes(trace), [trace]);
  const colours = useMemo(() => serviceColours(trace.services.map((s) => s.name)), [trace]);
  const order = useMemo(
    () => spanTableOrder(trace, selfTimes, sortKey, direction, serviceIndex),
    [trace, selfTimes, sortKey, direction, serviceIndex],
  );
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 15,
  });
  // A span selected elsewhere (the timeline, a link) is scrolled into view when the table opens or
  // the selection changes; re-sorting alone does not jump.
  const orderRef = useRef(order);
  orderRef.current = order;
  useEffect(() => {
    if (selectedSpanId === null) return;
    const current = orderRef.current;
    const at = current.findIndex((i) => trace.spans[i]?.spanId === selectedSpanId);
    const box = scrollRef.current;
    if (at < 0 || !box) return;
    // The sticky header sits above the rows in the same scroll box (the virtualiser does not know
    // it), so the row's place is computed here: left alone when fully visible, else centred.
    const headerPx = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const rowTopPx = headerPx + at * ROW_HEIGHT_PX;
    const visible = rowTopPx >= box.scrollTop + headerPx && rowTopPx + ROW_HEIGHT_PX <= box.scrollTop + box.clientHeight;
    if (!visible) box.scrollTop = Math.max(0, rowTopPx - (box.clientHeight - ROW_HEIGHT_PX) / 2);
  }, [selectedSpanId, trace]);
  const items = virtualizer.getVirtualItems();
  const topPad = items[0]?.start ?? 0;
  const bottomPad = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const sortBy = (key: SpanTableSortKey) => {
    if (key === sortKey) setView({ ...view, direction: direction === 'ascending' ? 'descending' : 'ascending' });
    else setView({ ...view, sortKey: key, direction: key === 'service' || key === 'name' || key === 'start' ? 'ascending' : 'descending' });
  };

  return (
    <div className="flex h-full min-h-0 flex-col bg-white text-sm text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="flex items-center gap-3 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <label className="flex items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
          Service
          <select
            value={serviceIndex ?? ''}
            onChange={(e) => setView({ ...view, service: e.target.value === '' ? null : (trace.services[Number(e.target.value)]?.name ?? null) })}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">All services</option>
            {trace.services.map((s, i) => (
              <option key={i} value={i}>
                {s.name} ({s.spanCount})
              </option>
            ))}
          </select>
        </label>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {order.length} of {trace.spans.length} spans
        </span>
      </div>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        <table className="w-full table-fixed border-collapse" aria-label="Spans" aria-rowcount={order.length + 1}>
          <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sortKey === column.key ? direction : 'none'}
                  className={`border-b border-slate-200 px-2 py-1 text-xs font-semibold dark:border-slate-700 ${column.numeric ? 'w-28 text-right' : 'text-left'} ${column.key === 'service' ? 'w-48' : ''}`}
                >
                  <button type="button" onClick={() => sortBy(column.key)} className="hover:underline">
                    {column.label}
                    <span aria-hidden="true">{sortKey === column.key ? (direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {topPad > 0 && (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS.length} style={{ height: topPad, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const i = order[item.index];
              const span = i === undefined ? undefined : trace.spans[i];
              if (i === undefined || !span) return null;
              const selected = span.spanId === selectedSpanId;
              return (
                <tr
                  key={i}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  data-span-id={span.spanId}
                  onClick={() => onSelectSpan(span.spanId)}
                  className={`cursor-default border-b border-slate-100 dark:border-slate-800 ${selected ? 'bg-sky-100 dark:bg-sky-900/60' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'}`}
                  style={{ height: ROW_HEIGHT_PX }}
                >
                  <td className="truncate px-2">
                    <span aria-hidden="true" className="mr-1.5 inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: colours[trace.columns.service[i] ?? 0] }} />
                    {span.serviceName}
                  </td>
                  <td className="truncate px-2">
                    {/* A button, so keyboard users can reach and open a span as the mouse does with the row. */}
                    <button
                      type="button"
                      className="max-w-full truncate text-left hover:underline focus-visible:outline-2 focus-visible:outline-sky-500"
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelectSpan(span.spanId);
                      }}
                    >
                      {span.name}
                    </button>
                    {span.isError && <span className="ml-1 rounded bg-red-600 px-1 text-[10px] font-semibold text-white">error</span>}
                  </td>
                  <td className="px-2 text-right tabular-nums">{formatDurationUs(span.startUs)}</td>
                  <td className="px-2 text-right tabular-nums">{formatDurationUs(span.durationUs)}</td>
                  <td className="px-2 text-right tabular-nums">{formatDurationUs(selfTimes[i] ?? 0)}</td>
                </tr>
              );
            })}
            {bottomPad > 0 && (
              <tr aria-hidden="true">
                <td colSpan={COLUMNS.length} style={{ height: bottomPad, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
        {order.length === 0 && <p className="p-6 text-center text-slate-600 dark:text-slate-400">No spans.</p>}
      </div>
    </div>
  );
}
