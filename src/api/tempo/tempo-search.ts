// Tempo /api/search: parameters and result mapping (API-NOTES §1.4). `q` (TraceQL) and `tags`
// (logfmt) are mutually exclusive (400 otherwise); `start`/`end` are unix seconds and always sent,
// because without them Tempo searches only recent data. Result IDs have leading zeros trimmed.

import { formatLogfmt, parseLogfmt, type LogfmtPair } from '../../lib/logfmt';
import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import type { ServiceInfo, TraceSummary } from '../../model/types';
import type { SearchQuery } from '../backend';
import type { QueryParams } from '../http/build-url';
import { nsStringToUs, usToGoDuration, usToUnixSecondsWindow } from '../http/query-formats';
import { isObject, type JsonObject } from '../parsers/json-guards';

/**
 * With `traceql`, only `q` is sent: Tempo does not read minDuration/maxDuration on the TraceQL
 * path, so durations belong in the query (`trace:duration > 1s`). Otherwise the service,
 * operation and the user's tags become one logfmt `tags` value (the user's own keys win).
 */
export function tempoSearchParams(query: SearchQuery): QueryParams {
  const { start, end } = usToUnixSecondsWindow(query.startUs, query.endUs);
  const common: QueryParams = { start, end, limit: query.limit };
  const traceql = query.traceql?.trim();
  if (traceql) return { ...common, q: traceql };

  const byKey = new Map<string, LogfmtPair>();
  const add = (pair: LogfmtPair): void => {
    byKey.delete(pair.key); // Tempo rejects duplicate keys
    byKey.set(pair.key, pair);
  };
  if (query.service?.trim()) add({ key: 'service.name', value: query.service.trim() });
  if (query.operation?.trim()) add({ key: 'name', value: query.operation.trim() });
  if (query.tags?.trim()) for (const pair of parseLogfmt(query.tags).pairs) add(pair);
  const tags = formatLogfmt([...byKey.values()]);
  return {
    ...common,
    tags: tags === '' ? undefined : tags,
    minDuration: query.minDurationUs !== undefined ? usToGoDuration(query.minDurationUs) : undefined,
    maxDuration: query.maxDurationUs !== undefined ? usToGoDuration(query.maxDurationUs) : undefined,
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** One search hit → TraceSummary; null when it has no trace ID. */
export function summaryFromTempoSearch(raw: JsonObject): TraceSummary | null {
  if (typeof raw.traceID !== 'string' || raw.traceID === '') return null;
  const stats = isObject(raw.serviceStats) ? raw.serviceStats : undefined;
  const services: ServiceInfo[] = [];
  if (stats) {
    for (const [name, value] of Object.entries(stats)) {
      const s = isObject(value) ? value : {};
      // jsonpb omits zero counts.
      services.push({ name, spanCount: count(s.spanCount), errorCount: count(s.errorCount) });
    }
  }
  const startUs = nsStringToUs(raw.startTimeUnixNano);
  return {
    traceId: normaliseTraceIdForLookup(raw.traceID),
    rootServiceName: typeof raw.rootServiceName === 'string' ? raw.rootServiceName : '',
    rootName: typeof raw.rootTraceName === 'string' ? raw.rootTraceName : '',
    startUs: startUs ?? 0,
    ...(startUs === null ? { startUnknown: true as const } : {}),
    // Absent when under 1 ms (jsonpb omits zero); Tempo gives no finer resolution here.
    durationUs: typeof raw.durationMs === 'number' && Number.isFinite(raw.durationMs) ? raw.durationMs * 1000 : 0,
    spanCount: stats ? services.reduce((n, s) => n + s.spanCount, 0) : null,
    errorCount: stats ? services.reduce((n, s) => n + s.errorCount, 0) : null,
    orphanCount: null,
    services,
  };
}
