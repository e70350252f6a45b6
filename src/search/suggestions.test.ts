import { describe, expect, it } from 'vitest';
import { applySuggestion, logfmtSuggestionResolver, type TagSuggestionSource } from './suggestions';
import { traceqlSuggestionResolver } from './traceql-suggestions';

const signal = new AbortController().signal;
const source: TagSuggestionSource = {
  loadTagNames: async () => ['http.request.method', 'http.route', 'db.system', 'service.name'],
  loadTagValues: async (tag) => (tag === 'http.route' ? ['/cart', '/search page'] : ['GET', 'POST']),
  loadTraceqlNames: async () => ['resource.service.name', 'span.http.route', 'span.http.response.status_code'],
  loadTraceqlValues: async (id) =>
    id === 'span.http.response.status_code'
      ? [{ value: '500', type: 'int' }, { value: '200', type: 'int' }]
      : [{ value: 'frontend', type: 'string' }, { value: 'cart', type: 'string' }],
};

describe('logfmt suggestions', () => {
  const resolve = logfmtSuggestionResolver(source);
  it('offers tag names matching the key, prefix matches first', async () => {
    const result = await resolve('a=1 http.r', 10, signal);
    expect(result?.items.map((i) => i.label)).toEqual(['http.request.method', 'http.route']);
    expect(result).toMatchObject({ from: 4, to: 10 });
    expect(result?.items[0]?.insert).toBe('http.request.method=');
  });
  it('offers values after =, quoting them when needed', async () => {
    const result = await resolve('http.route=', 11, signal);
    expect(result?.items.map((i) => i.insert)).toEqual(['/cart ', '"/search page" ']);
  });
  it('applies a pick and moves the caret after it', async () => {
    const text = 'http.route=/ca x=1';
    const result = await resolve(text, 13, signal);
    if (!result?.items[0]) throw new Error('expected a suggestion');
    expect(applySuggestion(text, result, result.items[0])).toEqual({ text: 'http.route=/cart x=1', caret: 17 });
  });
  it('offers nothing without a tag API', async () => {
    expect(await logfmtSuggestionResolver({})('htt', 3, signal)).toBeNull();
  });
});

describe('TraceQL suggestions', () => {
  const resolve = traceqlSuggestionResolver(source);
  it('offers scoped names and intrinsics', async () => {
    const result = await resolve('{ span.http.r', 13, signal);
    expect(result?.items.map((i) => i.label)).toEqual(['span.http.response.status_code', 'span.http.route']);
    const intrinsics = await resolve('{ dur', 5, signal);
    expect(intrinsics?.items.map((i) => i.label)).toContain('duration');
  });
  it('quotes string values and leaves numbers bare', async () => {
    const strings = await resolve('{ resource.service.name = ', 26, signal);
    expect(strings?.items.map((i) => i.insert)).toEqual(['"cart" ', '"frontend" ']);
    const numbers = await resolve('{ span.http.response.status_code = 5', 36, signal);
    expect(numbers?.items.map((i) => i.insert)).toEqual(['500 ']);
  });
  it('knows status and kind values without asking the backend', async () => {
    const result = await traceqlSuggestionResolver({})('{ status = ', 11, signal);
    expect(result?.items.map((i) => i.insert)).toEqual(['error ', 'ok ', 'unset ']);
  });
});
