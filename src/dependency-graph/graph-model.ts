// The dependency graph as the layouts and the drawing read it: services are numbered nodes, links
// between them are numbered edges. Built once per set of links; nothing here is mutated afterwards.
import { countOf, formatCount } from '../lib/count-format';
import type { DependencyLink } from '../model/types';

export interface GraphNode {
  index: number;
  name: string;
  /** Calls this service received (sum over incoming edges). */
  callsIn: number;
  /** Calls this service made (sum over outgoing edges). */
  callsOut: number;
  /** Failed calls this service received. */
  errorsIn: number;
}

export interface GraphEdge {
  index: number;
  source: number;
  target: number;
  /** The link as the backend sent it (duplicates merged); kept for the table and the edge panel. */
  link: DependencyLink;
}

export interface ServiceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Node index by service name. */
  indexByName: Map<string, number>;
}

/** Error rate of an edge, 0..1, or null when the backend does not report errors. */
export function edgeErrorRate(link: DependencyLink): number | null {
  if (link.errorCount === undefined) return null;
  if (link.callCount <= 0) return link.errorCount > 0 ? 1 : 0;
  return Math.min(1, link.errorCount / link.callCount);
}

/**
 * "N traces" for an edge's example trace IDs; "N+ traces" when the list was capped and more
 * traces contain the call (a capped count shown as exact reads as "exactly 100").
 */
export function edgeTraceCountText(link: DependencyLink): string {
  const count = link.traceIds?.length ?? 0;
  return link.traceIdsTruncated ? `${formatCount(count)}+ traces` : countOf(count, 'trace');
}

/** The calls that size a node: what it served, or for entry services (nothing incoming) what it sent. */
export function nodeCalls(node: GraphNode): number {
  return Math.max(node.callsIn, node.callsOut);
}

function mergeLinks(a: DependencyLink, b: DependencyLink): DependencyLink {
  const merged: DependencyLink = { parent: a.parent, child: a.child, callCount: a.callCount + b.callCount };
  if (a.errorCount !== undefined || b.errorCount !== undefined) {
    merged.errorCount = (a.errorCount ?? 0) + (b.errorCount ?? 0);
  }
  // Percentiles cannot be combined exactly; the larger one is the honest upper bound.
  const p50 = Math.max(a.p50Us ?? -1, b.p50Us ?? -1);
  if (p50 >= 0) merged.p50Us = p50;
  const p95 = Math.max(a.p95Us ?? -1, b.p95Us ?? -1);
  if (p95 >= 0) merged.p95Us = p95;
  if (a.traceIds || b.traceIds) merged.traceIds = [...new Set([...(a.traceIds ?? []), ...(b.traceIds ?? [])])];
  if (a.traceIdsTruncated || b.traceIdsTruncated) merged.traceIdsTruncated = true;
  return merged;
}

/**
 * Numbers the services (sorted by name, so the same links always give the same graph) and merges
 * duplicate parent→child links by summing their counts. The input array and its links are not changed.
 */
export function buildServiceGraph(links: readonly DependencyLink[]): ServiceGraph {
  const byPair = new Map<string, DependencyLink>();
  const names = new Set<string>();
  for (const link of links) {
    names.add(link.parent);
    names.add(link.child);
    const key = `${link.parent}\u0000${link.child}`;
    const seen = byPair.get(key);
    byPair.set(key, seen ? mergeLinks(seen, link) : link);
  }
  const sortedNames = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexByName = new Map<string, number>();
  const nodes: GraphNode[] = sortedNames.map((name, index) => {
    indexByName.set(name, index);
    return { index, name, callsIn: 0, callsOut: 0, errorsIn: 0 };
  });
  const edges: GraphEdge[] = [];
  for (const link of byPair.values()) {
    const source = indexByName.get(link.parent) ?? 0;
    const target = indexByName.get(link.child) ?? 0;
    edges.push({ index: edges.length, source, target, link });
    const from = nodes[source];
    const to = nodes[target];
    if (from) from.callsOut += link.callCount;
    if (to) {
      to.callsIn += link.callCount;
      to.errorsIn += link.errorCount ?? 0;
    }
  }
  return { nodes, edges, indexByName };
}

/** The part of a graph made of the given nodes and the edges between them, renumbered. */
export function inducedSubgraph(graph: ServiceGraph, keep: ReadonlySet<number>): ServiceGraph {
  if (keep.size === graph.nodes.length) return graph;
  const links = graph.edges
    .filter((edge) => keep.has(edge.source) && keep.has(edge.target))
    .map((edge) => edge.link);
  const sub = buildServiceGraph(links);
  // A focused service without any edge in range still deserves a node.
  for (const index of keep) {
    const node = graph.nodes[index];
    if (node && !sub.indexByName.has(node.name)) {
      const added: GraphNode = { index: sub.nodes.length, name: node.name, callsIn: 0, callsOut: 0, errorsIn: 0 };
      sub.nodes.push(added);
      sub.indexByName.set(node.name, added.index);
    }
  }
  return sub;
}
