// One line of a search result, built from a full Trace (file uploads, demo data, derived lists).

import { traceStartUnknown } from './span-issues';
import { SpanFlag, type Trace, type TraceSummary } from './types';

export function summariseTrace(trace: Trace): TraceSummary {
  // The root that names the trace: the first true root; orphans only when nothing else is left.
  const flags = trace.columns.flags;
  const rootIndex = trace.rootIndices.find((i) => (flags[i]! & SpanFlag.Orphan) === 0) ?? trace.rootIndices[0];
  const root = rootIndex === undefined ? undefined : trace.spans[rootIndex];
  return {
    traceId: trace.traceId,
    rootServiceName: root?.serviceName ?? '',
    rootName: root?.name ?? '',
    startUs: trace.startUs,
    ...(traceStartUnknown(trace) ? { startUnknown: true as const } : {}),
    durationUs: trace.durationUs,
    spanCount: trace.spans.length,
    errorCount: trace.errorCount,
    orphanCount: trace.issues.orphanSpanIndices.length,
    services: trace.services.map((s) => ({ ...s })),
  };
}

/** The trace's start (epoch µs), or null when it is unknown: never 1970 for "no start time". */
export function summaryStartUs(summary: Pick<TraceSummary, 'startUs' | 'startUnknown'>): number | null {
  return summary.startUnknown ? null : summary.startUs;
}
