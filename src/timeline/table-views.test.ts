import { describe, expect, it } from 'vitest';
import { withParams } from '../lib/with-params';
import type { SpanTableSortKey } from './span-table-order';
import {
  DEFAULT_SPAN_TABLE_VIEW,
  DEFAULT_STATS_VIEW,
  parseSpanTableView,
  parseStatsView,
  spanTableViewParams,
  statsViewParams,
  type SpanTableView,
  type StatsSortColumn,
  type StatsView,
} from './table-views';

/** The parameters written into an existing query, as the trace page's URL writer does. */
const written = (start: string, entries: [string, string | null][]): URLSearchParams => withParams(new URLSearchParams(start), entries);

describe('span table view in the URL (spans.sort, spans.service)', () => {
  it('defaults read from nothing and write nothing', () => {
    expect(parseSpanTableView(new URLSearchParams(''))).toEqual(DEFAULT_SPAN_TABLE_VIEW);
    expect(written('view=spans', spanTableViewParams(DEFAULT_SPAN_TABLE_VIEW)).toString()).toBe('view=spans');
  });

  it('every sort and direction, with and without a service, round-trips', () => {
    const keys: SpanTableSortKey[] = ['start', 'duration', 'selfTime', 'service', 'name'];
    for (const sortKey of keys) {
      for (const direction of ['ascending', 'descending'] as const) {
        for (const service of [null, 'payments', 'a b&c=d']) {
          const view: SpanTableView = { sortKey, direction, service };
          const params = written('view=spans&span=ab', spanTableViewParams(view));
          expect(parseSpanTableView(params)).toEqual(view);
          expect(params.get('span')).toBe('ab');
        }
      }
    }
    expect(written('', spanTableViewParams({ sortKey: 'selfTime', direction: 'descending', service: 'db' })).toString()).toBe(
      'spans.sort=-selfTime&spans.service=db',
    );
  });

  it('unknown or malformed values read as the defaults', () => {
    expect(parseSpanTableView(new URLSearchParams('spans.sort=-speed&spans.service='))).toEqual(DEFAULT_SPAN_TABLE_VIEW);
    expect(parseSpanTableView(new URLSearchParams('spans.sort=-'))).toEqual(DEFAULT_SPAN_TABLE_VIEW);
  });
});

describe('statistics view in the URL (stats.by, stats.sort)', () => {
  it('defaults read from nothing and write nothing', () => {
    expect(parseStatsView(new URLSearchParams(''))).toEqual(DEFAULT_STATS_VIEW);
    expect(written('view=stats', statsViewParams(DEFAULT_STATS_VIEW)).toString()).toBe('view=stats');
  });

  it('every grouping and sort round-trips, attribute keys included', () => {
    const columns: StatsSortColumn[] = ['key', 'count', 'totalUs', 'selfTotalUs', 'avgUs', 'minUs', 'maxUs', 'p95Us'];
    const groupings: StatsView['groupBy'][] = [
      { kind: 'service' },
      { kind: 'operation' },
      { kind: 'attribute', key: 'http.route' },
      { kind: 'attribute', key: 'operation' },
      { kind: 'attribute', key: 'a b&c=d' },
    ];
    for (const groupBy of groupings) {
      for (const sortColumn of columns) {
        for (const ascending of [true, false]) {
          const view: StatsView = { groupBy, sortColumn, ascending };
          expect(parseStatsView(written('view=stats', statsViewParams(view)))).toEqual(view);
        }
      }
    }
    const params = written('', statsViewParams({ groupBy: { kind: 'attribute', key: 'http.route' }, sortColumn: 'p95Us', ascending: false }));
    expect([...params]).toEqual([
      ['stats.by', 'attr.http.route'],
      ['stats.sort', '-p95'],
    ]);
  });

  it('unknown or malformed values read as the defaults', () => {
    expect(parseStatsView(new URLSearchParams('stats.by=host&stats.sort=-totalUs'))).toEqual(DEFAULT_STATS_VIEW);
    expect(parseStatsView(new URLSearchParams('stats.by=attr.&stats.sort='))).toEqual(DEFAULT_STATS_VIEW);
  });
});
