import { describe, expect, it } from 'vitest';
import { emptySpanLists } from './document-skeleton';

describe('emptySpanLists', () => {
  it('empties span lists at any depth and keeps the envelope', () => {
    const tempo = {
      status: 'PARTIAL',
      message: 'too large',
      trace: { resourceSpans: [{ resource: { attributes: [{ key: 'service.name' }] }, scopeSpans: [{ scope: { name: 'lib' }, spans: [{ spanId: 'a' }, { spanId: 'b' }] }] }] },
    };
    expect(emptySpanLists(tempo)).toEqual({
      status: 'PARTIAL',
      message: 'too large',
      trace: { resourceSpans: [{ resource: { attributes: [{ key: 'service.name' }] }, scopeSpans: [{ scope: { name: 'lib' }, spans: [] }] }] },
    });
    expect(tempo.trace.resourceSpans[0]!.scopeSpans[0]!.spans).toHaveLength(2); // the input is untouched
    expect(emptySpanLists({ data: [{ traceID: 'x', spans: [{}], processes: { p1: {} } }], errors: null })).toEqual({
      data: [{ traceID: 'x', spans: [], processes: { p1: {} } }],
      errors: null,
    });
  });

  it('leaves values that are not span lists as they are', () => {
    expect(emptySpanLists(null)).toBeNull();
    expect(emptySpanLists([1, 'a'])).toEqual([1, 'a']);
    expect(emptySpanLists({ spans: 'not a list' })).toEqual({ spans: 'not a list' });
  });
});
