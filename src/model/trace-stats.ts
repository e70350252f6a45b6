// Per-group timing statistics of one trace, for the trace page's "stats" view.

import { percentileOfSorted } from '../lib/percentile';
import { computeSelfTimes } from './self-time';
import type { AttrValue, Span, Trace } from './types';

export type StatsGroupBy = 'service' | 'operation' | { attribute: string };

export interface TraceStatsRow {
  key: string;
  /** Set when grouping by service or operation, so a table can show them as columns. */
  serviceName?: string;
  /** Set when grouping by operation. */
  spanName?: string;
  count: number;
  totalUs: number;
  selfTotalUs: number;
  avgUs: number;
  minUs: number;
  maxUs: number;
  p95Us: number;
}

/** Key of the group of spans that lack the attribute being grouped by. */
export const MISSING_ATTRIBUTE_KEY = '(not set)';

function attributeText(value: AttrValue): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

/** The span's own attribute wins over a resource attribute of the same key. */
function attributeOf(span: Span, key: string): string | undefined {
  for (const a of span.attributes) if (a.key === key) return attributeText(a.value);
  for (const a of span.resourceAttributes) if (a.key === key) return attributeText(a.value);
  return undefined;
}

interface Group {
  row: TraceStatsRow;
  durationsUs: number[];
}

/** Rows sorted by total time, largest first (ties by key). */
export function traceStats(trace: Trace, groupBy: StatsGroupBy): TraceStatsRow[] {
  const selfUs = computeSelfTimes(trace);
  const groups = new Map<string, Group>();
  for (const span of trace.spans) {
    let key: string;
    let extra: Pick<TraceStatsRow, 'serviceName' | 'spanName'>;
    if (groupBy === 'service') {
      key = span.serviceName;
      extra = { serviceName: span.serviceName };
    } else if (groupBy === 'operation') {
      key = `${span.serviceName}: ${span.name}`;
      extra = { serviceName: span.serviceName, spanName: span.name };
    } else {
      key = attributeOf(span, groupBy.attribute) ?? MISSING_ATTRIBUTE_KEY;
      extra = {};
    }
    // Operation keys could collide for odd names ("a: b" + "c" vs "a" + "b: c"); keep them apart.
    const mapKey = groupBy === 'operation' ? `${span.serviceName}\u0000${span.name}` : key;
    let group = groups.get(mapKey);
    if (group === undefined) {
      group = {
        row: { key, ...extra, count: 0, totalUs: 0, selfTotalUs: 0, avgUs: 0, minUs: Infinity, maxUs: -Infinity, p95Us: 0 },
        durationsUs: [],
      };
      groups.set(mapKey, group);
    }
    const row = group.row;
    row.count++;
    row.totalUs += span.durationUs;
    row.selfTotalUs += selfUs[span.index]!;
    row.minUs = Math.min(row.minUs, span.durationUs);
    row.maxUs = Math.max(row.maxUs, span.durationUs);
    group.durationsUs.push(span.durationUs);
  }
  const rows: TraceStatsRow[] = [];
  for (const { row, durationsUs } of groups.values()) {
    row.avgUs = row.totalUs / row.count;
    row.p95Us = percentileOfSorted(Float64Array.from(durationsUs).sort(), 0.95);
    rows.push(row);
  }
  return rows.sort((a, b) => b.totalUs - a.totalUs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
