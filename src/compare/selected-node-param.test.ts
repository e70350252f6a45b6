import { describe, expect, it } from 'vitest';
import { selectedNodeFromParam } from './selected-node-param';

describe('selectedNodeFromParam', () => {
  it.each([
    ['0', 0],
    ['17', 17],
    ['007', 7],
    [null, null],
    ['', null],
    ['-1', null],
    ['1.5', null],
    ['1e3', null],
    [' 3', null],
    ['12345678901', null],
    ['abc', null],
  ] as const)('%s → %s', (text, want) => {
    expect(selectedNodeFromParam(text)).toBe(want);
  });
});
