import { describe, expect, it } from 'vitest';
import { buildServiceGraph } from './graph-model';
import { toLayoutInput } from './graph-style';
import {
  DEFAULT_LAYERED_OPTIONS,
  assignLayers,
  breakCycles,
  countCrossings,
  layeredLayout,
  orderLayers,
} from './layered-layout';
import { EdgeRole, type LayoutInput } from './layout-types';
import { generateDependencyLinks } from './testing/generate-links';

/** A layout input from "a>b" edge strings over single-letter nodes a, b, c … */
function input(edges: string[], nodeCount?: number): LayoutInput {
  const pairs = edges.map((e) => e.split('>').map((name) => name.charCodeAt(0) - 97) as [number, number]);
  const n = nodeCount ?? Math.max(0, ...pairs.flat()) + 1;
  return {
    nodeCount: n,
    edgeSource: Int32Array.from(pairs, (p) => p[0]),
    edgeTarget: Int32Array.from(pairs, (p) => p[1]),
    nodeRadiusPx: new Float64Array(n).fill(6),
  };
}

function roles(edges: string[]): string[] {
  const { edgeRole } = breakCycles(input(edges));
  return edges.map((e, i) => `${e}:${['fwd', 'back', 'self'][edgeRole[i] ?? 0]}`);
}

describe('breakCycles', () => {
  it('leaves a DAG alone', () => {
    expect(roles(['a>b', 'b>c', 'a>c'])).toEqual(['a>b:fwd', 'b>c:fwd', 'a>c:fwd']);
  });

  it('marks the edge that closes a cycle as a back edge, starting from the source', () => {
    // x enters the cycle b→c→d→b; DFS from a reaches b, c, d, then d→b closes the loop.
    expect(roles(['a>b', 'b>c', 'c>d', 'd>b'])).toEqual(['a>b:fwd', 'b>c:fwd', 'c>d:fwd', 'd>b:back']);
  });

  it('breaks a cycle with no source at all (every node has a caller)', () => {
    expect(roles(['a>b', 'b>c', 'c>a'])).toEqual(['a>b:fwd', 'b>c:fwd', 'c>a:back']);
  });

  it('marks both directions of a mutual call correctly: one forward, one back', () => {
    expect(roles(['a>b', 'b>a'])).toEqual(['a>b:fwd', 'b>a:back']);
  });

  it('keeps self loops out of the DAG', () => {
    expect(roles(['a>a', 'a>b'])).toEqual(['a>a:self', 'a>b:fwd']);
  });

  it('visits every node once in preorder, sources first', () => {
    const { preorder } = breakCycles(input(['b>c', 'c>b', 'a>b', 'd>d'], 4));
    // a is the only source (b, c have callers; d only calls itself, so it counts as a source too).
    expect([...preorder]).toEqual([0, 1, 2, 3]);
  });

  it('handles a 5,000-deep chain without overflowing the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => [i, i + 1] as const);
    const big: LayoutInput = {
      nodeCount: 5001,
      edgeSource: Int32Array.from(chain, (c) => c[0]),
      edgeTarget: Int32Array.from(chain, (c) => c[1]),
      nodeRadiusPx: new Float64Array(5001),
    };
    const { edgeRole } = breakCycles(big);
    expect(edgeRole.every((r) => r === EdgeRole.Forward)).toBe(true);
  });
});

describe('assignLayers', () => {
  it('puts every node at its longest path from a source', () => {
    // a→b→c→d and a shortcut a→d: d sits after c, not right after a.
    const layers = assignLayers(4, Int32Array.of(0, 1, 2, 0), Int32Array.of(1, 2, 3, 3));
    expect([...layers]).toEqual([0, 1, 2, 3]);
  });

  it('pulls a lone source right, next to its nearest callee', () => {
    // a→b→c→d; e only calls d: e moves to layer 2 instead of 0.
    const layers = assignLayers(5, Int32Array.of(0, 1, 2, 4), Int32Array.of(1, 2, 3, 3));
    expect([...layers]).toEqual([0, 1, 2, 3, 2]);
  });

  it('gives every DAG edge a strictly increasing layer on a generated graph', () => {
    const graph = buildServiceGraph(generateDependencyLinks({ services: 300, edges: 900, seed: 7 }));
    const layoutInput = toLayoutInput(graph);
    const { edgeRole } = breakCycles(layoutInput);
    const from: number[] = [];
    const to: number[] = [];
    edgeRole.forEach((role, e) => {
      if (role === EdgeRole.SelfLoop) return;
      const s = layoutInput.edgeSource[e] ?? 0;
      const t = layoutInput.edgeTarget[e] ?? 0;
      from.push(role === EdgeRole.Back ? t : s);
      to.push(role === EdgeRole.Back ? s : t);
    });
    const layers = assignLayers(graph.nodes.length, Int32Array.from(from), Int32Array.from(to));
    from.forEach((f, k) => expect(layers[f]).toBeLessThan(layers[to[k] ?? 0] ?? 0));
    expect(edgeRole.some((r) => r === EdgeRole.Back)).toBe(true);
  });

  it('refuses a cyclic edge list', () => {
    expect(() => assignLayers(2, Int32Array.of(0, 1), Int32Array.of(1, 0))).toThrow(/cycle/);
  });
});

describe('orderLayers', () => {
  it('untangles a crossing that the preorder starts with', () => {
    // Layer 0: a, b. Layer 1: c, d. Preorder visits a, d, b, c so d comes before c: a→c and b→d cross.
    const from = Int32Array.of(0, 1, 0);
    const to = Int32Array.of(2, 3, 3);
    const layer = Int32Array.of(0, 0, 1, 1);
    const preorder = Int32Array.of(0, 3, 1, 2);
    const start = orderLayers(layer, preorder, from, to, 0);
    expect(countCrossings(start, from, to, layer)).toBe(1);
    const ordered = orderLayers(layer, preorder, from, to, 2);
    expect(countCrossings(ordered, from, to, layer)).toBe(0);
    expect(ordered).toEqual([[0, 1], [2, 3]]);
  });

  it('never returns more crossings than it started with, and keeps every node once', () => {
    const graph = buildServiceGraph(generateDependencyLinks({ services: 200, edges: 600, seed: 3 }));
    const layoutInput = toLayoutInput(graph);
    const { edgeRole, preorder } = breakCycles(layoutInput);
    const keep = [...edgeRole.keys()].filter((e) => edgeRole[e] === EdgeRole.Forward);
    const from = Int32Array.from(keep, (e) => layoutInput.edgeSource[e] ?? 0);
    const to = Int32Array.from(keep, (e) => layoutInput.edgeTarget[e] ?? 0);
    const layer = assignLayers(graph.nodes.length, from, to);
    const before = countCrossings(orderLayers(layer, preorder, from, to, 0), from, to, layer);
    const afterOrder = orderLayers(layer, preorder, from, to, 4);
    const after = countCrossings(afterOrder, from, to, layer);
    expect(after).toBeLessThan(before);
    expect(afterOrder.flat().sort((a, b) => a - b)).toEqual([...graph.nodes.keys()]);
    afterOrder.forEach((nodes, l) => nodes.forEach((v) => expect(layer[v]).toBe(l)));
  });
});

describe('layeredLayout', () => {
  it('places layers left to right with the configured gaps', () => {
    const layout = layeredLayout(input(['a>b', 'b>c']), { layerGapPx: 100, marginPx: 10 });
    expect([...layout.xPx]).toEqual([10, 110, 210]);
    expect(layout.widthPx).toBe(220); // last column + margin
    // One node per layer: all on the vertical centre line.
    expect(new Set(layout.yPx).size).toBe(1);
    expect([...layout.layer]).toEqual([0, 1, 2]);
  });

  it('stacks nodes of one layer a row gap apart, centred', () => {
    const layout = layeredLayout(input(['a>b', 'a>c', 'a>d']), { rowGapPx: 30, marginPx: 20 });
    const ys = [1, 2, 3].map((v) => layout.yPx[v] ?? 0).sort((p, q) => p - q);
    expect(ys).toEqual([20, 50, 80]);
    expect(layout.yPx[0]).toBe(50);
    expect(layout.heightPx).toBe(100);
  });

  it('reports the edges it reversed and the self loops', () => {
    const layout = layeredLayout(input(['a>b', 'b>a', 'b>b']));
    expect([...layout.edgeRole]).toEqual([EdgeRole.Forward, EdgeRole.Back, EdgeRole.SelfLoop]);
    // The back edge b→a is drawn right-to-left: its source lies right of its target.
    expect(layout.xPx[1]).toBeGreaterThan(layout.xPx[0] ?? 0);
  });

  it('staggers a layer taller than maxRowsPerLayer over sub-columns', () => {
    const edges = Array.from({ length: 10 }, (_, i) => `a>${String.fromCharCode(98 + i)}`);
    const layout = layeredLayout(input(edges), { maxRowsPerLayer: 4, rowGapPx: 10, subColumnGapPx: 50, layerGapPx: 200 });
    const xs = new Set([...layout.xPx].slice(1));
    expect(xs.size).toBe(3); // ceil(10 / 4) sub-columns
    const rows = new Set([...layout.yPx].slice(1));
    expect(rows.size).toBe(4); // ceil(10 / 3) rows
  });

  it('keeps every coordinate of a 1,200-service graph inside the bounds, with no two nodes on one spot', () => {
    const graph = buildServiceGraph(generateDependencyLinks({ services: 1200, edges: 4000, seed: 11 }));
    const layout = layeredLayout(toLayoutInput(graph));
    expect(graph.nodes.length).toBeGreaterThan(1150);
    expect(graph.edges.length).toBe(4000);
    const m = DEFAULT_LAYERED_OPTIONS.marginPx;
    const spots = new Set<string>();
    for (let v = 0; v < graph.nodes.length; v++) {
      const x = layout.xPx[v] ?? NaN;
      const y = layout.yPx[v] ?? NaN;
      expect(x).toBeGreaterThanOrEqual(m);
      expect(x).toBeLessThanOrEqual(layout.widthPx - m);
      expect(y).toBeGreaterThanOrEqual(m);
      expect(y).toBeLessThanOrEqual(layout.heightPx - m);
      spots.add(`${x},${y}`);
    }
    expect(spots.size).toBe(graph.nodes.length);
    // Forward edges go strictly right, back edges strictly left.
    graph.edges.forEach((edge, e) => {
      const dx = (layout.xPx[edge.target] ?? 0) - (layout.xPx[edge.source] ?? 0);
      if (layout.edgeRole[e] === EdgeRole.Forward) expect(dx).toBeGreaterThan(0);
      if (layout.edgeRole[e] === EdgeRole.Back) expect(dx).toBeLessThan(0);
    });
  });

  it('lays out an empty graph', () => {
    const layout = layeredLayout(input([], 0));
    expect(layout.xPx.length).toBe(0);
    expect(layout.widthPx).toBeGreaterThan(0);
  });
});
