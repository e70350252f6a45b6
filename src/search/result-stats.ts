// Figures about one set of search results, computed once per response (not per render): duration
// percentiles, ranges for the plot axes, histogram bins; plus sorting and the quick filters.
import { percentileOfSorted } from '../lib/percentile';
import type { TraceSummary } from '../model/types';
import { summaryStartUs } from '../model/trace-summary';
import { PERCENTILE_FRACTIONS, PERCENTILE_KEYS, type PercentileKey, type PlotBrush, type ResultSort } from './search-url-state';

/** Errors in a trace: the summary's count, else the sum over services, else unknown. */
export function traceErrorCount(summary: TraceSummary): number | null {
  if (summary.errorCount !== null) return summary.errorCount;
  if (summary.services.length === 0) return null;
  let total = 0;
  for (const service of summary.services) total += service.errorCount;
  return total;
}

export function traceSpanCount(summary: TraceSummary): number | null {
  if (summary.spanCount !== null) return summary.spanCount;
  if (summary.services.length === 0) return null;
  let total = 0;
  for (const service of summary.services) total += service.spanCount;
  return total;
}

/** Tempo's placeholder when the root span has not arrived yet. */
const MISSING_ROOT = /root span not yet received/i;

/** Orphan spans or a missing root: the trace is shown, but it is not whole. */
export function isIncomplete(summary: TraceSummary): boolean {
  return (summary.orphanCount ?? 0) > 0 || MISSING_ROOT.test(summary.rootServiceName);
}

export interface ResultStats {
  count: number;
  minDurationUs: number;
  maxDurationUs: number;
  minStartUs: number;
  maxStartUs: number;
  maxSpanCount: number;
  errorTraceCount: number;
  percentilesUs: Record<PercentileKey, number>;
  /** Durations ascending, for histograms and "slower than" filters. */
  sortedDurationsUs: Float64Array;
}

export function computeResultStats(summaries: readonly TraceSummary[]): ResultStats {
  const count = summaries.length;
  const durations = new Float64Array(count);
  let minStartUs = Infinity;
  let maxStartUs = -Infinity;
  let maxSpanCount = 0;
  let errorTraceCount = 0;
  for (let i = 0; i < count; i++) {
    const summary = summaries[i] as TraceSummary;
    durations[i] = summary.durationUs;
    // A trace whose start is unknown (startUs 0) would stretch the plot's time axis back to 1970.
    const startUs = summaryStartUs(summary);
    if (startUs !== null && startUs < minStartUs) minStartUs = startUs;
    if (startUs !== null && startUs > maxStartUs) maxStartUs = startUs;
    maxSpanCount = Math.max(maxSpanCount, traceSpanCount(summary) ?? 0);
    if ((traceErrorCount(summary) ?? 0) > 0) errorTraceCount += 1;
  }
  durations.sort();
  const percentilesUs = {} as Record<PercentileKey, number>;
  for (const key of PERCENTILE_KEYS) percentilesUs[key] = percentileOfSorted(durations, PERCENTILE_FRACTIONS[key]);
  return {
    count,
    minDurationUs: count ? (durations[0] as number) : 0,
    maxDurationUs: count ? (durations[count - 1] as number) : 0,
    minStartUs: minStartUs <= maxStartUs ? minStartUs : 0,
    maxStartUs: minStartUs <= maxStartUs ? maxStartUs : 0,
    maxSpanCount,
    errorTraceCount,
    percentilesUs,
    sortedDurationsUs: durations,
  };
}

type Comparator = (a: TraceSummary, b: TraceSummary) => number;

const byRecent: Comparator = (a, b) => b.startUs - a.startUs;
const COMPARATORS: Record<ResultSort, Comparator> = {
  recent: byRecent,
  longest: (a, b) => b.durationUs - a.durationUs || byRecent(a, b),
  shortest: (a, b) => a.durationUs - b.durationUs || byRecent(a, b),
  'most-spans': (a, b) => (traceSpanCount(b) ?? -1) - (traceSpanCount(a) ?? -1) || byRecent(a, b),
  'most-errors': (a, b) => (traceErrorCount(b) ?? -1) - (traceErrorCount(a) ?? -1) || byRecent(a, b),
};

/** A sorted copy; the input (a query result) is never mutated. Ties fall back to most recent. */
export function sortSummaries(summaries: readonly TraceSummary[], sort: ResultSort): TraceSummary[] {
  return [...summaries].sort(COMPARATORS[sort]);
}

export interface ResultFilters {
  errorsOnly: boolean;
  /** Keep traces at least this long (from a percentile of the results). */
  minDurationUs: number | null;
  brush: PlotBrush | null;
}

export function inBrush(summary: TraceSummary, brush: PlotBrush): boolean {
  return (
    summary.startUs >= brush.startUsMin &&
    summary.startUs <= brush.startUsMax &&
    summary.durationUs >= brush.durationUsMin &&
    summary.durationUs <= brush.durationUsMax
  );
}

export function filterSummaries(summaries: readonly TraceSummary[], filters: ResultFilters): readonly TraceSummary[] {
  const { errorsOnly, minDurationUs, brush } = filters;
  if (!errorsOnly && minDurationUs === null && !brush) return summaries;
  return summaries.filter(
    (s) =>
      (!errorsOnly || (traceErrorCount(s) ?? 0) > 0) &&
      (minDurationUs === null || s.durationUs >= minDurationUs) &&
      (!brush || inBrush(s, brush)),
  );
}

export interface HistogramBin {
  x0Us: number;
  x1Us: number;
  count: number;
  errorCount: number;
}

export interface DurationHistogram {
  bins: HistogramBin[];
  /** Long-tailed results get logarithmic bins, so the bulk is not squeezed into one bar. */
  scale: 'linear' | 'log';
  maxCount: number;
}

export function durationHistogram(summaries: readonly TraceSummary[], stats: ResultStats, binCount = 40): DurationHistogram {
  let lo = Math.max(stats.minDurationUs, 1);
  let hi = Math.max(stats.maxDurationUs, lo + 1);
  if (hi - lo < lo * 0.1) {
    // (Nearly) one duration: give the bars a readable range around it.
    lo = Math.max(1, lo * 0.8);
    hi = hi * 1.2;
  }
  const scale: DurationHistogram['scale'] = hi / lo > 50 ? 'log' : 'linear';
  const toX = scale === 'log' ? Math.log : (v: number) => v;
  const fromX = scale === 'log' ? Math.exp : (v: number) => v;
  const x0 = toX(scale === 'log' ? lo : Math.min(lo, Math.max(0, stats.minDurationUs)));
  const x1 = toX(hi);
  const width = (x1 - x0) / binCount || 1;
  const bins: HistogramBin[] = [];
  for (let i = 0; i < binCount; i++) {
    bins.push({ x0Us: fromX(x0 + i * width), x1Us: fromX(x0 + (i + 1) * width), count: 0, errorCount: 0 });
  }
  let maxCount = 0;
  for (const summary of summaries) {
    const x = toX(Math.max(summary.durationUs, scale === 'log' ? lo : 0));
    const index = Math.min(binCount - 1, Math.max(0, Math.floor((x - x0) / width)));
    const bin = bins[index] as HistogramBin;
    bin.count += 1;
    if ((traceErrorCount(summary) ?? 0) > 0) bin.errorCount += 1;
    if (bin.count > maxCount) maxCount = bin.count;
  }
  return { bins, scale, maxCount };
}
