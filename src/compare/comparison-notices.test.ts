import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import { comparisonNotices } from './comparison-notices';

const trace = (traceId: string, service: string, name: string): ReturnType<typeof traceFromSpecs> =>
  traceFromSpecs([
    { id: 'r', start: 0, duration: 1000, service, name, traceId },
    { id: 'c', parent: 'r', start: 10, duration: 100, service: 'db', name: 'SELECT', traceId },
  ] satisfies SpanSpec[]);

describe('comparisonNotices', () => {
  it('says nothing for two traces of the same operation', () => {
    expect(comparisonNotices(diffTraces(trace('a1', 'api', '/checkout'), trace('b1', 'api', '/checkout')).summary)).toEqual([]);
  });

  it('says when A and B are the same trace', () => {
    const notices = comparisonNotices(diffTraces(trace('a1', 'api', '/checkout'), trace('a1', 'api', '/checkout')).summary);
    expect(notices.map((n) => n.title)).toEqual(['A and B are the same trace.']);
  });

  it('warns when the traces start at different operations, naming both', () => {
    const notices = comparisonNotices(diffTraces(trace('a1', 'web-frontend', 'POST /checkout'), trace('b1', 'api-gateway', 'GET /api/v1/orders')).summary);
    expect(notices.map((n) => `${n.title} ${n.body}`)).toEqual([
      'The traces start at different operations (A: web-frontend POST /checkout, B: api-gateway GET /api/v1/orders): the comparison matches spans by path and may not be meaningful.',
    ]);
  });
});
