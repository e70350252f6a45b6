import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import {
  buildDiffRows,
  changedNodes,
  collapseAllNodes,
  expandAncestorsOf,
  intersectMasks,
  matchNodes,
  toggleNode,
  withAncestors,
} from './diff-rows';

// api /checkout > [cart /load, payments /charge > db SELECT, mail /send]; B's db call is slower.
const a: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1000, service: 'api', name: '/checkout' },
  { id: 'c', parent: 'r', start: 0, duration: 200, service: 'cart', name: '/load' },
  { id: 'p', parent: 'r', start: 250, duration: 450, service: 'payments', name: '/charge' },
  { id: 'd', parent: 'p', start: 300, duration: 300, service: 'db', name: 'SELECT' },
  { id: 'm', parent: 'r', start: 750, duration: 150, service: 'mail', name: '/send' },
];
const b: SpanSpec[] = a.map((s) =>
  s.id === 'd' ? { ...s, duration: 800 } : s.id === 'p' ? { ...s, duration: 950 } : s.id === 'r' ? { ...s, duration: 1500 } : s.id === 'm' ? { ...s, start: 1250 } : s,
);
const diff = diffTraces(traceFromSpecs(a), traceFromSpecs(b));
const names = (rows: Int32Array) => Array.from(rows, (id) => diff.nodes[id]!.name);

describe('merged waterfall rows', () => {
  it('shows every node when nothing is collapsed or filtered', () => {
    expect(names(buildDiffRows(diff.nodes, new Uint8Array(diff.nodes.length), null))).toEqual(['/checkout', '/load', '/charge', 'SELECT', '/send']);
  });

  it('skips the subtree of a collapsed node, and expandAncestorsOf brings a node back', () => {
    const charge = diff.nodes.findIndex((n) => n.name === '/charge');
    const collapsed = toggleNode(new Uint8Array(diff.nodes.length), charge);
    expect(names(buildDiffRows(diff.nodes, collapsed, null))).toEqual(['/checkout', '/load', '/charge', '/send']);
    const all = collapseAllNodes(diff.nodes);
    expect(names(buildDiffRows(diff.nodes, all, null))).toEqual(['/checkout']);
    const select = diff.nodes.findIndex((n) => n.name === 'SELECT');
    const opened = expandAncestorsOf(diff.nodes, all, select);
    expect(names(buildDiffRows(diff.nodes, opened, null))).toEqual(['/checkout', '/load', '/charge', 'SELECT', '/send']);
    expect(all[0]).toBe(1); // the old set is untouched
  });

  it('filters by service/name with the ancestors kept', () => {
    const match = matchNodes(diff.nodes, 'DB sel');
    expect(match && Array.from(match)).toEqual([0, 0, 0, 1, 0]);
    const visible = withAncestors(diff.nodes, match!);
    expect(names(buildDiffRows(diff.nodes, new Uint8Array(diff.nodes.length), visible))).toEqual(['/checkout', '/charge', 'SELECT']);
    expect(matchNodes(diff.nodes, '   ')).toBeNull();
  });

  it('"only changed" keeps the changed nodes and their ancestors', () => {
    const changed = changedNodes(diff);
    expect(names(buildDiffRows(diff.nodes, new Uint8Array(diff.nodes.length), withAncestors(diff.nodes, changed)))).toEqual([
      '/checkout',
      '/charge',
      'SELECT',
    ]);
    const both = intersectMasks(changed, matchNodes(diff.nodes, 'payments'));
    expect(names(buildDiffRows(diff.nodes, new Uint8Array(diff.nodes.length), withAncestors(diff.nodes, both!)))).toEqual(['/checkout', '/charge']);
  });
});
