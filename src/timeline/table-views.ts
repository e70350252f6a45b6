// The span table's and the statistics' own controls, as the trace page keeps them in its URL
// (DESIGN.md §3: every view is a link). A link that says "the slowest payments spans" or "time by
// http.route, by self time" must open that way, not with the defaults:
//
//   spans.sort=selfTime      span table sorted by self time, ascending ("-" first: descending)
//   spans.service=payments   …only the spans of this service
//   stats.by=operation       statistics grouped by operation ("attr.<key>": by that attribute)
//   stats.sort=-p95          …sorted by p95, descending
//
// Each view has its own names, so switching between the tabs keeps both. Defaults are left out
// of the URL (duration descending and all services; by service, total descending). Unknown values
// read as the defaults, so a hand-edited or old link still opens. A service or attribute that the
// trace lacks shows the default while the link keeps it (as for the bar label).

import { formatSortParam, parseSortParam } from '../lib/sort-param';
import type { SortDirection, SpanTableSortKey } from './span-table-order';

export interface SpanTableView {
  sortKey: SpanTableSortKey;
  direction: SortDirection;
  /** Service name; null = all services. */
  service: string | null;
}

export const DEFAULT_SPAN_TABLE_VIEW: SpanTableView = Object.freeze({ sortKey: 'duration', direction: 'descending', service: null });

/** Columns of the statistics table: the group's key, then the numbers. */
export type StatsSortColumn = 'key' | 'count' | 'totalUs' | 'selfTotalUs' | 'avgUs' | 'minUs' | 'maxUs' | 'p95Us';

/** What the statistics group the spans by. */
export type StatsGroupChoice = { kind: 'service' } | { kind: 'operation' } | { kind: 'attribute'; key: string };

export interface StatsView {
  groupBy: StatsGroupChoice;
  sortColumn: StatsSortColumn;
  ascending: boolean;
}

export const DEFAULT_STATS_VIEW: StatsView = Object.freeze({ groupBy: { kind: 'service' } as const, sortColumn: 'totalUs', ascending: false });

const SPAN_SORT_KEYS: readonly SpanTableSortKey[] = ['start', 'duration', 'selfTime', 'service', 'name'];

/** URL words for the statistics columns (short, and without the units of the code's names). */
const STATS_SORT_WORDS: Readonly<Record<StatsSortColumn, string>> = {
  key: 'name',
  count: 'count',
  totalUs: 'total',
  selfTotalUs: 'self',
  avgUs: 'avg',
  minUs: 'min',
  maxUs: 'max',
  p95Us: 'p95',
};

const ATTRIBUTE_PREFIX = 'attr.';

export function parseSpanTableView(params: URLSearchParams): SpanTableView {
  const sort = parseSortParam(params.get('spans.sort'), SPAN_SORT_KEYS);
  const service = params.get('spans.service');
  return {
    ...(sort ? { sortKey: sort.key, direction: sort.descending ? 'descending' : 'ascending' } : DEFAULT_SPAN_TABLE_VIEW),
    service: service === null || service === '' ? null : service,
  };
}

/** The parameters for `view`: null removes one (its default). */
export function spanTableViewParams(view: SpanTableView): [string, string | null][] {
  const isDefaultSort = view.sortKey === DEFAULT_SPAN_TABLE_VIEW.sortKey && view.direction === DEFAULT_SPAN_TABLE_VIEW.direction;
  return [
    ['spans.sort', isDefaultSort ? null : formatSortParam(view.sortKey, view.direction === 'descending')],
    ['spans.service', view.service],
  ];
}

export function parseStatsView(params: URLSearchParams): StatsView {
  const by = params.get('stats.by') ?? '';
  const groupBy: StatsGroupChoice =
    by === 'operation'
      ? { kind: 'operation' }
      : by.startsWith(ATTRIBUTE_PREFIX) && by.length > ATTRIBUTE_PREFIX.length
        ? { kind: 'attribute', key: by.slice(ATTRIBUTE_PREFIX.length) }
        : { kind: 'service' };
  const sort = parseSortParam(params.get('stats.sort'), Object.values(STATS_SORT_WORDS));
  const column = (Object.keys(STATS_SORT_WORDS) as StatsSortColumn[]).find((c) => STATS_SORT_WORDS[c] === sort?.key);
  return sort && column ? { groupBy, sortColumn: column, ascending: !sort.descending } : { ...DEFAULT_STATS_VIEW, groupBy };
}

export function statsViewParams(view: StatsView): [string, string | null][] {
  const { groupBy } = view;
  const isDefaultSort = view.sortColumn === DEFAULT_STATS_VIEW.sortColumn && view.ascending === DEFAULT_STATS_VIEW.ascending;
  return [
    ['stats.by', groupBy.kind === 'service' ? null : groupBy.kind === 'operation' ? 'operation' : `${ATTRIBUTE_PREFIX}${groupBy.key}`],
    ['stats.sort', isDefaultSort ? null : formatSortParam(STATS_SORT_WORDS[view.sortColumn], !view.ascending)],
  ];
}
