// A service dependency graph derived from traces: one call per parent→child span pair that
// crosses a service boundary. Used when a backend has no dependencies API (Tempo, files, demo).

import { percentileOfSorted } from '../lib/percentile';
import type { DependencyLink, Trace } from './types';

/** Name used for spans that arrived without a service. */
export const UNKNOWN_SERVICE = 'unknown_service';
/** At most this many example trace IDs are kept per edge. */
export const MAX_TRACE_IDS_PER_LINK = 100;

interface EdgeAccumulator {
  parent: string;
  child: string;
  callCount: number;
  errorCount: number;
  durationsUs: number[];
  traceIds: Set<string>;
  /** A trace containing this edge was left out of `traceIds` (the cap was reached). */
  traceIdsTruncated: boolean;
}

function serviceOf(name: string): string {
  return name === '' ? UNKNOWN_SERVICE : name;
}

/** Edges sorted by parent, then child. Calls within one service are not edges. */
export function buildServiceGraph(traces: readonly Trace[]): DependencyLink[] {
  const edges = new Map<string, EdgeAccumulator>();
  for (const trace of traces) {
    const { parent } = trace.columns;
    for (let i = 0; i < trace.spans.length; i++) {
      const p = parent[i]!;
      if (p < 0) continue; // roots and orphans: no caller known
      const child = trace.spans[i]!;
      const parentService = serviceOf(trace.spans[p]!.serviceName);
      const childService = serviceOf(child.serviceName);
      if (parentService === childService) continue;
      const key = `${parentService}\u0000${childService}`;
      let edge = edges.get(key);
      if (edge === undefined) {
        edge = { parent: parentService, child: childService, callCount: 0, errorCount: 0, durationsUs: [], traceIds: new Set(), traceIdsTruncated: false };
        edges.set(key, edge);
      }
      edge.callCount++;
      if (child.isError) edge.errorCount++;
      edge.durationsUs.push(child.durationUs);
      if (edge.traceIds.size < MAX_TRACE_IDS_PER_LINK) edge.traceIds.add(trace.traceId);
      else if (!edge.traceIds.has(trace.traceId)) edge.traceIdsTruncated = true;
    }
  }
  const links: DependencyLink[] = [];
  for (const edge of edges.values()) {
    const sorted = Float64Array.from(edge.durationsUs).sort();
    links.push({
      parent: edge.parent,
      child: edge.child,
      callCount: edge.callCount,
      errorCount: edge.errorCount,
      p50Us: percentileOfSorted(sorted, 0.5),
      p95Us: percentileOfSorted(sorted, 0.95),
      traceIds: [...edge.traceIds],
      ...(edge.traceIdsTruncated ? { traceIdsTruncated: true } : {}),
    });
  }
  return links.sort((a, b) => compareText(a.parent, b.parent) || compareText(a.child, b.child));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
