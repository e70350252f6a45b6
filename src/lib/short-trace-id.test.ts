import { describe, expect, it } from 'vitest';
import { shortTraceId } from './short-trace-id';

describe('shortTraceId', () => {
  it('takes the first characters of an ID', () => {
    expect(shortTraceId('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('4bf92f3');
    expect(shortTraceId('4bf92f3577b34da6a3ce929d0e0e4736', 8)).toBe('4bf92f35');
    expect(shortTraceId('trace-123')).toBe('trace-1');
  });

  it('skips leading zeros, so padded 64-bit IDs and counter-like IDs can be told apart', () => {
    expect(shortTraceId('00000000000000001000000000000001')).toBe('1000000');
    expect(shortTraceId('000000010419467b0610000000d12711')).toBe('1041946');
    expect(shortTraceId('000000030519467b0610000000d19273')).toBe('3051946');
    expect(shortTraceId('0000')).toBe('0000');
  });
});
