import { describe, expect, it } from 'vitest';
import { parseLogfmtTags, spanMatches, traceMatches } from './span-query';
import { generate } from './test-helpers';

describe('parseLogfmtTags', () => {
  it('reads bare, quoted and escaped values and bare keys', () => {
    expect(parseLogfmtTags('http.response.status_code=500  error=true')).toEqual([
      { key: 'http.response.status_code', value: '500' },
      { key: 'error', value: 'true' },
    ]);
    expect(parseLogfmtTags('q="running shoes" msg="say \\"hi\\"" flag')).toEqual([
      { key: 'q', value: 'running shoes' },
      { key: 'msg', value: 'say "hi"' },
      { key: 'flag', value: null },
    ]);
    expect(parseLogfmtTags('')).toEqual([]);
    expect(parseLogfmtTags(undefined)).toEqual([]);
    expect(parseLogfmtTags('empty=')).toEqual([{ key: 'empty', value: '' }]);
  });
});

describe('span matching', () => {
  const spans = generate('checkout', 5);
  const payments = spans.find((s) => s.serviceName === 'payments' && s.kind === 'server')!;

  it('matches service, operation and tags on one span, against span and resource attributes', () => {
    expect(spanMatches(payments, { service: 'payments', operation: 'POST /v1/payments/authorize', tags: [] })).toBe(true);
    expect(spanMatches(payments, { service: 'payments', tags: [{ key: 'http.route', value: '/v1/payments/authorize' }] })).toBe(true);
    expect(spanMatches(payments, { tags: [{ key: 'telemetry.sdk.language', value: 'go' }] })).toBe(true);
    expect(spanMatches(payments, { tags: [{ key: 'telemetry.sdk.language', value: 'java' }] })).toBe(false);
    expect(spanMatches(payments, { tags: [{ key: 'span.kind', value: 'server' }, { key: 'http.route', value: null }] })).toBe(true);
    expect(spanMatches(payments, { service: 'checkout', tags: [] })).toBe(false);
  });

  it('matches numbers by their text and error=true by status', () => {
    const withStatus = spans.find((s) => s.attributes.some((a) => a.key === 'http.response.status_code' && a.value === 201))!;
    expect(spanMatches(withStatus, { tags: [{ key: 'http.response.status_code', value: '201' }] })).toBe(true);
    expect(traceMatches(spans, { tags: [{ key: 'error', value: 'true' }] })).toBe(spans.some((s) => s.status === 'error'));
    expect(traceMatches(spans, { tags: [] })).toBe(true);
    expect(traceMatches(spans, { tags: [{ key: 'no.such', value: 'x' }] })).toBe(false);
  });
});
