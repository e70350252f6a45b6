// Jaeger api_v3 trace summaries → TraceSummary. Times are decimal ns strings (beyond 2^53), so
// they are cut, never rounded through Number. Protobuf JSON omits zero counts: when `spanCount`
// is there, a missing error/orphan count means 0; when it is not, the storage does not say.

import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import type { ServiceInfo, TraceSummary } from '../../model/types';
import { asArray, isObject, type JsonObject } from '../parsers/json-guards';
import { nsSpanToUs, nsStringToUs } from '../http/query-formats';

function count(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function nsText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

export function summaryFromJaegerV3(raw: JsonObject): TraceSummary | null {
  if (typeof raw.traceId !== 'string' || raw.traceId === '') return null;
  const startNs = nsText(raw.minStartTimeUnixNano);
  const startUs = startNs !== undefined ? nsStringToUs(startNs) : null;
  const endNs = nsText(raw.maxEndTimeUnixNano);
  const spanCount = count(raw.spanCount);
  const known = spanCount !== undefined;
  const services: ServiceInfo[] = asArray(raw.services)
    .filter(isObject)
    .map((s) => ({
      name: typeof s.name === 'string' ? s.name : '',
      spanCount: count(s.spanCount) ?? 0,
      errorCount: count(s.errorSpanCount) ?? 0,
    }));
  return {
    traceId: normaliseTraceIdForLookup(raw.traceId),
    rootServiceName: typeof raw.rootServiceName === 'string' ? raw.rootServiceName : '',
    rootName: typeof raw.rootOperationName === 'string' ? raw.rootOperationName : '',
    startUs: startUs ?? 0,
    ...(startUs === null ? { startUnknown: true as const } : {}),
    durationUs: (startNs !== undefined && endNs !== undefined ? nsSpanToUs(startNs, endNs) : null) ?? 0,
    spanCount: spanCount ?? null,
    errorCount: count(raw.errorSpanCount) ?? (known ? 0 : null),
    orphanCount: count(raw.orphanSpanCount) ?? (known ? 0 : null),
    services,
  };
}
