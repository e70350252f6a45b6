import { describe, expect, it } from 'vitest';
import { compareHref, parseComparePair, parseCompareTraceId } from './parse-compare-input';

describe('compare form input', () => {
  it.each([
    ['  ABCDEF0123  ', 'abcdef0123'],
    ['0xabc', 'abc'],
    ['https://jaeger.example/trace/4bf92f3577b34da6a3ce929d0e0e4736?uiFind=x', '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['/skein/trace/abc123?backend=demo', 'abc123'],
    ['file-trace_1', 'file-trace_1'],
  ])('reads %j as %j', (input, id) => expect(parseCompareTraceId(input)).toEqual({ ok: true, traceId: id }));

  it('rejects empty and malformed input with a message', () => {
    expect(parseCompareTraceId(' ')).toEqual({ ok: false, message: 'Enter a trace ID or paste a link to a trace.' });
    expect(parseCompareTraceId('two words').ok).toBe(false);
  });

  it("reads Jaeger UI's A...B comparison IDs", () => {
    expect(parseComparePair('abc...DEF')).toEqual({ a: 'abc', b: 'def' });
    expect(parseComparePair('http://jaeger/trace/abc...def?x=1')).toEqual({ a: 'abc', b: 'def' });
    expect(parseComparePair('abc')).toBeNull();
  });

  it('links with backend= for one backend and backendA=/backendB= for two', () => {
    expect(compareHref({ traceId: 'a1', backendId: 'demo' }, { traceId: 'b2', backendId: 'demo' })).toBe('/compare/a1/b2?backend=demo');
    expect(compareHref({ traceId: 'a1', backendId: 'jaeger' }, { traceId: 'b2', backendId: 'file' })).toBe(
      '/compare/a1/b2?backendA=jaeger&backendB=file',
    );
  });
});
