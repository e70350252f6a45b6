// Row order of the span table view: a typed array of span indices, filtered by service and
// sorted by one column. Pure, so it is tested without a DOM.

import type { Trace } from '../model/types';

export type SpanTableSortKey = 'start' | 'duration' | 'selfTime' | 'service' | 'name';
export type SortDirection = 'ascending' | 'descending';

export function spanTableOrder(
  trace: Trace,
  selfTimesUs: Float64Array,
  sortKey: SpanTableSortKey,
  direction: SortDirection,
  /** Index into trace.services, or null for all services. */
  serviceIndex: number | null,
): Int32Array {
  const { service, startUs, durationUs } = trace.columns;
  const picked: number[] = [];
  for (let i = 0; i < trace.spans.length; i++) if (serviceIndex === null || service[i] === serviceIndex) picked.push(i);
  const order = Int32Array.from(picked);
  const sign = direction === 'ascending' ? 1 : -1;
  const byNumber = (column: Float64Array) => (a: number, b: number) => sign * ((column[a] ?? 0) - (column[b] ?? 0)) || a - b;
  const byText = (text: (i: number) => string) => (a: number, b: number) => sign * text(a).localeCompare(text(b)) || a - b;
  switch (sortKey) {
    case 'start':
      return order.sort(byNumber(startUs));
    case 'duration':
      return order.sort(byNumber(durationUs));
    case 'selfTime':
      return order.sort(byNumber(selfTimesUs));
    case 'service':
      return order.sort(byText((i) => trace.spans[i]?.serviceName ?? ''));
    case 'name':
      return order.sort(byText((i) => trace.spans[i]?.name ?? ''));
  }
}
