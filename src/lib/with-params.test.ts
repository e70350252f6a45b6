import { describe, expect, it } from 'vitest';
import { withParams } from './with-params';

describe('withParams', () => {
  it('sets, replaces and removes parameters and keeps the others', () => {
    const current = new URLSearchParams('backend=jaeger&span=a&view=graph');
    const next = withParams(current, [
      ['span', 'b'],
      ['view', null],
      ['node', '3'],
      ['find', ''],
    ]);
    expect(next.toString()).toBe('backend=jaeger&span=b&node=3');
    expect(current.toString()).toBe('backend=jaeger&span=a&view=graph');
  });
});
