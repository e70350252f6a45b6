// A force-directed layout with d3-force, run for a fixed number of ticks with no timer, so it is
// deterministic (d3-force seeds its own random source) and finishes in bounded time in the worker.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import { EdgeRole, type GraphLayout, type LayoutInput } from './layout-types';

export interface ForceOptions {
  ticks: number;
  linkDistancePx: number;
  chargeStrength: number;
  marginPx: number;
}

/**
 * Fewer ticks for big graphs: a tick of 1,200 nodes costs ~8 ms (many-body) + ~7 ms (collision)
 * on a slow core, and the page must be drawn within 2 s. The cooling rate is set so the
 * simulation still anneals fully in the ticks it gets.
 */
export function defaultForceTicks(nodeCount: number): number {
  return nodeCount > 600 ? 70 : nodeCount > 200 ? 160 : 300;
}

/** Big graphs resolve overlaps only in these last ticks, where it matters. */
const COLLIDE_TICKS_LARGE = 10;

interface ForceNode extends SimulationNodeDatum {
  index: number;
}

export function forceLayout(input: LayoutInput, overrides: Partial<ForceOptions> = {}): GraphLayout {
  const started = performance.now();
  const n = input.nodeCount;
  const options: ForceOptions = {
    ticks: defaultForceTicks(n),
    linkDistancePx: 70,
    chargeStrength: -220,
    marginPx: 40,
    ...overrides,
  };
  const edgeRole = new Uint8Array(input.edgeSource.length);
  const nodes: ForceNode[] = Array.from({ length: n }, (_, index) => ({ index }));
  const links: { source: number; target: number }[] = [];
  for (let e = 0; e < input.edgeSource.length; e++) {
    const source = input.edgeSource[e] ?? 0;
    const target = input.edgeTarget[e] ?? 0;
    if (source === target) edgeRole[e] = EdgeRole.SelfLoop;
    else links.push({ source, target });
  }
  const radius = (node: ForceNode) => input.nodeRadiusPx[node.index] ?? 6;
  const large = n > 600;
  const collide = forceCollide<ForceNode>((node) => radius(node) + 10);
  const simulation = forceSimulation(nodes)
    .alphaDecay(1 - Math.pow(0.001, 1 / Math.max(1, options.ticks)))
    .force('link', forceLink<ForceNode, { source: number; target: number }>(links).distance(options.linkDistancePx))
    .force('charge', forceManyBody<ForceNode>().strength(options.chargeStrength).distanceMax(900))
    .force('collide', large ? null : collide)
    // Weak pulls to the centre keep disconnected services from drifting off to infinity.
    .force('x', forceX<ForceNode>(0).strength(0.04))
    .force('y', forceY<ForceNode>(0).strength(0.04))
    .stop();
  const collideTicks = large ? Math.min(COLLIDE_TICKS_LARGE, options.ticks) : 0;
  simulation.tick(options.ticks - collideTicks);
  if (collideTicks > 0) {
    simulation.force('collide', collide);
    simulation.tick(collideTicks);
  }

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const r = radius(node);
    minX = Math.min(minX, (node.x ?? 0) - r);
    minY = Math.min(minY, (node.y ?? 0) - r);
    maxX = Math.max(maxX, (node.x ?? 0) + r);
    maxY = Math.max(maxY, (node.y ?? 0) + r);
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const xPx = new Float64Array(n);
  const yPx = new Float64Array(n);
  for (const node of nodes) {
    xPx[node.index] = (node.x ?? 0) - minX + options.marginPx;
    yPx[node.index] = (node.y ?? 0) - minY + options.marginPx;
  }
  return {
    kind: 'force',
    xPx,
    yPx,
    widthPx: maxX - minX + 2 * options.marginPx,
    heightPx: maxY - minY + 2 * options.marginPx,
    edgeRole,
    layer: new Int32Array(n),
    elapsedMs: performance.now() - started,
  };
}
