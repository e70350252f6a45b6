import { describe, expect, it } from 'vitest';
import { parseTraceIdInput } from './parse-trace-id-input';

describe('parseTraceIdInput', () => {
  it('trims and lower-cases hex IDs of 1 to 32 characters', () => {
    expect(parseTraceIdInput('  ABCdef0123  ')).toEqual({ ok: true, traceId: 'abcdef0123' });
    expect(parseTraceIdInput('a')).toEqual({ ok: true, traceId: 'a' });
    expect(parseTraceIdInput('F'.repeat(32))).toEqual({ ok: true, traceId: 'f'.repeat(32) });
    expect(parseTraceIdInput('0xABC')).toEqual({ ok: true, traceId: 'abc' });
  });

  it('rejects empty, too long and non-hex input with a reason', () => {
    expect(parseTraceIdInput('   ')).toEqual({ ok: false, message: 'Enter a trace ID.' });
    expect(parseTraceIdInput('a'.repeat(33))).toEqual({
      ok: false,
      message: 'A trace ID has at most 32 hex characters; this one has 33.',
    });
    expect(parseTraceIdInput('xyz')).toMatchObject({ ok: false });
    expect(parseTraceIdInput('ab cd')).toMatchObject({ ok: false });
  });
});
