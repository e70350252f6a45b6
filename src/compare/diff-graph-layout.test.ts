import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import {
  COLUMN_PX,
  fitGraphTransform,
  foldUnchangedSubtrees,
  graphLabel,
  FIT_MIN_K,
  initialGraphTransform,
  START_MIN_K,
  hitTestNode,
  layoutDiffGraph,
  MAX_RADIUS_PX,
  MIN_RADIUS_PX,
  nodeRadiusPx,
  ROW_PX,
  truncateToWidth,
} from './diff-graph-layout';
import { checkoutA, checkoutDiff, checkoutNodeId } from './testing/checkout-diff';

const a = checkoutA;
const diff = checkoutDiff;
const idOf = checkoutNodeId;

describe('node size', () => {
  it('grows with the square root of the time, between the minimum and maximum radius', () => {
    expect(nodeRadiusPx(0, 1000)).toBe(MIN_RADIUS_PX);
    expect(nodeRadiusPx(1000, 1000)).toBe(MAX_RADIUS_PX);
    expect(nodeRadiusPx(250, 1000)).toBeCloseTo(MIN_RADIUS_PX + (MAX_RADIUS_PX - MIN_RADIUS_PX) * 0.5, 10);
    expect(nodeRadiusPx(5, 0)).toBe(MIN_RADIUS_PX);
  });
});

describe('default folding', () => {
  it('folds nodes whose descendants are all unchanged and keeps changed branches open', () => {
    const collapsed = foldUnchangedSubtrees(diff);
    expect(collapsed[idOf('/load')]).toBe(1);
    expect(collapsed[idOf('/checkout')]).toBe(0);
    expect(collapsed[idOf('/charge')]).toBe(0);
    // Leaves are never "folded": there is nothing to hide.
    expect(collapsed[idOf('SELECT')]).toBe(0);
    expect(collapsed[idOf('GET')]).toBe(0);
  });

  it('folds the root when the two traces are the same', () => {
    const same = diffTraces(traceFromSpecs(a), traceFromSpecs(a));
    const collapsed = foldUnchangedSubtrees(same);
    expect(Array.from(collapsed)).toEqual(same.nodes.map((n) => (n.childIds.length > 0 ? 1 : 0)));
    expect(layoutDiffGraph(same, collapsed).count).toBe(1);
  });
});

describe('tree layout', () => {
  const open = new Uint8Array(diff.nodes.length);
  const layout = layoutDiffGraph(diff, open);

  it('has one shown node per union-tree node, in DFS order, children one column to the right', () => {
    expect(layout.count).toBe(diff.nodes.length);
    expect(Array.from(layout.nodeIds)).toEqual(diff.nodes.map((n) => n.id));
    for (let i = 0; i < layout.count; i++) {
      const node = diff.nodes[layout.nodeIds[i]!]!;
      expect(layout.xPx[i]).toBe(node.depth * COLUMN_PX);
      const p = layout.parentIndex[i]!;
      expect(p).toBe(node.parent >= 0 ? layout.indexOfNode[node.parent] : -1);
    }
  });

  it('puts siblings at least a row apart, in their order, with the parent between its children', () => {
    const root = diff.nodes[diff.rootIds[0]!]!;
    const ys = root.childIds.map((id) => layout.yPx[layout.indexOfNode[id]!]!);
    for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(ROW_PX);
    const rootY = layout.yPx[layout.indexOfNode[root.id]!]!;
    expect(rootY).toBeGreaterThan(ys[0]!);
    expect(rootY).toBeLessThan(ys[ys.length - 1]!);
    expect(layout.maxYPx - layout.minYPx).toBeGreaterThan(0);
  });

  it('sizes nodes by the larger total time: the root is the biggest', () => {
    const rootIndex = layout.indexOfNode[diff.rootIds[0]!]!;
    expect(layout.radiusPx[rootIndex]).toBe(MAX_RADIUS_PX);
    const cache = layout.indexOfNode[idOf('GET')]!;
    expect(layout.radiusPx[cache]).toBeLessThan(layout.radiusPx[layout.indexOfNode[idOf('SELECT')]!]!);
  });

  it('hides folded subtrees and counts what is hidden under their node', () => {
    const folded = layoutDiffGraph(diff, foldUnchangedSubtrees(diff));
    expect(folded.count).toBe(diff.nodes.length - 1);
    expect(folded.indexOfNode[idOf('GET')]).toBe(-1);
    expect(folded.hiddenCount[folded.indexOfNode[idOf('/load')]!]).toBe(1);
    expect(folded.hiddenCount[folded.indexOfNode[idOf('/charge')]!]).toBe(0);
  });

  it('lays out several roots side by side in one tree', () => {
    const twoRoots = diffTraces(
      traceFromSpecs([
        { id: 'x', start: 0, duration: 100, service: 's', name: 'x' },
        { id: 'y', start: 200, duration: 100, service: 's', name: 'y' },
      ]),
      traceFromSpecs([{ id: 'x', start: 0, duration: 100, service: 's', name: 'x' }]),
    );
    const l = layoutDiffGraph(twoRoots, new Uint8Array(twoRoots.nodes.length));
    expect(l.count).toBe(2);
    expect(Array.from(l.xPx)).toEqual([0, 0]);
    expect(Array.from(l.parentIndex)).toEqual([-1, -1]);
    expect(Math.abs(l.yPx[1]! - l.yPx[0]!)).toBeGreaterThanOrEqual(ROW_PX);
  });

  it('handles a 20,000-deep chain and 20,000 unique siblings without overflowing the stack', () => {
    const chain: SpanSpec[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `c${i}`,
      parent: i === 0 ? null : `c${i - 1}`,
      start: i,
      duration: 40_000 - 2 * i,
      name: `op${i % 7}`,
    }));
    const deep = diffTraces(traceFromSpecs(chain), traceFromSpecs(chain.slice(0, 10_000)));
    const l = layoutDiffGraph(deep, new Uint8Array(deep.nodes.length));
    expect(l.count).toBe(20_000);
    expect(l.maxXPx).toBe(19_999 * COLUMN_PX);

    const wide: SpanSpec[] = [{ id: 'root', start: 0, duration: 1e6 }];
    for (let i = 0; i < 20_000; i++) wide.push({ id: `w${i}`, parent: 'root', start: i, duration: 10, name: `unique-${i}` });
    const flat = diffTraces(traceFromSpecs(wide), traceFromSpecs(wide.slice(0, 1)));
    const f = layoutDiffGraph(flat, new Uint8Array(flat.nodes.length));
    expect(f.count).toBe(20_001);
    expect(f.maxYPx - f.minYPx).toBe(19_999 * ROW_PX);
  });
});

describe('hit testing', () => {
  const layout = layoutDiffGraph(diff, new Uint8Array(diff.nodes.length));
  const at = (name: string) => layout.indexOfNode[idOf(name)]!;

  it('finds the node under a point, within its radius plus the slack', () => {
    const i = at('SELECT');
    expect(hitTestNode(layout, layout.xPx[i]!, layout.yPx[i]!, 0)).toBe(i);
    expect(hitTestNode(layout, layout.xPx[i]! + layout.radiusPx[i]! + 2, layout.yPx[i]!, 3)).toBe(i);
    expect(hitTestNode(layout, layout.xPx[i]! + layout.radiusPx[i]! + 5, layout.yPx[i]!, 3)).toBe(-1);
  });

  it('counts the label to the right of a node when labels are drawn', () => {
    const i = at('/charge');
    const x = layout.xPx[i]! + 100;
    expect(hitTestNode(layout, x, layout.yPx[i]! + 4, 2, 0)).toBe(-1);
    expect(hitTestNode(layout, x, layout.yPx[i]! + 4, 2, 150)).toBe(i);
    // Not to the left of the node.
    expect(hitTestNode(layout, layout.xPx[i]! - 30, layout.yPx[i]!, 2, 150)).not.toBe(i);
  });
});

describe('labels', () => {
  it('are "service: name"', () => {
    expect(graphLabel({ serviceName: 'payments', name: '/charge' })).toBe('payments: /charge');
  });

  it('are cut to the widest prefix that fits, with an ellipsis', () => {
    const width = (s: string) => s.length * 6;
    expect(truncateToWidth('payments: /charge', 200, width)).toBe('payments: /charge');
    expect(truncateToWidth('payments: /charge', 60, width)).toBe('payments:…');
    expect(truncateToWidth('payments: /charge', 59, width)).toBe('payments…');
    expect(width(truncateToWidth('payments: /charge', 61, width))).toBeLessThanOrEqual(61);
    expect(truncateToWidth('payments: /charge', 5, width)).toBe('');
  });
});

describe('fit', () => {
  it('fits the shown tree and its last labels into the view, never zooming in beyond 1.2', () => {
    const small = layoutDiffGraph(diff, new Uint8Array(diff.nodes.length));
    const t = fitGraphTransform(small, 2000, 2000);
    expect(t.k).toBe(1.2);
    const tight = fitGraphTransform(small, 300, 2000);
    expect(tight.k).toBeLessThan(1);
    // The left-most node lands inside the view, the right-most one leaves room for its label.
    expect(small.minXPx * tight.k + tight.x).toBeGreaterThan(0);
    expect(small.maxXPx * tight.k + tight.x).toBeLessThan(300 - 100 * tight.k);
  });
});

describe('first view', () => {
  const chainOf = (length: number): SpanSpec[] =>
    Array.from({ length }, (_, i) => ({ id: `n${i}`, parent: i === 0 ? null : `n${i - 1}`, start: i, duration: 1000 - i, name: `step ${i}` }));

  it('shows a small tree whole', () => {
    const small = layoutDiffGraph(diff, new Uint8Array(diff.nodes.length));
    expect(initialGraphTransform(small, 1400, 600)).toEqual(fitGraphTransform(small, 1400, 600));
  });

  it('fits a tree that needs a little less than the readable zoom, so no column starts cut off', () => {
    const ten = diffTraces(traceFromSpecs(chainOf(10)), traceFromSpecs(chainOf(10)));
    const layout = layoutDiffGraph(ten, new Uint8Array(ten.nodes.length));
    const fit = fitGraphTransform(layout, 1400, 600);
    expect(fit.k).toBeLessThan(START_MIN_K);
    expect(fit.k).toBeGreaterThanOrEqual(FIT_MIN_K);
    const t = initialGraphTransform(layout, 1400, 600);
    expect(t).toEqual(fit);
    // The deepest node and a label column after it are inside the canvas.
    expect(layout.maxXPx * t.k + t.x + (COLUMN_PX - 20) * t.k).toBeLessThanOrEqual(1400);
  });

  it('starts a deep but short tree readable, roots at the left edge, centred vertically', () => {
    const deep = diffTraces(traceFromSpecs(chainOf(20)), traceFromSpecs(chainOf(20)));
    const layout = layoutDiffGraph(deep, new Uint8Array(deep.nodes.length));
    expect(fitGraphTransform(layout, 1400, 600).k).toBeLessThan(START_MIN_K);
    const t = initialGraphTransform(layout, 1400, 600);
    expect(t.k).toBe(START_MIN_K);
    const rootX = layout.xPx[0]! * t.k + t.x;
    expect(rootX).toBeGreaterThan(10);
    expect(rootX).toBeLessThan(40);
    expect(layout.yPx[0]! * t.k + t.y).toBeCloseTo(300, 6);
  });

  it('starts a tree too tall for a readable zoom as a fitted overview', () => {
    const wide: SpanSpec[] = [{ id: 'root', start: 0, duration: 1e6 }];
    for (let i = 0; i < 500; i++) wide.push({ id: `w${i}`, parent: 'root', start: i, duration: 10, name: `unique-${i}` });
    const d = diffTraces(traceFromSpecs(wide), traceFromSpecs(wide));
    const layout = layoutDiffGraph(d, new Uint8Array(d.nodes.length));
    const t = initialGraphTransform(layout, 1400, 600);
    expect(t).toEqual(fitGraphTransform(layout, 1400, 600));
    expect(t.k).toBeLessThan(0.1);
  });
});
