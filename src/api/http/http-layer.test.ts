import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend';
import { buildUrl, resolveBaseUrl } from './build-url';
import { isEndpointMissing } from './endpoint-probe';
import { describeErrorBody, excerpt, jaegerEnvelopeMessage } from './error-body';
import { HttpClient, type TextResponse } from './http-client';
import { nsSpanToUs, nsStringToUs, usToGoDuration, usToRfc3339, usToSecondsDuration, usToUnixSecondsWindow } from './query-formats';

function response(status: number, text: string): TextResponse {
  return { status, statusText: '', url: 'http://x/api', contentType: '', text };
}

describe('query formats', () => {
  it('writes RFC 3339 with microseconds', () => {
    expect(usToRfc3339(Date.UTC(2026, 0, 5, 10) * 1000 + 1_234_567)).toBe('2026-01-05T10:00:01.234567Z');
    expect(usToRfc3339(0)).toBe('1970-01-01T00:00:00.000000Z');
  });
  it('writes Go durations', () => {
    expect(usToGoDuration(500)).toBe('500us');
    expect(usToGoDuration(1_500)).toBe('1.5ms');
    expect(usToGoDuration(100_000)).toBe('100ms');
    expect(usToGoDuration(1_200_000)).toBe('1.2s');
    expect(usToGoDuration(90_000_000)).toBe('90s');
    expect(usToSecondsDuration(100_000)).toBe('0.1s');
    expect(usToSecondsDuration(1)).toBe('0.000001s');
  });
  it('rounds a µs window outward to unix seconds, end > start', () => {
    expect(usToUnixSecondsWindow(1_767_607_200_500_000, 1_767_610_800_200_000)).toEqual({ start: 1_767_607_200, end: 1_767_610_801 });
    expect(usToUnixSecondsWindow(5_000_000, 5_000_000)).toEqual({ start: 5, end: 6 });
  });
  it('cuts ns strings to µs without going through Number', () => {
    expect(nsStringToUs('1767607200123456789')).toBe(1767607200123456);
    expect(nsStringToUs('999')).toBe(0);
    expect(nsStringToUs('12a')).toBeNull();
    expect(nsSpanToUs('1767607200000000001', '1767607200120000251')).toBe(120000.25);
  });
});

describe('error bodies', () => {
  it('joins Jaeger v1 errors and reads api_v3 messages', () => {
    expect(jaegerEnvelopeMessage({ data: null, errors: [{ code: 500, msg: 'a' }, { code: 500, msg: 'b' }] })).toBe('a; b');
    expect(jaegerEnvelopeMessage({ error: { httpCode: 404, message: 'No traces found' } })).toBe('No traces found');
  });
  it('quotes plain text and never needs it to be JSON', () => {
    expect(describeErrorBody('invalid request: can\'t specify tags and q\n', 'text')).toBe("invalid request: can't specify tags and q");
    expect(describeErrorBody('{"broken', 'jaeger')).toBe('{"broken');
    expect(describeErrorBody('<!DOCTYPE html><html>…', 'jaeger')).toBe('the server answered with an HTML page');
    expect(describeErrorBody('   ', 'text')).toBe('');
  });
  it('keeps excerpts short', () => {
    const long = excerpt('x'.repeat(5000));
    expect(long.length).toBe(200);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('endpoint probing', () => {
  it('tells a missing endpoint from an API answer', () => {
    expect(isEndpointMissing(response(404, '404 page not found\n'))).toBe(true);
    expect(isEndpointMissing(response(404, ''))).toBe(true);
    expect(isEndpointMissing(response(405, 'method not allowed'))).toBe(true);
    expect(isEndpointMissing(response(501, ''))).toBe(true);
    expect(isEndpointMissing(response(200, '<html><body>app</body></html>'))).toBe(true);
    expect(isEndpointMissing(response(404, '{"error":{"httpCode":404,"message":"No traces found"}}'))).toBe(false);
    expect(isEndpointMissing(response(404, '{"data":null,"errors":[{"code":404,"msg":"trace not found"}]}'))).toBe(false);
    expect(isEndpointMissing(response(500, 'boom'))).toBe(false);
    expect(isEndpointMissing(response(200, '{"services":[]}'))).toBe(false);
  });
});

describe('HttpClient', () => {
  it('builds URLs under the base path, resolving relative bases against the document', () => {
    expect(buildUrl(resolveBaseUrl('http://h/api/jaeger'), '/api/v3/services', { a: 'x y', b: undefined, c: ['1', '2'] })).toBe(
      'http://h/api/jaeger/api/v3/services?a=x+y&c=1&c=2',
    );
    const g = globalThis as { location?: unknown };
    const saved = g.location;
    g.location = { href: 'https://viewer.example/skein/index.html' };
    try {
      expect(resolveBaseUrl('api/tempo')).toBe('https://viewer.example/skein/api/tempo/');
    } finally {
      g.location = saved;
    }
  });

  it('classifies statuses and names the backend in every message', () => {
    const c = new HttpClient({ backendName: 'B', baseUrl: 'http://h', errorStyle: 'text' });
    const cases: [number, string][] = [
      [401, 'unauthorized'],
      [403, 'unauthorized'],
      [404, 'not-found'],
      [400, 'http'],
      [502, 'http'],
    ];
    for (const [status, kind] of cases) {
      const e = c.httpError(response(status, 'nope'), 'do a thing');
      expect(e).toBeInstanceOf(BackendError);
      expect([e.kind, e.status, e.backendName]).toEqual([kind, status, 'B']);
      expect(e.message).toContain('B');
      expect(e.message).toContain('nope');
    }
  });

  it('tells 401 (sign in) from 403 (not allowed) in its advice', () => {
    const c = new HttpClient({ backendName: 'B', baseUrl: 'http://h', errorStyle: 'text' });
    const unauthorized = c.httpError({ ...response(401, 'no org id'), statusText: 'Unauthorized' }, 'load trace 1');
    expect(unauthorized.message).toBe(
      'B refused to load trace 1 (HTTP 401 Unauthorized: "no org id"). Sign in again (reload the page if your session expired), or check the credentials the proxy adds for this backend.',
    );
    const forbidden = c.httpError(response(403, ''), 'load trace 1');
    expect(forbidden.message).toMatch(/^B refused to load trace 1 \(HTTP 403\)\. Your account is not allowed/);
    expect(forbidden.message).toContain('X-Scope-OrgID');
    expect(forbidden.message).not.toContain('Sign in');
  });

  it('does not double the full stop after a reason that is a sentence', () => {
    const c = new HttpClient({ backendName: 'B', baseUrl: 'http://h', errorStyle: 'text' });
    const e = c.invalidResponse('load trace 1', 'Not a trace format Skein knows.  ');
    expect(e.message).toBe(
      'B sent an answer Skein cannot read when trying to load trace 1: Not a trace format Skein knows. Check that the URL in config.json points at the query API of this backend type.',
    );
  });

  it('reports an HTML page where JSON was expected as invalid-response', () => {
    const c = new HttpClient({ backendName: 'B', baseUrl: 'http://h', errorStyle: 'text' });
    expect(() => c.parseJson(response(200, '<!doctype html><html></html>'), 'list services')).toThrow(/HTML page/);
  });

  it('uses the injected fetch and maps its failures', async () => {
    const calls: string[] = [];
    const ok = new HttpClient({
      backendName: 'B',
      baseUrl: 'http://h/base',
      errorStyle: 'text',
      fetch: async (input) => {
        calls.push(String(input));
        return new Response('{"x":1}', { status: 200 });
      },
    });
    expect(await ok.getJson('/api/x', { what: 'x', query: { q: '1' } })).toEqual({ x: 1 });
    expect(calls).toEqual(['http://h/base/api/x?q=1']);
    const down = new HttpClient({
      backendName: 'B',
      baseUrl: 'http://h',
      errorStyle: 'text',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(down.getText('/a', { what: 'x' })).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('timeout messages', () => {
  it('give advice that fits any request (a service list has no time range or result limit)', () => {
    const c = new HttpClient({ backendName: 'B', baseUrl: 'http://h', errorStyle: 'text', timeoutMs: 4000 });
    const error = c.timeoutError('load the service list');
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      'B did not answer within 4 s when trying to load the service list. The server may be overloaded: retry in a moment, or raise "timeoutMs" for this backend in config.json.',
    );
    expect(error.message).not.toMatch(/time range|result limit/);
  });
});
