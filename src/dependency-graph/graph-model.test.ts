import { describe, expect, it } from 'vitest';
import type { DependencyLink } from '../model/types';
import { buildServiceGraph, edgeErrorRate, edgeTraceCountText, nodeCalls } from './graph-model';
import { edgeColourLegend, edgeWidths, errorBand, nodeRadii, MAX_EDGE_WIDTH_PX, MIN_NODE_RADIUS_PX, MAX_NODE_RADIUS_PX } from './graph-style';

describe('buildServiceGraph', () => {
  it('numbers services by name and sums calls per node', () => {
    const graph = buildServiceGraph([
      { parent: 'web', child: 'api', callCount: 10, errorCount: 1 },
      { parent: 'api', child: 'db', callCount: 30, errorCount: 0 },
    ]);
    expect(graph.nodes.map((n) => n.name)).toEqual(['api', 'db', 'web']);
    const api = graph.nodes[graph.indexByName.get('api') ?? -1];
    expect(api).toMatchObject({ callsIn: 10, callsOut: 30, errorsIn: 1 });
    expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });

  it('merges duplicate links without touching the input', () => {
    const input: DependencyLink[] = [
      { parent: 'a', child: 'b', callCount: 2, errorCount: 1, p95Us: 100, traceIds: ['t1'] },
      { parent: 'a', child: 'b', callCount: 3, p95Us: 300, traceIds: ['t1', 't2'] },
    ];
    const frozen = JSON.stringify(input);
    const graph = buildServiceGraph(input);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]?.link).toEqual({ parent: 'a', child: 'b', callCount: 5, errorCount: 1, p95Us: 300, traceIds: ['t1', 't2'] });
    expect(JSON.stringify(input)).toBe(frozen);
  });

  it('sizes entry services by what they send', () => {
    const graph = buildServiceGraph([{ parent: 'web', child: 'api', callCount: 7 }]);
    expect(graph.nodes.map(nodeCalls)).toEqual([7, 7]);
  });
});

describe('styles', () => {
  it('computes error rates and bands', () => {
    expect(edgeErrorRate({ parent: 'a', child: 'b', callCount: 200, errorCount: 3 })).toBeCloseTo(0.015);
    expect(edgeErrorRate({ parent: 'a', child: 'b', callCount: 200 })).toBeNull();
    expect([null, 0, 0.005, 0.01, 0.02, 0.5].map(errorBand)).toEqual([-1, 0, 1, 1, 2, 3]);
  });

  it('scales node radius and edge width by calls (square root), within limits', () => {
    const graph = buildServiceGraph([
      { parent: 'a', child: 'b', callCount: 100 },
      { parent: 'a', child: 'c', callCount: 25 },
    ]);
    const radii = nodeRadii(graph);
    expect(radii[0]).toBe(MAX_NODE_RADIUS_PX); // a sends 125
    expect(radii[1]).toBeGreaterThan(MIN_NODE_RADIUS_PX);
    const widths = edgeWidths(graph);
    expect(widths[0]).toBe(MAX_EDGE_WIDTH_PX);
    // sqrt(25/100) = 0.5 of the range above the minimum.
    expect(widths[1]).toBeCloseTo(1 + (MAX_EDGE_WIDTH_PX - 1) * 0.5);
  });
});

describe('edgeTraceCountText', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, k) => `t${k}`);
  it('shows a capped list of trace IDs as a lower bound', () => {
    expect(edgeTraceCountText({ parent: 'a', child: 'b', callCount: 500, traceIds: ids(100), traceIdsTruncated: true })).toBe('100+ traces');
    expect(edgeTraceCountText({ parent: 'a', child: 'b', callCount: 100, traceIds: ids(100) })).toBe('100 traces');
    expect(edgeTraceCountText({ parent: 'a', child: 'b', callCount: 3, traceIds: ids(1) })).toBe('1 trace');
  });

  it('keeps the cap when duplicate links are merged', () => {
    const graph = buildServiceGraph([
      { parent: 'a', child: 'b', callCount: 1, traceIds: ['t1'] },
      { parent: 'a', child: 'b', callCount: 1, traceIds: ['t2'], traceIdsTruncated: true },
    ]);
    expect(graph.edges[0]?.link.traceIdsTruncated).toBe(true);
  });
});

describe('edgeColourLegend', () => {
  const edges = (links: DependencyLink[]) => buildServiceGraph(links).edges;
  it('does not call edges "no errors" when the source has no error data (Jaeger /api/dependencies)', () => {
    const legend = edgeColourLegend(edges([{ parent: 'a', child: 'b', callCount: 3 }]));
    expect(legend.bands).toEqual([]);
    expect(legend.title).toMatch(/no error data/);
  });

  it('shows the error-rate bands when errors are counted, and says which edges are not', () => {
    const counted = edgeColourLegend(edges([{ parent: 'a', child: 'b', callCount: 3, errorCount: 0 }]));
    expect(counted.title).toBe('Edge colour: error rate');
    expect(counted.bands.map((b) => b.label)).toEqual(['no errors', 'under 1 %', '1–5 %', 'over 5 %']);
    const mixed = edgeColourLegend(
      edges([
        { parent: 'a', child: 'b', callCount: 3, errorCount: 1 },
        { parent: 'b', child: 'c', callCount: 3 },
      ]),
    );
    expect(mixed.bands[0]?.label).toBe('no errors, or not reported');
  });
});
