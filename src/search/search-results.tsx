// Everything under the form once a search has answered: the count line, quick filters, the scatter
// plot (brush to filter), the duration histogram, the sortable list, compare and download.
// Stats and geometry are computed once per result set; sorting and filtering are plain array work.
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { formatDurationUs, formatElapsedMs } from '../lib/duration-format';
import { SEARCH_LIST_FORMAT } from '../lib/search-list-format';
import { shortTraceId } from '../lib/short-trace-id';
import type { TimeZonePreference } from '../lib/time-format';
import type { TraceSummary } from '../model/types';
import { DurationHistogram } from './duration-histogram';
import { computeResultStats, filterSummaries, sortSummaries } from './result-stats';
import { ResultsList } from './results-list';
import { ResultsScatterPlot } from './results-scatter-plot';
import {
  PERCENTILE_KEYS,
  RESULT_SORT_LABELS,
  RESULT_SORTS,
  type PercentileKey,
  type PlotBrush,
  type ResultSort,
  type ResultViewState,
} from './search-url-state';

export interface SearchResultsProps {
  summaries: readonly TraceSummary[];
  /** How long the backend took, when measured. */
  queryTimeMs: number | null;
  view: ResultViewState;
  onViewChange: (view: ResultViewState) => void;
  traceHref: (traceId: string) => string;
  onOpenTrace: (traceId: string) => void;
  onCompare: (traceIdA: string, traceIdB: string) => void;
  /** Goes into the downloaded list and its file name. */
  backendId: string;
  /** Shown when nothing matched: why, and what to try. */
  emptyHints: readonly string[];
  timeZone: TimeZonePreference;
  /** A refetch is under way; the old results stay visible until it answers. */
  refreshing: boolean;
}

const controlClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:]/g, '').replace(/\..+$/, '').replace('T', '-');
}

export function SearchResults(props: SearchResultsProps) {
  const { summaries, queryTimeMs, view, onViewChange, traceHref, onOpenTrace, onCompare, backendId, emptyHints, timeZone, refreshing } = props;
  // The brush is in the URL (with the view), so a link, a reload and Back show the same selection.
  const brush = view.brush;
  const setBrush = (next: PlotBrush | null) => onViewChange({ ...view, brush: next });
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  /** The pick a third pick unticked, named until the selection changes again. */
  const [droppedId, setDroppedId] = useState<string | null>(null);
  const [nowUs, setNowUs] = useState(() => Date.now() * 1000);

  // A new result set: the selection refers to traces that may be gone. The brush stays: results for
  // the URL's own search (a reload, Back, a refetch) keep the URL's brush, and a new search arrives
  // under a URL without one (the form's submit drops it).
  useEffect(() => {
    setSelectedIds([]);
    setDroppedId(null);
    setNowUs(Date.now() * 1000);
    // Lets the route/e2e measure "response → results on screen" (DESIGN.md §6 budget).
    const frame = requestAnimationFrame(() => performance.mark('skein:search-rendered'));
    return () => cancelAnimationFrame(frame);
  }, [summaries]);

  const stats = useMemo(() => computeResultStats(summaries), [summaries]);
  const minDurationUs = view.slowerThan ? stats.percentilesUs[view.slowerThan] : null;
  const quickFiltered = useMemo(
    () => filterSummaries(summaries, { errorsOnly: view.errorsOnly, minDurationUs, brush: null }),
    [summaries, view.errorsOnly, minDurationUs],
  );
  const listed = useMemo(() => {
    const filtered = brush ? filterSummaries(quickFiltered, { errorsOnly: false, minDurationUs: null, brush }) : quickFiltered;
    return sortSummaries(filtered, view.sort);
  }, [quickFiltered, brush, view.sort]);
  // The plot draws exactly the listed traces in colour (quick filters and plot selection both
  // applied): a dot outside the selection that passes a quick filter is not in the list either.
  const highlighted = useMemo(
    () => (listed.length === summaries.length ? null : new Set(listed.map((s) => s.traceId))),
    [listed, summaries],
  );

  const toggleSelected = (traceId: string) => {
    if (selectedIds.includes(traceId)) {
      setSelectedIds(selectedIds.filter((id) => id !== traceId));
      setDroppedId(null);
      return;
    }
    // Keep the last two picks (comparing is always between two traces), and say which one a third
    // pick unticked: it may be scrolled out of view, and a silent swap compares the wrong pair.
    const kept = [...selectedIds, traceId].slice(-2);
    setDroppedId(selectedIds.find((id) => !kept.includes(id)) ?? null);
    setSelectedIds(kept);
  };

  const count = summaries.length;
  const countLine = `${count} trace${count === 1 ? '' : 's'}`;
  if (count === 0) {
    return (
      <section aria-label="Results" className="space-y-3">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <strong className="text-slate-900 dark:text-slate-100">0 traces</strong>
          {queryTimeMs !== null ? ` in ${formatElapsedMs(queryTimeMs)}` : ''}
        </p>
        <EmptyState title="No traces matched this search">
          <ul className="mx-auto max-w-md list-disc space-y-1 text-left">
            {emptyHints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </EmptyState>
      </section>
    );
  }

  const [firstSelected, secondSelected] = selectedIds;
  const filteredNote = listed.length !== count ? `, showing ${listed.length}` : '';

  return (
    <section aria-label="Results" className={`space-y-3 ${refreshing ? 'opacity-70' : ''}`} aria-busy={refreshing}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
          <strong className="text-base text-slate-900 dark:text-slate-100">{countLine}</strong>
          {queryTimeMs !== null ? ` in ${formatElapsedMs(queryTimeMs)}` : ''}
          {filteredNote}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            disabled={!firstSelected || !secondSelected}
            title={selectedIds.length < 2 ? 'Tick two traces in the list to compare them' : undefined}
            onClick={() => {
              if (firstSelected && secondSelected) onCompare(firstSelected, secondSelected);
            }}
          >
            Compare{selectedIds.length > 0 ? ` (${selectedIds.length}/2)` : ''}
          </Button>
          <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
            {droppedId !== null ? `Unticked ${shortTraceId(droppedId)}: a comparison takes two traces.` : ''}
          </p>
          <Button
            variant="secondary"
            disabled={listed.length === 0}
            // Search results carry summaries, not spans: the file is the list as shown (filters, plot
            // selection and sort applied), named so nobody expects a trace file. Opening it in Skein
            // says what it is (src/api/parsers/detect-format.ts).
            title={`The ${listed.length} trace${listed.length === 1 ? '' : 's'} listed below as summaries (ID, services, start, duration), without spans. Open a trace to download its spans.`}
            onClick={() =>
              downloadJson(`skein-search-list-${backendId}-${fileStamp(new Date())}.json`, {
                format: SEARCH_LIST_FORMAT,
                description: 'Trace summaries from a Skein search, as listed (filters applied). No spans: open each trace by its ID to see them.',
                backend: backendId,
                exportedAt: new Date().toISOString(),
                traces: listed,
              })
            }
          >
            Download list (JSON)
          </Button>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" role="group" aria-label="Quick filters">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            className="size-4 accent-red-600"
            checked={view.errorsOnly}
            onChange={(e) => onViewChange({ ...view, errorsOnly: e.target.checked })}
          />
          Errors only <span className="text-slate-500 dark:text-slate-400">({stats.errorTraceCount})</span>
        </label>
        <label className="flex items-center gap-1.5">
          Slower than
          <select
            className={controlClass}
            value={view.slowerThan ?? ''}
            onChange={(e) => onViewChange({ ...view, slowerThan: (e.target.value || null) as PercentileKey | null })}
          >
            <option value="">any duration</option>
            {PERCENTILE_KEYS.map((key) => (
              <option key={key} value={key}>
                {key} ({formatDurationUs(stats.percentilesUs[key])})
              </option>
            ))}
          </select>
        </label>
        {brush ? (
          <span className="flex items-center gap-2 rounded-md bg-sky-50 px-2 py-0.5 dark:bg-sky-950">
            Plot selection: {formatDurationUs(brush.durationUsMin)} – {formatDurationUs(brush.durationUsMax)}
            <Button variant="ghost" className="!px-1.5 !py-0 text-xs" onClick={() => setBrush(null)}>
              Clear selection
            </Button>
          </span>
        ) : null}
        <label className="ml-auto flex items-center gap-1.5">
          Sort
          <select
            className={controlClass}
            value={view.sort}
            onChange={(e) => onViewChange({ ...view, sort: e.target.value as ResultSort })}
          >
            {RESULT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {RESULT_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <ResultsScatterPlot
          summaries={summaries}
          stats={stats}
          highlighted={highlighted}
          brush={brush}
          onBrush={setBrush}
          onOpenTrace={onOpenTrace}
          timeZone={timeZone}
        />
        <DurationHistogram summaries={summaries} stats={stats} />
      </div>

      {listed.length === 0 ? (
        <EmptyState title="No trace passes the filters">
          Clear the plot selection or the quick filters above to see all {countLine}.
        </EmptyState>
      ) : (
        <ResultsList
          summaries={listed}
          maxDurationUs={stats.maxDurationUs}
          traceHref={traceHref}
          selectedIds={selectedIds}
          onToggleSelected={toggleSelected}
          timeZone={timeZone}
          nowUs={nowUs}
        />
      )}
    </section>
  );
}
