// "Show me checkout and what is within N hops of it": the focus view of the dependency page.
// Upstream follows edges backwards (who calls me, who calls them …), downstream follows them
// forwards. "both" is the union of the two walks, not an undirected walk: an undirected walk
// would pull in siblings (other callees of my callers), which are not dependencies of the focus.
import type { ServiceGraph } from './graph-model';

export type FocusDirection = 'both' | 'upstream' | 'downstream';

export interface FocusOptions {
  /** Node index of the focused service. */
  focus: number;
  /** Maximum number of hops; 0 or less means unlimited. */
  depth: number;
  direction: FocusDirection;
}

export interface Adjacency {
  /** Outgoing neighbours per node (targets), and incoming neighbours per node (sources). */
  out: number[][];
  in: number[][];
}

export function buildAdjacency(nodeCount: number, edges: readonly { source: number; target: number }[]): Adjacency {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const incoming: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const edge of edges) {
    out[edge.source]?.push(edge.target);
    incoming[edge.target]?.push(edge.source);
  }
  return { out, in: incoming };
}

/** Breadth-first walk from `start` along `next`, at most `maxHops` hops; returns hop distance per reached node. */
function walk(start: number, next: number[][], maxHops: number): Map<number, number> {
  const hops = new Map<number, number>([[start, 0]]);
  let frontier = [start];
  let hop = 0;
  while (frontier.length > 0 && (maxHops <= 0 || hop < maxHops)) {
    hop++;
    const following: number[] = [];
    for (const node of frontier) {
      for (const neighbour of next[node] ?? []) {
        if (!hops.has(neighbour)) {
          hops.set(neighbour, hop);
          following.push(neighbour);
        }
      }
    }
    frontier = following;
  }
  return hops;
}

/** The node indices within `depth` hops of the focus in the chosen direction (the focus included). */
export function focusNodeSet(graph: ServiceGraph, options: FocusOptions, adjacency?: Adjacency): Set<number> {
  if (options.focus < 0 || options.focus >= graph.nodes.length) return new Set();
  const adj = adjacency ?? buildAdjacency(graph.nodes.length, graph.edges);
  const keep = new Set<number>([options.focus]);
  if (options.direction !== 'upstream') for (const n of walk(options.focus, adj.out, options.depth).keys()) keep.add(n);
  if (options.direction !== 'downstream') for (const n of walk(options.focus, adj.in, options.depth).keys()) keep.add(n);
  return keep;
}

/** The direct neighbours of a node (callers and callees), for hover highlighting. */
export function neighbourSet(adjacency: Adjacency, node: number): Set<number> {
  const set = new Set<number>([node]);
  for (const n of adjacency.out[node] ?? []) set.add(n);
  for (const n of adjacency.in[node] ?? []) set.add(n);
  return set;
}
