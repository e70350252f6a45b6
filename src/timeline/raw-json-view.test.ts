import { describe, expect, it } from 'vitest';
import { payloadJson } from './raw-json-view';

describe('payloadJson', () => {
  it('indents a parsed document, or the body text parsed when the view opens', () => {
    expect(payloadJson({ data: [1] }, undefined)).toBe('{\n  "data": [\n    1\n  ]\n}');
    expect(payloadJson(undefined, '{"data":[1]}')).toBe('{\n  "data": [\n    1\n  ]\n}');
    // The parsed document wins when both are there.
    expect(payloadJson({ a: 1 }, '{"b":2}')).toBe('{\n  "a": 1\n}');
  });

  it('shows text that is not one JSON document as it came, and nothing without a payload', () => {
    expect(payloadJson(undefined, '{"a":1}\n{"b":2}\n')).toBe('{"a":1}\n{"b":2}\n');
    expect(payloadJson(undefined, undefined)).toBeUndefined();
  });
});
