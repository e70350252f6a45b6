import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../model/types';
import {
  computeResultStats,
  durationHistogram,
  filterSummaries,
  isIncomplete,
  sortSummaries,
  traceErrorCount,
} from './result-stats';
import { emptyResultHints } from './empty-result-hints';

function summary(id: string, startUs: number, durationUs: number, extra: Partial<TraceSummary> = {}): TraceSummary {
  return {
    traceId: id,
    rootServiceName: 'svc',
    rootName: 'op',
    startUs,
    durationUs,
    spanCount: 1,
    errorCount: 0,
    orphanCount: 0,
    services: [{ name: 'svc', spanCount: 1, errorCount: 0 }],
    ...extra,
  };
}

const results = [
  summary('a', 100, 10, { spanCount: 5, errorCount: 1 }),
  summary('b', 300, 40, { spanCount: 2 }),
  summary('c', 200, 20, { spanCount: 9, errorCount: 3 }),
  summary('d', 400, 30, { spanCount: 1 }),
];

describe('computeResultStats', () => {
  it('computes ranges and percentiles once', () => {
    const stats = computeResultStats(results);
    expect(stats).toMatchObject({
      count: 4,
      minDurationUs: 10,
      maxDurationUs: 40,
      minStartUs: 100,
      maxStartUs: 400,
      maxSpanCount: 9,
      errorTraceCount: 2,
    });
    expect(stats.percentilesUs.p50).toBe(25);
    expect(stats.percentilesUs.p90).toBeCloseTo(37);
    expect([...stats.sortedDurationsUs]).toEqual([10, 20, 30, 40]);
  });

  it('leaves traces without a start time out of the time range (they would stretch it back to 1970)', () => {
    const unknown = { ...summary('u', 0, 50), startUnknown: true as const };
    expect(computeResultStats([...results, unknown])).toMatchObject({ count: 5, minStartUs: 100, maxStartUs: 400, maxDurationUs: 50 });
    expect(computeResultStats([unknown])).toMatchObject({ minStartUs: 0, maxStartUs: 0 });
  });
  it('handles no results', () => {
    expect(computeResultStats([])).toMatchObject({ count: 0, maxDurationUs: 0, errorTraceCount: 0 });
  });
});

describe('sortSummaries', () => {
  const ids = (list: TraceSummary[]) => list.map((s) => s.traceId).join('');
  it('sorts every way without touching the input', () => {
    const before = ids([...results]);
    expect(ids(sortSummaries(results, 'recent'))).toBe('dbca');
    expect(ids(sortSummaries(results, 'longest'))).toBe('bdca');
    expect(ids(sortSummaries(results, 'shortest'))).toBe('acdb');
    expect(ids(sortSummaries(results, 'most-spans'))).toBe('cabd');
    expect(ids(sortSummaries(results, 'most-errors'))).toBe('cadb');
    expect(ids(results)).toBe(before);
  });
});

describe('filterSummaries', () => {
  it('filters errors, slow traces and a brush', () => {
    const none = { errorsOnly: false, minDurationUs: null, brush: null };
    expect(filterSummaries(results, none)).toBe(results);
    expect(filterSummaries(results, { ...none, errorsOnly: true }).map((s) => s.traceId)).toEqual(['a', 'c']);
    expect(filterSummaries(results, { ...none, minDurationUs: 30 }).map((s) => s.traceId)).toEqual(['b', 'd']);
    const brush = { startUsMin: 150, startUsMax: 350, durationUsMin: 0, durationUsMax: 25 };
    expect(filterSummaries(results, { ...none, brush }).map((s) => s.traceId)).toEqual(['c']);
  });
});

describe('error counts and incomplete traces', () => {
  it('falls back to per-service counts', () => {
    expect(traceErrorCount(summary('x', 0, 1, { errorCount: null, services: [{ name: 'a', spanCount: 2, errorCount: 2 }, { name: 'b', spanCount: 1, errorCount: 1 }] }))).toBe(3);
    expect(traceErrorCount(summary('x', 0, 1, { errorCount: null, services: [] }))).toBeNull();
  });
  it('marks orphans and missing roots', () => {
    expect(isIncomplete(summary('x', 0, 1, { orphanCount: 2 }))).toBe(true);
    expect(isIncomplete(summary('x', 0, 1, { rootServiceName: '<root span not yet received>' }))).toBe(true);
    expect(isIncomplete(summary('x', 0, 1))).toBe(false);
  });
});

describe('durationHistogram', () => {
  it('counts every trace once, errors separately', () => {
    const histogram = durationHistogram(results, computeResultStats(results), 4);
    expect(histogram.scale).toBe('linear');
    expect(histogram.bins.map((b) => b.count)).toEqual([1, 1, 1, 1]);
    expect(histogram.bins.reduce((n, b) => n + b.errorCount, 0)).toBe(2);
  });
  it('spreads a single duration over a readable range', () => {
    const same = [summary('a', 0, 1_500_000), summary('b', 1, 1_500_000)];
    const histogram = durationHistogram(same, computeResultStats(same), 10);
    expect(histogram.bins[0]?.x0Us).toBeCloseTo(1_200_000);
    expect(histogram.bins[9]?.x1Us).toBeCloseTo(1_800_000, -1);
    expect(histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(2);
  });
  it('uses log bins for long tails', () => {
    const wide = [summary('a', 0, 1000), summary('b', 0, 2000), summary('c', 0, 5_000_000)];
    const histogram = durationHistogram(wide, computeResultStats(wide), 10);
    expect(histogram.scale).toBe('log');
    expect(histogram.bins[0]?.count).toBe(2);
    expect(histogram.bins[9]?.count).toBe(1);
  });
});

describe('emptyResultHints', () => {
  it('suggests widening the window and dropping filters that were used', () => {
    const hints = emptyResultHints({ service: 'a', operation: 'op', tags: 'x=1', traceql: '', minDuration: '', maxDuration: '', lookbackLabel: 'Last hour' });
    expect(hints).toEqual([
      'Widen the time range (now: last hour).',
      'Drop a tag: tags must match exactly, and every tag must match.',
      'Clear the operation "op" to search every operation.',
    ]);
  });
});
