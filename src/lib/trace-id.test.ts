import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToHex, normaliseId, normaliseParentId, normaliseTraceIdForLookup } from './trace-id';

describe('normaliseId', () => {
  it('lower-cases and left-pads hex', () => {
    expect(normaliseId('5B8EFFF798038103D269B633813FC60C', 'trace')).toBe('5b8efff798038103d269b633813fc60c');
    expect(normaliseId('EEE19B7EC3C1B174', 'span')).toBe('eee19b7ec3c1b174');
    expect(normaliseId('64ca3aa4b3d2a44', 'span')).toBe('064ca3aa4b3d2a44'); // 15 chars
    expect(normaliseId('2be38093ead7a083', 'trace')).toBe('2be38093ead7a083'); // 64-bit trace ID stays 16
    expect(normaliseId('abc', 'trace')).toBe('0000000000000abc');
    expect(normaliseId('6f1b3c1ab7b1e0d4f6d8f2a8f7c0e7d', 'trace')).toBe('06f1b3c1ab7b1e0d4f6d8f2a8f7c0e7d'); // 31 chars
  });

  it('decodes base64 IDs of the right size (std, URL-safe, padded or not)', () => {
    expect(normaliseId('AAAAAAAAAAAAAAAAAAAAAQ==', 'trace')).toBe('00000000000000000000000000000001');
    expect(normaliseId('AAAAAAAAAAI=', 'span')).toBe('0000000000000002');
    expect(normaliseId('W47/95gDgQPSabYzgT/HAA==', 'trace')).toBe('5b8efff798038103d269b633813fc700');
    expect(normaliseId('W47_95gDgQPSabYzgT_HAA', 'trace')).toBe('5b8efff798038103d269b633813fc700');
    expect(normaliseId('AAAAAAAAAP8', 'span')).toBe('00000000000000ff');
  });

  it('keeps anything else as an opaque string', () => {
    expect(normaliseId('trace-123', 'trace')).toBe('trace-123');
    expect(normaliseId('abcd1234efgh5678', 'span')).toBe('abcd1234efgh5678');
    expect(normaliseId('AAAAAAAAAAI=', 'trace')).toBe('AAAAAAAAAAI='); // 8 bytes is not a trace ID
  });

  it('maps missing to empty and numbers to text', () => {
    expect(normaliseId(undefined, 'span')).toBe('');
    expect(normaliseId(null, 'span')).toBe('');
    expect(normaliseId('', 'span')).toBe('');
    expect(normaliseId(12, 'span')).toBe('0000000000000012');
  });

  it('round-trips random bytes through hex and base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const hex = Buffer.from(bytes).toString('hex');
        expect(normaliseId(hex.toUpperCase(), 'trace')).toBe(hex);
        expect(normaliseId(Buffer.from(bytes).toString('base64'), 'trace')).toBe(hex);
        const hexPattern = /^[0-9a-f]+$/;
        const urlSafe = Buffer.from(bytes).toString('base64url');
        // An unpadded URL-safe ID that happens to be all hex digits is read as hex (22 digits, padded to 32).
        if (!hexPattern.test(urlSafe.toLowerCase())) expect(normaliseId(urlSafe, 'trace')).toBe(hex);
      }),
    );
  });
});

describe('base64ToHex', () => {
  it('rejects wrong lengths and non-canonical trailing bits', () => {
    expect(base64ToHex('AAAAAAAAAAI=', 16)).toBeNull();
    expect(base64ToHex('AAAAAAAAAAJ=', 8)).toBeNull();
    expect(base64ToHex('AAAA*AAAAAI=', 8)).toBeNull();
  });
});

describe('normaliseParentId', () => {
  it('maps empty and all-zero parents to null', () => {
    expect(normaliseParentId('')).toBeNull();
    expect(normaliseParentId(undefined)).toBeNull();
    expect(normaliseParentId('0000000000000000')).toBeNull();
    expect(normaliseParentId('0')).toBeNull();
    expect(normaliseParentId('AAAAAAAAAAA=')).toBeNull();
    expect(normaliseParentId('AAAAAAAAAAI=')).toBe('0000000000000002');
    expect(normaliseParentId('span-1')).toBe('span-1');
  });
});

describe('normaliseTraceIdForLookup', () => {
  it('gives 32 lower-case hex chars', () => {
    expect(normaliseTraceIdForLookup(' 2BE38093EAD7A083 ')).toBe('00000000000000002be38093ead7a083');
    expect(normaliseTraceIdForLookup('6f1b3c1ab7b1e0d4f6d8f2a8f7c0e7d')).toBe('06f1b3c1ab7b1e0d4f6d8f2a8f7c0e7d');
    expect(normaliseTraceIdForLookup('0x1')).toBe('00000000000000000000000000000001');
    expect(normaliseTraceIdForLookup('AAAAAAAAAAAAAAAAAAAAAQ==')).toBe('00000000000000000000000000000001');
    expect(normaliseTraceIdForLookup('trace-123')).toBe('trace-123');
  });
  it('makes a trimmed Tempo ID equal to the full one', () => {
    const full = '000a1b2c3d4e5f60718293a4b5c6d7e8';
    expect(normaliseTraceIdForLookup(full.replace(/^0+/, ''))).toBe(normaliseTraceIdForLookup(full));
  });
});
