// Search parameters for Jaeger's two API generations (API-NOTES §3, §4): api_v3 takes
// `query.*` names, RFC 3339 times and a JSON attribute map; v1 takes epoch µs, Go durations and
// the same JSON map in `tags`.

import { logfmtPairsToRecord, parseLogfmt } from '../../lib/logfmt';
import type { SearchQuery } from '../backend';
import type { QueryParams } from '../http/build-url';
import { usToGoDuration, usToRfc3339, usToSecondsDuration } from '../http/query-formats';

/** The user's logfmt tags as Jaeger's JSON map text, or undefined when there are none. */
export function tagsAsJson(tags: string | undefined): string | undefined {
  if (!tags || tags.trim() === '') return undefined;
  const { pairs } = parseLogfmt(tags);
  return pairs.length === 0 ? undefined : JSON.stringify(logfmtPairsToRecord(pairs));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function v3SearchParams(query: SearchQuery): QueryParams {
  return {
    'query.serviceName': nonEmpty(query.service),
    'query.operationName': nonEmpty(query.operation),
    'query.startTimeMin': usToRfc3339(query.startUs),
    'query.startTimeMax': usToRfc3339(query.endUs),
    // Seconds form ("0.1s") parses both as a Go duration and as a protobuf-JSON Duration.
    'query.durationMin': query.minDurationUs !== undefined ? usToSecondsDuration(query.minDurationUs) : undefined,
    'query.durationMax': query.maxDurationUs !== undefined ? usToSecondsDuration(query.maxDurationUs) : undefined,
    'query.searchDepth': query.limit,
    'query.attributes': tagsAsJson(query.tags),
  };
}

export function v1SearchParams(query: SearchQuery): QueryParams {
  return {
    service: nonEmpty(query.service),
    operation: nonEmpty(query.operation),
    tags: tagsAsJson(query.tags),
    start: Math.floor(query.startUs),
    end: Math.ceil(query.endUs),
    minDuration: query.minDurationUs !== undefined ? usToGoDuration(query.minDurationUs) : undefined,
    maxDuration: query.maxDurationUs !== undefined ? usToGoDuration(query.maxDurationUs) : undefined,
    limit: query.limit,
  };
}
