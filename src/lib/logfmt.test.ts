import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLogfmt, formatLogfmtValue, logfmtCaretContext, logfmtPairsToRecord, parseLogfmt } from './logfmt';

describe('parseLogfmt', () => {
  it('reads bare pairs', () => {
    const result = parseLogfmt('http.status_code=500 error=true');
    expect(result.pairs).toEqual([
      { key: 'http.status_code', value: '500' },
      { key: 'error', value: 'true' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.duplicateKeys).toEqual([]);
  });

  it('reads quoted values with spaces, = and escapes', () => {
    const result = parseLogfmt('msg="disk full" q="a=b" path="C:\\\\tmp" say="he said \\"hi\\"" nl="a\\nb"');
    expect(result.errors).toEqual([]);
    expect(logfmtPairsToRecord(result.pairs)).toEqual({
      msg: 'disk full',
      q: 'a=b',
      path: 'C:\\tmp',
      say: 'he said "hi"',
      nl: 'a\nb',
    });
  });

  it('treats a bare key as true, like Jaeger UI', () => {
    expect(parseLogfmt('error').pairs).toEqual([{ key: 'error', value: 'true' }]);
  });

  it('keeps empty values', () => {
    expect(parseLogfmt('a= b=""').pairs).toEqual([
      { key: 'a', value: '' },
      { key: 'b', value: '' },
    ]);
  });

  it('tolerates extra whitespace', () => {
    expect(parseLogfmt('  a=1 \t  b=2  ').pairs).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
  });

  it('reports duplicate keys and keeps every pair', () => {
    const result = parseLogfmt('a=1 b=2 a=3');
    expect(result.duplicateKeys).toEqual(['a']);
    expect(result.pairs).toHaveLength(3);
    expect(logfmtPairsToRecord(result.pairs)).toEqual({ a: '3', b: '2' });
  });

  it('reports an unclosed quote with its offset', () => {
    const result = parseLogfmt('a=1 msg="oops');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.offset).toBe(8);
    expect(result.errors[0]?.message).toMatch(/closing quote/);
  });

  it('reports a missing key', () => {
    const result = parseLogfmt('=5');
    expect(result.errors[0]?.message).toMatch(/needs a name/);
    expect(result.pairs).toEqual([]);
  });

  it('reports a stray quote in a bare value', () => {
    expect(parseLogfmt('a=b"c').errors[0]?.message).toMatch(/Quote the whole value/);
  });

  it('parses nothing from empty input', () => {
    expect(parseLogfmt('')).toEqual({ pairs: [], errors: [], duplicateKeys: [] });
  });
});

describe('formatLogfmt', () => {
  it('quotes only when needed', () => {
    expect(formatLogfmt([{ key: 'a', value: '1' }, { key: 'msg', value: 'disk full' }])).toBe('a=1 msg="disk full"');
    expect(formatLogfmtValue('')).toBe('""');
    expect(formatLogfmtValue('a"b')).toBe('"a\\"b"');
    expect(formatLogfmtValue('a\\b')).toBe('"a\\\\b"');
    expect(formatLogfmtValue('x=y')).toBe('"x=y"');
  });

  it('round-trips any pairs', () => {
    const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !/[\s"=\\]/.test(k));
    fc.assert(
      fc.property(fc.array(fc.record({ key, value: fc.string({ maxLength: 20 }) }), { maxLength: 6 }), (pairs) => {
        const parsed = parseLogfmt(formatLogfmt(pairs));
        expect(parsed.errors).toEqual([]);
        expect(parsed.pairs).toEqual(pairs);
      }),
      { numRuns: 300 },
    );
  });
});

describe('logfmtCaretContext', () => {
  it('finds the key being typed', () => {
    expect(logfmtCaretContext('a=1 http.st', 11)).toEqual({ part: 'key', key: 'http.st', prefix: 'http.st', from: 4, to: 11 });
  });

  it('finds the value after =', () => {
    expect(logfmtCaretContext('a=1 http.method=GE', 18)).toEqual({
      part: 'value',
      key: 'http.method',
      prefix: 'GE',
      from: 16,
      to: 18,
    });
  });

  it('handles quoted values with spaces', () => {
    const text = 'msg="disk fu';
    expect(logfmtCaretContext(text, text.length)).toMatchObject({ part: 'value', key: 'msg', prefix: 'disk fu', from: 4 });
  });

  it('starts a new key after a space', () => {
    expect(logfmtCaretContext('a=1 ', 4)).toEqual({ part: 'key', key: '', prefix: '', from: 4, to: 4 });
  });
});
