// The search semantics the mock backends share: a small, predictable subset of what Jaeger and
// Tempo do. The time window is deliberately NOT applied: the mock traces have fixed 2026
// timestamps and e2e tests search "the last hour" at whatever the clock says.

import { parseDurationNanos } from '../../lib/nanos';
import { traceDurationUs, traceStartNs, type MockSpan, type MockTrace } from './mock-trace-model';

export interface MockSearchFilter {
  service?: string;
  operation?: string;
  /** key → value; `error=true` / `status=error` match traces with an error span. */
  attributes?: Record<string, string>;
  /** Tempo's tag search matches values by case-insensitive substring; Jaeger by equality. */
  substringMatch?: boolean;
  minDurationUs?: number;
  maxDurationUs?: number;
  limit?: number;
}

/** Go duration text ("1.2s", "100ms") → µs, or undefined when absent or unreadable. */
export function goDurationToUs(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || text === '') return undefined;
  const ns = parseDurationNanos(text);
  return ns === null ? undefined : ns / 1000;
}

function valueMatches(actual: string, wanted: string, substring: boolean): boolean {
  return substring ? actual.toLowerCase().includes(wanted.toLowerCase()) : actual === wanted;
}

function spanMatchesAttribute(span: MockSpan, key: string, wanted: string, substring: boolean): boolean {
  if ((key === 'error' && wanted === 'true') || (key === 'status' && wanted === 'error')) return span.error !== undefined;
  if (key === 'service.name') return valueMatches(span.service, wanted, substring);
  if (key === 'name') return valueMatches(span.name, wanted, substring);
  const value = span.attributes?.[key];
  return value !== undefined && valueMatches(String(value), wanted, substring);
}

export function traceMatches(trace: MockTrace, filter: MockSearchFilter): boolean {
  const substring = filter.substringMatch ?? false;
  if (filter.service !== undefined && !trace.spans.some((s) => s.service === filter.service)) return false;
  if (
    filter.operation !== undefined &&
    !trace.spans.some((s) => s.name === filter.operation && (filter.service === undefined || s.service === filter.service))
  ) {
    return false;
  }
  for (const [key, wanted] of Object.entries(filter.attributes ?? {})) {
    if (!trace.spans.some((s) => spanMatchesAttribute(s, key, wanted, substring))) return false;
  }
  const durationUs = traceDurationUs(trace);
  if (filter.minDurationUs !== undefined && durationUs < filter.minDurationUs) return false;
  if (filter.maxDurationUs !== undefined && durationUs > filter.maxDurationUs) return false;
  return true;
}

/** Matching traces, newest first, at most `limit`. */
export function searchMockTraces(traces: readonly MockTrace[], filter: MockSearchFilter): MockTrace[] {
  const hits = traces.filter((t) => traceMatches(t, filter));
  hits.sort((a, b) => (traceStartNs(b) > traceStartNs(a) ? 1 : traceStartNs(b) < traceStartNs(a) ? -1 : 0));
  return filter.limit !== undefined && filter.limit > 0 ? hits.slice(0, filter.limit) : hits;
}
