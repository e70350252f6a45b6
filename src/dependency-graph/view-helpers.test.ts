import { describe, expect, it } from 'vitest';
import { drawGraph, edgeScreenWidth, type DrawState } from './draw-graph';
import { buildServiceGraph } from './graph-model';
import { buildScene, hitEdge, hitNode } from './graph-scene';
import { LIGHT_PALETTE, nodeRadii, toLayoutInput } from './graph-style';
import { placeLabels } from './label-placement';
import { layeredLayout } from './layered-layout';
import { DEFAULT_EDGE_SORT, formatEdgeSort, parseEdgeSort, sortEdges, type SortColumn } from './sort-edges';
import { parseLookback, resolveWindow, widerLookback, windowSpecFromParams, writeWindowParams } from './time-window';
import { canonicalFocusParams, depthChoices, describeDepth, focusFromParams, writeFocusParams } from './url-state';

describe('time window', () => {
  it('parses Jaeger-style lookbacks', () => {
    expect(parseLookback('1h')).toBe(3_600_000_000);
    expect(parseLookback('2d')).toBe(172_800_000_000);
    expect(parseLookback('1w')).toBe(604_800_000_000);
    expect(parseLookback('90m')).toBe(5_400_000_000);
    expect(parseLookback('0h')).toBeNull();
    expect(parseLookback('1x')).toBeNull();
    expect(parseLookback(null)).toBeNull();
  });

  it('prefers a valid start/end over lookback, else lookback, else one day', () => {
    expect(windowSpecFromParams(new URLSearchParams('start=100&end=200&lookback=1h'))).toEqual({ kind: 'absolute', startUs: 100, endUs: 200 });
    expect(windowSpecFromParams(new URLSearchParams('start=300&end=200&lookback=1h'))).toMatchObject({ kind: 'lookback', lookback: '1h' });
    expect(windowSpecFromParams(new URLSearchParams('lookback=bogus'))).toMatchObject({ kind: 'lookback', lookback: '1d' });
    const spec = windowSpecFromParams(new URLSearchParams('lookback=2h'));
    expect(resolveWindow(spec, 10_000_000_000)).toEqual({ startUs: 10_000_000_000 - 7_200_000_000, endUs: 10_000_000_000 });
  });

  it('writes one form of the window and removes the other', () => {
    const params = new URLSearchParams('lookback=1h&service=a');
    writeWindowParams(params, { kind: 'absolute', startUs: 1, endUs: 2 });
    expect(params.toString()).toBe('service=a&start=1&end=2');
    writeWindowParams(params, { kind: 'lookback', lookback: '7d', lookbackUs: 0 });
    expect(params.toString()).toBe('service=a&lookback=7d');
  });

  it('offers the next wider lookback, and none past 30 days', () => {
    expect(widerLookback(parseLookback('1h') ?? 0)).toBe('6h');
    expect(widerLookback(parseLookback('1d') ?? 0)).toBe('2d');
    expect(widerLookback(parseLookback('30d') ?? 0)).toBeNull();
  });
});

describe('focus URL state', () => {
  it('reads service, depth and direction with safe defaults', () => {
    expect(focusFromParams(new URLSearchParams('service=cart&depth=3&direction=upstream'))).toEqual({ service: 'cart', depth: 3, direction: 'upstream' });
    expect(focusFromParams(new URLSearchParams('service=cart&depth=-1&direction=sideways'))).toEqual({ service: 'cart', depth: 2, direction: 'both' });
    expect(focusFromParams(new URLSearchParams(''))).toMatchObject({ service: null });
  });

  it('round-trips and clears', () => {
    const params = new URLSearchParams('backend=jaeger');
    writeFocusParams(params, { service: 'cart', depth: 1, direction: 'downstream' });
    expect(params.toString()).toBe('backend=jaeger&service=cart&depth=1&direction=downstream');
    writeFocusParams(params, { service: null, depth: 1, direction: 'both' });
    expect(params.toString()).toBe('backend=jaeger');
  });

  it('rewrites a depth or direction the page does not use as it reads them, and leaves good URLs alone', () => {
    const canonical = (query: string) => canonicalFocusParams(new URLSearchParams(query))?.toString() ?? null;
    expect(canonical('backend=demo&service=a&depth=99&lookback=2d')).toBe('backend=demo&service=a&depth=50&lookback=2d');
    expect(canonical('service=a&depth=abc')).toBe('service=a&depth=2');
    expect(canonical('service=a&depth=-1')).toBe('service=a&depth=2');
    expect(canonical('service=a&depth=2.5')).toBe('service=a&depth=2');
    expect(canonical('service=a&depth=03')).toBe('service=a&depth=3');
    expect(canonical('service=a&depth=')).toBe('service=a&depth=2');
    expect(canonical('service=a&depth=3&direction=sideways')).toBe('service=a&depth=3');
    for (const good of ['service=a&depth=50', 'service=a&depth=0', 'service=a&depth=7&direction=upstream', 'service=a&direction=both', 'service=a', 'lookback=1h', '']) {
      expect(canonical(good)).toBeNull();
    }
  });

  it('offers the depth the URL asked for, so the Depth select shows the depth the graph uses', () => {
    for (const query of ['service=a&depth=7', 'service=a&depth=99', 'service=a&depth=3', 'service=a&depth=0', 'service=a']) {
      const { depth } = focusFromParams(new URLSearchParams(query));
      expect(depthChoices(depth)).toContain(depth);
    }
    expect(depthChoices(7).map(describeDepth)).toEqual(['1 hop', '2 hops', '3 hops', '4 hops', '5 hops', '7 hops', 'All hops']);
    expect(focusFromParams(new URLSearchParams('service=a&depth=99')).depth).toBe(50);
    expect(depthChoices(50).map(describeDepth)).toContain('50 hops');
    expect(depthChoices(2)).toEqual([1, 2, 3, 4, 5, 0]);
  });
});

describe('table sorting', () => {
  const graph = buildServiceGraph([
    { parent: 'b', child: 'c', callCount: 5, errorCount: 1, p95Us: 900 },
    { parent: 'a', child: 'b', callCount: 50, errorCount: 0 },
    { parent: 'a', child: 'c', callCount: 10, errorCount: 5, p95Us: 100 },
  ]);
  const pairs = (column: Parameters<typeof sortEdges>[1]['column'], descending: boolean) =>
    sortEdges(graph.edges, { column, descending }).map((e) => `${e.link.parent}>${e.link.child}`);

  it('sorts by calls, error rate and names', () => {
    expect(pairs('calls', true)).toEqual(['a>b', 'a>c', 'b>c']);
    expect(pairs('errorRate', true)).toEqual(['a>c', 'b>c', 'a>b']);
    expect(pairs('child', false)).toEqual(['a>b', 'a>c', 'b>c']);
  });

  it('puts unknown values last in both directions', () => {
    expect(pairs('p95', true)).toEqual(['b>c', 'a>c', 'a>b']);
    expect(pairs('p95', false)).toEqual(['a>c', 'b>c', 'a>b']);
  });
});

describe('label placement', () => {
  it('places labels in priority order and skips the ones that would overlap or lie off screen', () => {
    const placed = placeLabels(
      [
        { x: 10, y: 10, width: 80, height: 14 },
        { x: 50, y: 15, width: 80, height: 14 }, // overlaps the first
        { x: 10, y: 40, width: 80, height: 14 },
        { x: 900, y: 10, width: 80, height: 14 }, // off screen
      ],
      { width: 400, height: 300 },
      10,
    );
    expect(placed).toEqual([true, false, true, false]);
  });

  it('stops at the label budget', () => {
    const boxes = Array.from({ length: 10 }, (_, i) => ({ x: 0, y: i * 20, width: 50, height: 14 }));
    expect(placeLabels(boxes, { width: 100, height: 400 }, 3).filter(Boolean)).toHaveLength(3);
  });
});

describe('scene hit testing', () => {
  const graph = buildServiceGraph([{ parent: 'a', child: 'b', callCount: 1 }]);
  const radii = nodeRadii(graph);
  const layout = layeredLayout(toLayoutInput(graph, radii), { layerGapPx: 200, marginPx: 20 });
  const scene = buildScene(graph, layout, radii);

  it('finds nodes at their centres and the edge between them', () => {
    const y = layout.yPx[0] ?? 0;
    expect(hitNode(scene, 20, y, 2)).toBe(0);
    expect(hitNode(scene, 220, y, 2)).toBe(1);
    expect(hitNode(scene, 120, y, 2)).toBe(-1);
    expect(hitEdge(scene, 120, y + 3, 5)).toBe(0);
    expect(hitEdge(scene, 120, y + 30, 5)).toBe(-1);
  });

  it('keeps edges at least 1 px wide and caps them when zoomed in', () => {
    expect(edgeScreenWidth(7, 0.01)).toBeCloseTo(1.06);
    expect(edgeScreenWidth(1, 0.2)).toBe(1);
    expect(edgeScreenWidth(4, 1)).toBe(4);
    expect(edgeScreenWidth(4, 3)).toBe(6);
  });
});

describe('table order in the URL (sort=)', () => {
  it('round-trips every column and direction; the default writes nothing', () => {
    const columns: SortColumn[] = ['parent', 'child', 'calls', 'errors', 'errorRate', 'p50', 'p95'];
    for (const column of columns) {
      for (const descending of [true, false]) {
        const sort = { column, descending };
        const text = formatEdgeSort(sort);
        expect(parseEdgeSort(text)).toEqual(sort);
        expect(text === null).toBe(column === 'calls' && descending);
      }
    }
    expect(formatEdgeSort({ column: 'p95', descending: true })).toBe('-p95');
  });

  it('reads anything else as the default', () => {
    for (const text of [null, '', '-', 'speed', '-Parent', '--calls']) expect(parseEdgeSort(text)).toEqual(DEFAULT_EDGE_SORT);
  });
});

describe('graph labels while finding', () => {
  const graph = buildServiceGraph([
    { parent: 'gateway', child: 'cart', callCount: 30 },
    { parent: 'gateway', child: 'checkout', callCount: 20 },
    { parent: 'checkout', child: 'payments', callCount: 10 },
    { parent: 'cart', child: 'db', callCount: 5 },
  ]);
  const radii = nodeRadii(graph);
  const layout = layeredLayout(toLayoutInput(graph, radii), { layerGapPx: 200, marginPx: 20 });
  const scene = buildScene(graph, layout, radii);
  const index = (name: string) => graph.indexByName.get(name) ?? -1;

  /** Draws the scene at 1:1 on a stand-in 2D context and returns the labels it wrote. */
  function drawnLabels(found: ReadonlySet<number> | null): Map<string, { colour: string; font: string }> {
    const labels = new Map<string, { colour: string; font: string }>();
    const props: Record<string | symbol, unknown> = { canvas: { width: layout.widthPx + 200, height: layout.heightPx + 200 } };
    const ctx = new Proxy(props, {
      get: (target, key) => {
        if (key === 'fillText') return (text: string) => labels.set(text, { colour: String(target.fillStyle), font: String(target.font) });
        return key in target ? target[key] : () => undefined;
      },
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    }) as unknown as CanvasRenderingContext2D;
    const state: DrawState = {
      transform: { k: 1, x: 100, y: 100 },
      widthPx: layout.widthPx + 200,
      heightPx: layout.heightPx + 200,
      dpr: 1,
      palette: LIGHT_PALETTE,
      emphasisNodes: found,
      emphasisEdges: null,
      ringNodes: found ?? new Set(),
      activeEdge: -1,
      measureLabel: (name) => name.length * 7,
    };
    drawGraph(ctx, scene, state);
    return labels;
  }

  it('names every service when nothing is found', () => {
    const labels = drawnLabels(null);
    expect([...labels.keys()].sort()).toEqual(['cart', 'checkout', 'db', 'gateway', 'payments']);
    for (const { colour } of labels.values()) expect(colour).toBe(LIGHT_PALETTE.label);
  });

  it('keeps the faded services named, in the quieter colour, and the found one in full colour and semibold', () => {
    const labels = drawnLabels(new Set([index('checkout')]));
    expect([...labels.keys()].sort()).toEqual(['cart', 'checkout', 'db', 'gateway', 'payments']);
    expect(labels.get('checkout')).toMatchObject({ colour: LIGHT_PALETTE.label, font: expect.stringMatching(/^600 /) });
    for (const name of ['cart', 'db', 'gateway', 'payments']) {
      expect(labels.get(name)).toMatchObject({ colour: LIGHT_PALETTE.labelDim, font: expect.not.stringMatching(/^600 /) });
    }
  });
});
