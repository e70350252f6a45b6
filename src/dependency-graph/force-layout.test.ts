import { describe, expect, it } from 'vitest';
import { forceLayout } from './force-layout';
import { buildServiceGraph } from './graph-model';
import { toLayoutInput } from './graph-style';
import { EdgeRole } from './layout-types';
import { generateDependencyLinks } from './testing/generate-links';

describe('forceLayout', () => {
  const graph = buildServiceGraph(generateDependencyLinks({ services: 150, edges: 400, seed: 5 }));
  const layoutInput = toLayoutInput(graph);

  it('keeps all nodes inside the bounds, margin included', () => {
    const layout = forceLayout(layoutInput, { marginPx: 30 });
    for (let v = 0; v < layoutInput.nodeCount; v++) {
      const r = layoutInput.nodeRadiusPx[v] ?? 0;
      expect(layout.xPx[v]).toBeGreaterThanOrEqual(30 + r - 1e-9);
      expect(layout.xPx[v]).toBeLessThanOrEqual(layout.widthPx - 30 - r + 1e-9);
      expect(layout.yPx[v]).toBeGreaterThanOrEqual(30 + r - 1e-9);
      expect(layout.yPx[v]).toBeLessThanOrEqual(layout.heightPx - 30 - r + 1e-9);
    }
  });

  it('is deterministic and separates nodes', () => {
    const a = forceLayout(layoutInput, { ticks: 120 });
    const b = forceLayout(layoutInput, { ticks: 120 });
    expect([...a.xPx]).toEqual([...b.xPx]);
    let overlapping = 0;
    for (let i = 0; i < layoutInput.nodeCount; i++) {
      for (let j = i + 1; j < layoutInput.nodeCount; j++) {
        const d = Math.hypot((a.xPx[i] ?? 0) - (a.xPx[j] ?? 0), (a.yPx[i] ?? 0) - (a.yPx[j] ?? 0));
        if (d < 4) overlapping++;
      }
    }
    expect(overlapping).toBe(0);
  });

  it('marks self loops only', () => {
    const layout = forceLayout({
      nodeCount: 2,
      edgeSource: Int32Array.of(0, 1, 1),
      edgeTarget: Int32Array.of(1, 1, 0),
      nodeRadiusPx: Float64Array.of(5, 5),
    });
    expect([...layout.edgeRole]).toEqual([EdgeRole.Forward, EdgeRole.SelfLoop, EdgeRole.Forward]);
  });
});
