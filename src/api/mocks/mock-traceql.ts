// Just enough TraceQL for the mock Tempo: the conditions of `{ a = "x" && b > 1s }` become a
// search filter. Unknown conditions are ignored; this is a test double, not a query engine.

import { goDurationToUs, type MockSearchFilter } from './mock-search';

const CONDITION = /([A-Za-z_.:][\w.:-]*)\s*(=~|!=|>=|<=|=|>|<)\s*("(?:[^"\\]|\\.)*"|[\w.:-]+)/g;

export function traceqlToFilter(q: string): MockSearchFilter {
  const filter: MockSearchFilter = { attributes: {} };
  for (const match of q.matchAll(CONDITION)) {
    const [, rawKey = '', op = '', rawValue = ''] = match;
    const value = rawValue.startsWith('"') ? rawValue.slice(1, -1).replace(/\\(.)/g, '$1') : rawValue;
    const key = rawKey.replace(/^(resource|span)\./, '').replace(/^\./, '');
    if (['service.name', 'trace:rootService', 'rootServiceName'].includes(key) && op === '=') filter.service = value;
    else if (['name', 'span:name', 'trace:rootName', 'rootName'].includes(key) && op === '=') filter.operation = value;
    else if (['status', 'span:status'].includes(key) && op === '=') filter.attributes!.status = value;
    else if (['duration', 'span:duration', 'trace:duration', 'traceDuration'].includes(key)) {
      const us = goDurationToUs(value);
      if (us !== undefined && op.startsWith('>')) filter.minDurationUs = us;
      if (us !== undefined && op.startsWith('<')) filter.maxDurationUs = us;
    } else if (op === '=') filter.attributes![key] = value;
  }
  return filter;
}
