import { describe, expect, it } from 'vitest';
import { traceFromSpecs } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import { graphNodeAfterKey, graphNodeAnnouncement, isGraphMoveKey } from './diff-graph-keys';
import { checkoutDiff, checkoutNodeId } from './testing/checkout-diff';

// (The comparison of testing/checkout-diff.ts.)
const diff = checkoutDiff;
const idOf = checkoutNodeId;
const nameAfter = (from: string | null, key: Parameters<typeof graphNodeAfterKey>[2]) => {
  const id = graphNodeAfterKey(diff, from === null ? null : idOf(from), key);
  return id === null ? null : diff.nodes[id]!.name;
};

describe('graphNodeAfterKey', () => {
  it.each([
    // Nothing selected yet: any move starts at the root.
    [null, 'ArrowDown', '/checkout'],
    [null, 'ArrowRight', '/checkout'],
    // Right: first child; Left: parent.
    ['/checkout', 'ArrowRight', '/load'],
    ['/load', 'ArrowRight', 'GET'],
    ['GET', 'ArrowLeft', '/load'],
    ['/load', 'ArrowLeft', '/checkout'],
    // Down / Up: siblings in start order (the union has both /send and publish).
    ['/load', 'ArrowDown', '/charge'],
    ['/charge', 'ArrowDown', '/send'],
    ['/send', 'ArrowDown', 'publish'],
    ['/charge', 'ArrowUp', '/load'],
    // Edges: the selection stays.
    ['/checkout', 'ArrowLeft', '/checkout'],
    ['/checkout', 'ArrowUp', '/checkout'],
    ['GET', 'ArrowRight', 'GET'],
    ['/load', 'ArrowUp', '/load'],
    ['publish', 'ArrowDown', 'publish'],
    // Home: back to the root from anywhere.
    ['SELECT', 'Home', '/checkout'],
  ] as const)('from %s, %s selects %s', (from, key, want) => {
    expect(nameAfter(from, key)).toBe(want);
  });

  it('moves between roots with Down and Up when there are several', () => {
    const two = diffTraces(
      traceFromSpecs([
        { id: 'x', start: 0, duration: 10, service: 's', name: 'first' },
        { id: 'y', start: 20, duration: 10, service: 's', name: 'second' },
      ]),
      traceFromSpecs([{ id: 'x', start: 0, duration: 10, service: 's', name: 'first' }]),
    );
    const [first, second] = two.rootIds;
    expect(graphNodeAfterKey(two, first!, 'ArrowDown')).toBe(second);
    expect(graphNodeAfterKey(two, second!, 'ArrowUp')).toBe(first);
  });

  it('returns null for an empty diff', () => {
    const empty = diffTraces(traceFromSpecs([]), traceFromSpecs([]));
    expect(graphNodeAfterKey(empty, null, 'Home')).toBeNull();
  });

  it('knows which keys move', () => {
    expect(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home'].every(isGraphMoveKey)).toBe(true);
    expect(['Enter', 'Escape', '+', '0', 'End'].some(isGraphMoveKey)).toBe(false);
  });
});

describe('graphNodeAnnouncement', () => {
  it('names the node, its change, its level and its children', () => {
    const text = graphNodeAnnouncement(diff, diff.nodes[idOf('/charge')]!, false);
    expect(text).toMatch(/^payments: \/charge, self time ±0 \(no change\)/);
    expect(text).toContain('level 2');
    expect(text).toContain('1 child');
    expect(text).not.toContain('folded');
    expect(graphNodeAnnouncement(diff, diff.nodes[idOf('/load')]!, true)).toContain('1 child, folded');
  });

  it('says which side a node is only in', () => {
    expect(graphNodeAnnouncement(diff, diff.nodes[idOf('publish')]!, false)).toContain('only in B');
    expect(graphNodeAnnouncement(diff, diff.nodes[idOf('/send')]!, false)).toContain('only in A');
    expect(graphNodeAnnouncement(diff, diff.nodes[idOf('SELECT')]!, false)).toMatch(/self time \+500 µs \(500 µs slower\)/);
  });

  it('says a change below the threshold once', () => {
    const small = diffTraces(
      traceFromSpecs([{ id: 'x', start: 0, duration: 1000, service: 's', name: 'op' }]),
      traceFromSpecs([{ id: 'x', start: 0, duration: 1001, service: 's', name: 'op' }]),
    );
    expect(graphNodeAnnouncement(small, small.nodes[0]!, false)).toBe('s: op, self time +1 µs (about the same), level 1');
  });
});
