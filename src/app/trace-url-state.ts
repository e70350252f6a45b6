// Trace page state kept in the URL (DESIGN.md §3): `find` (also Jaeger's `uiFind`), `zoom`, `fold`
// (the waterfall's collapse state) and the waterfall's view switches (`critical`, `group`, `skew`,
// `label`, `findmode`: src/timeline/timeline-options.ts), the span table's `spans.sort` and
// `spans.service` and the statistics' `stats.by` and `stats.sort` (src/timeline/table-views.ts); the comparison waterfall's `find`, `changed` and
// `fold` (src/compare/diff-fold-param.ts), and its table's `sort`, `rows` and `filter`.
// They change on every keystroke, drag frame or burst of clicks, so the component keeps them
// locally and the URL is written once the user pauses (browsers throttle history.replaceState
// calls). Kept locally, a control also shows its new state at once: a checkbox whose `checked`
// came from the URL would spring back until the router's navigation has rendered.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDiffSortParam, parseDiffSortParam, type DiffTableView } from '../compare/diff-table-rows';
import type { DiffWaterfallView } from '../compare/diff-waterfall';
import { parseSpanTableView, parseStatsView, spanTableViewParams, statsViewParams } from '../timeline/table-views';
import { parseTimelineOptions, timelineOptionsParams } from '../timeline/timeline-options';
import { withParams } from '../lib/with-params';
import { liveSearchParams } from './url-params';

export interface ZoomRangeUs {
  startUs: number;
  endUs: number;
}

const URL_WRITE_DELAY_MS = 300;

/** `zoom=12.5,340` (µs from trace start) → range; anything malformed → null (whole trace). */
export function parseZoomParam(value: string | null): ZoomRangeUs | null {
  if (!value) return null;
  const parts = value.split(',');
  if (parts.length !== 2) return null;
  const startUs = Number(parts[0]);
  const endUs = Number(parts[1]);
  if (!Number.isFinite(startUs) || !Number.isFinite(endUs) || startUs < 0 || endUs <= startUs) return null;
  return { startUs, endUs };
}

function roundUs(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function formatZoomParam(range: ZoomRangeUs | null): string | null {
  return range ? `${roundUs(range.startUs)},${roundUs(range.endUs)}` : null;
}

/** A URL parameter mirrored by local state; the URL follows after a short pause (replace, not push). */
function useDebouncedParam<T>(read: (params: URLSearchParams) => T, write: (value: T) => [string, string | null][]) {
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState<T>(() => read(params));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(value);
  // The write merges into the address bar's URL at that moment (liveSearchParams), so a tab switch
  // or a span selection made during the pause is kept even before React has rendered it. It goes
  // through the newest setter (the ref), which navigates from the newest location.
  const setParamsRef = useRef(setParams);
  useLayoutEffect(() => {
    setParamsRef.current = setParams;
  }, [setParams]);

  const flush = useCallback(() => {
    timer.current = null;
    setParamsRef.current(withParams(liveSearchParams(), write(latest.current)), { replace: true });
    // `write` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = useCallback(
    (change: T | ((current: T) => T)) => {
      // (An updater sees every earlier change, even one not rendered yet.)
      const next = typeof change === 'function' ? (change as (current: T) => T)(latest.current) : change;
      latest.current = next;
      setValue(next);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, URL_WRITE_DELAY_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return [value, update] as const;
}

const readFind = (params: URLSearchParams) => params.get('find') ?? params.get('uiFind') ?? '';
const writeFind = (query: string): [string, string | null][] => [
  ['find', query],
  ['uiFind', null],
];
const readZoom = (params: URLSearchParams) => parseZoomParam(params.get('zoom'));
const writeZoom = (range: ZoomRangeUs | null): [string, string | null][] => [['zoom', formatZoomParam(range)]];

export function useFindParam() {
  return useDebouncedParam(readFind, writeFind);
}

export function useZoomParam() {
  return useDebouncedParam(readZoom, writeZoom);
}

// `fold` is passed through as text: the timeline decodes it against the trace (src/timeline/collapse-param.ts).
const readFold = (params: URLSearchParams) => params.get('fold');
const writeFold = (param: string | null): [string, string | null][] => [['fold', param]];

/** The collapse state's `fold=` text; setting null or "" removes the parameter. */
export function useFoldParam() {
  return useDebouncedParam(readFold, writeFold);
}

/** The waterfall's view switches (critical path, group repeats, clock skew, bar label, show only matches). */
export function useTimelineOptionsParam() {
  return useDebouncedParam(parseTimelineOptions, timelineOptionsParams);
}

/** The span table's sort and service filter. */
export function useSpanTableViewParam() {
  return useDebouncedParam(parseSpanTableView, spanTableViewParams);
}

/** The statistics' grouping and sort. */
export function useStatsViewParam() {
  return useDebouncedParam(parseStatsView, statsViewParams);
}

const readComparisonWaterfall = (params: URLSearchParams): DiffWaterfallView => ({
  findText: readFind(params),
  onlyChanged: params.get('changed') === '1',
  fold: readFold(params),
});
const writeComparisonWaterfall = (view: DiffWaterfallView): [string, string | null][] => [
  ...writeFind(view.findText),
  ['changed', view.onlyChanged ? '1' : null],
  ...writeFold(view.fold),
];

const readComparisonTable = (params: URLSearchParams): DiffTableView => ({
  sort: parseDiffSortParam(params.get('sort')),
  onlyChanged: params.get('rows') !== 'all',
  text: params.get('filter') ?? '',
});
const writeComparisonTable = (view: DiffTableView): [string, string | null][] => [
  ['sort', formatDiffSortParam(view.sort)],
  ['rows', view.onlyChanged ? null : 'all'],
  ['filter', view.text],
];

/** What the comparison page keeps in its URL besides the traces, the view and the open node. */
export interface ComparisonUrlState {
  /** The waterfall's find text, "Only changed spans" switch and folded rows: `find=`, `changed=1`, `fold=`. */
  waterfall: DiffWaterfallView;
  /** The table's sort (`sort=-timeB`; none: the default), "Only changed rows" (`rows=all` when off) and `filter=`. */
  table: DiffTableView;
}

const readComparison = (params: URLSearchParams): ComparisonUrlState => ({
  waterfall: readComparisonWaterfall(params),
  table: readComparisonTable(params),
});
// One value, one write: hooks with timers of their own could each write a URL that lacks the others' change.
const writeComparison = (state: ComparisonUrlState): [string, string | null][] => [
  ...writeComparisonWaterfall(state.waterfall),
  ...writeComparisonTable(state.table),
];

/** The comparison page's waterfall filters and folded rows and its table view, as one debounced URL value. */
export function useComparisonParams() {
  return useDebouncedParam(readComparison, writeComparison);
}
