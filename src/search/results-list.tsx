// The results, one row per trace, virtualized so 1,500 rows cost as much as the ~10 on screen.
// Each row links to its trace and can be ticked for comparison.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { serviceColour } from '../lib/colour-scale';
import { formatDurationUs } from '../lib/duration-format';
import { formatTimestamp, type TimeZonePreference } from '../lib/time-format';
import { summaryStartUs } from '../model/trace-summary';
import type { TraceSummary } from '../model/types';
import { isIncomplete, traceErrorCount, traceSpanCount } from './result-stats';
import { shortTraceId } from '../lib/short-trace-id';
import { useElementWidthPx } from '../components/use-element-width';

const ROW_HEIGHT_PX = 84;
/**
 * Below this list width the start time does not fit on the line of the counts and services (at
 * 390 px it pushed the row sideways, and the list scrolled sideways with it): it gets a line of its
 * own, and the rows this much more height.
 */
const ONE_LINE_FOOTER_MIN_WIDTH_PX = 600;
const STACKED_ROW_HEIGHT_PX = 104;
const MAX_SERVICES_SHOWN = 6;

export interface ResultsListProps {
  summaries: readonly TraceSummary[];
  /** The longest duration in the whole result set: bars are relative to it. */
  maxDurationUs: number;
  traceHref: (traceId: string) => string;
  selectedIds: readonly string[];
  onToggleSelected: (traceId: string) => void;
  timeZone: TimeZonePreference;
  /** Epoch µs used for "5 min ago". */
  nowUs: number;
}

/** `5 s ago`, `12 min ago`, `3 h ago`, `2 days ago`. */
export function relativeTime(epochUs: number, nowUs: number): string {
  const seconds = Math.round((nowUs - epochUs) / 1e6);
  if (seconds < 0) return 'in the future';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function ResultsList({ summaries, maxDurationUs, traceHref, selectedIds, onToggleSelected, timeZone, nowUs }: ResultsListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidthPx(scrollRef);
  const stacked = widthPx > 0 && widthPx < ONE_LINE_FOOTER_MIN_WIDTH_PX;
  const rowHeightPx = stacked ? STACKED_ROW_HEIGHT_PX : ROW_HEIGHT_PX;
  const virtualizer = useVirtualizer({
    count: summaries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: 6,
    getItemKey: (index) => summaries[index]?.traceId ?? index,
  });
  // The virtualizer keeps the row offsets it computed: a new row height needs them again.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeightPx]);
  const heightPx = Math.min(summaries.length * rowHeightPx, 10 * rowHeightPx);

  return (
    // Never sideways: the rows are as wide as the list, and what does not fit is cut or wrapped.
    <div ref={scrollRef} className="overflow-y-auto overflow-x-hidden rounded-md border border-slate-200 dark:border-slate-800" style={{ height: Math.max(heightPx, rowHeightPx) }}>
      <div role="list" aria-label="Search results" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const summary = summaries[item.index];
          if (!summary) return null;
          return (
            <ResultRow
              key={item.key}
              summary={summary}
              index={item.index}
              setSize={summaries.length}
              top={item.start}
              heightPx={rowHeightPx}
              stacked={stacked}
              maxDurationUs={maxDurationUs}
              href={traceHref(summary.traceId)}
              selected={selectedIds.includes(summary.traceId)}
              onToggleSelected={onToggleSelected}
              timeZone={timeZone}
              nowUs={nowUs}
            />
          );
        })}
      </div>
    </div>
  );
}

interface ResultRowProps {
  summary: TraceSummary;
  index: number;
  setSize: number;
  top: number;
  heightPx: number;
  /** The start time on a line of its own (a narrow list). */
  stacked: boolean;
  maxDurationUs: number;
  href: string;
  selected: boolean;
  onToggleSelected: (traceId: string) => void;
  timeZone: TimeZonePreference;
  nowUs: number;
}

function ResultRow({ summary, index, setSize, top, heightPx, stacked, maxDurationUs, href, selected, onToggleSelected, timeZone, nowUs }: ResultRowProps) {
  const spans = traceSpanCount(summary);
  const errors = traceErrorCount(summary);
  const incomplete = isIncomplete(summary);
  const widthPct = maxDurationUs > 0 ? Math.max(0.5, (summary.durationUs / maxDurationUs) * 100) : 0;
  const services = [...summary.services].sort((a, b) => b.spanCount - a.spanCount);
  const shown = services.slice(0, MAX_SERVICES_SHOWN);
  const title = `${summary.rootServiceName}: ${summary.rootName || '(unnamed)'}`;
  const startUs = summaryStartUs(summary);
  // Cut rather than pushed out of the row when even a line of its own is too narrow.
  const startTime =
    startUs === null ? (
      <span className="min-w-0 shrink-0 truncate text-right" title="No span of this trace has a start time">
        start unknown
      </span>
    ) : (
      <span className="min-w-0 shrink-0 truncate text-right tabular-nums" title={formatTimestamp(startUs, timeZone)}>
        {formatTimestamp(startUs, timeZone)} <span className="text-slate-500 dark:text-slate-400">({relativeTime(startUs, nowUs)})</span>
      </span>
    );
  return (
    <div
      role="listitem"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-trace-id={summary.traceId}
      className={
        'absolute left-0 flex w-full gap-3 border-b border-slate-200 px-3 py-2 dark:border-slate-800 ' +
        (selected ? 'bg-sky-50 dark:bg-sky-950/50' : 'hover:bg-slate-50 dark:hover:bg-slate-900')
      }
      style={{ top, height: heightPx }}
    >
      <input
        type="checkbox"
        className="mt-1 size-4 shrink-0 accent-sky-700"
        checked={selected}
        onChange={() => onToggleSelected(summary.traceId)}
        aria-label={`Select ${title} (${shortTraceId(summary.traceId)}) for comparison`}
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <Link to={href} className="min-w-0 truncate font-semibold text-sky-800 hover:underline dark:text-sky-300">
            <span className="text-slate-900 dark:text-slate-100">{summary.rootServiceName}:</span> {summary.rootName || '(unnamed)'}
          </Link>
          <span className="shrink-0 font-mono text-xs text-slate-500 dark:text-slate-400">{shortTraceId(summary.traceId)}</span>
          {incomplete ? (
            <span
              className="shrink-0 rounded border border-amber-400 bg-amber-50 px-1 text-xs text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
              title={
                summary.orphanCount
                  ? `${summary.orphanCount} span${summary.orphanCount === 1 ? '' : 's'} whose parent is missing`
                  : 'The root span has not been received'
              }
            >
              incomplete
            </span>
          ) : null}
          <span className="ml-auto shrink-0 text-sm font-semibold tabular-nums text-slate-900 dark:text-slate-100">
            {formatDurationUs(summary.durationUs)}
          </span>
        </div>
        <div className="mt-1 h-1.5 w-full rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
          <div
            className={`h-full rounded-full ${errors ? 'bg-red-500 dark:bg-red-400' : 'bg-sky-600 dark:bg-sky-400'}`}
            style={{ width: `${widthPct}%` }}
          />
        </div>
        <div className="mt-1.5 flex items-center gap-3 text-xs text-slate-600 dark:text-slate-300">
          <span className="shrink-0 tabular-nums">{spans === null ? '? spans' : `${spans} span${spans === 1 ? '' : 's'}`}</span>
          <span className={`shrink-0 tabular-nums ${errors ? 'font-semibold text-red-700 dark:text-red-300' : ''}`}>
            {errors === null ? '' : `${errors} error${errors === 1 ? '' : 's'}`}
          </span>
          <ul className="flex h-5 min-w-0 flex-1 flex-wrap gap-1 overflow-hidden" aria-label="Services">
            {shown.map((service) => (
              <li
                key={service.name}
                className="flex shrink-0 items-center gap-1 rounded border border-slate-200 px-1 dark:border-slate-700"
                title={`${service.name}: ${service.spanCount} spans${service.errorCount ? `, ${service.errorCount} errors` : ''}`}
              >
                <span aria-hidden="true" className="size-2 rounded-full" style={{ background: serviceColour(service.name) }} />
                <span className="max-w-36 truncate">{service.name}</span>
                <span className="tabular-nums text-slate-500 dark:text-slate-400">{service.spanCount}</span>
              </li>
            ))}
            {services.length > shown.length ? <li className="shrink-0">+{services.length - shown.length} more</li> : null}
          </ul>
          {stacked ? null : startTime}
        </div>
        {stacked ? <div className="mt-1 flex text-xs text-slate-600 dark:text-slate-300">{startTime}</div> : null}
      </div>
    </div>
  );
}
