import { describe, expect, it } from 'vitest';
import type { DependencyLink } from '../model/types';
import { focusNodeSet, type FocusDirection } from './focus-filter';
import { buildServiceGraph, inducedSubgraph } from './graph-model';

// frontend → gateway → cart → redis
//                    ↘ checkout → payments → bank
//                                ↘ cart
// batch → payments;  payments → checkout (a cycle)
const links: DependencyLink[] = [
  ['frontend', 'gateway'],
  ['gateway', 'cart'],
  ['cart', 'redis'],
  ['gateway', 'checkout'],
  ['checkout', 'payments'],
  ['payments', 'bank'],
  ['checkout', 'cart'],
  ['batch', 'payments'],
  ['payments', 'checkout'],
].map(([parent, child]) => ({ parent: parent ?? '', child: child ?? '', callCount: 1 }));

const graph = buildServiceGraph(links);

function focus(service: string, depth: number, direction: FocusDirection): string[] {
  const set = focusNodeSet(graph, { focus: graph.indexByName.get(service) ?? -1, depth, direction });
  return [...set].map((i) => graph.nodes[i]?.name ?? '?').sort();
}

describe('focusNodeSet', () => {
  it('walks downstream only along call direction', () => {
    expect(focus('checkout', 1, 'downstream')).toEqual(['cart', 'checkout', 'payments']);
    expect(focus('checkout', 2, 'downstream')).toEqual(['bank', 'cart', 'checkout', 'payments', 'redis']);
  });

  it('walks upstream only against call direction', () => {
    expect(focus('payments', 1, 'upstream')).toEqual(['batch', 'checkout', 'payments']);
    expect(focus('payments', 2, 'upstream')).toEqual(['batch', 'checkout', 'gateway', 'payments']);
  });

  it('unions both walks without pulling in siblings', () => {
    // cart's callers are gateway and checkout; gateway's other callee (checkout) is reached only
    // because checkout calls cart, not as a sibling. redis is downstream. frontend is 2 hops up.
    expect(focus('cart', 1, 'both')).toEqual(['cart', 'checkout', 'gateway', 'redis']);
    expect(focus('redis', 1, 'both')).toEqual(['cart', 'redis']);
  });

  it('treats depth 0 as unlimited', () => {
    expect(focus('frontend', 0, 'downstream')).toEqual(['bank', 'cart', 'checkout', 'frontend', 'gateway', 'payments', 'redis']);
  });

  it('terminates on cycles', () => {
    expect(focus('payments', 0, 'downstream')).toEqual(['bank', 'cart', 'checkout', 'payments', 'redis']);
  });

  it('gives nothing for an unknown service', () => {
    expect(focus('nope', 2, 'both')).toEqual([]);
  });
});

describe('inducedSubgraph', () => {
  it('keeps exactly the edges between kept nodes, with their counts', () => {
    const keep = focusNodeSet(graph, { focus: graph.indexByName.get('payments') ?? -1, depth: 1, direction: 'both' });
    const sub = inducedSubgraph(graph, keep);
    expect(sub.nodes.map((n) => n.name)).toEqual(['bank', 'batch', 'checkout', 'payments']);
    expect(sub.edges.map((e) => `${e.link.parent}>${e.link.child}`).sort()).toEqual([
      'batch>payments',
      'checkout>payments',
      'payments>bank',
      'payments>checkout',
    ]);
  });

  it('keeps a focused service that has no edges', () => {
    const lonely = buildServiceGraph([{ parent: 'a', child: 'b', callCount: 1 }]);
    const sub = inducedSubgraph(lonely, new Set([0]));
    expect(sub.nodes.map((n) => n.name)).toEqual(['a']);
    expect(sub.edges).toEqual([]);
  });
});
