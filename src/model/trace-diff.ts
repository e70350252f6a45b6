// Trace diff: "why was B slower (or faster) than A?"
//
// Both traces are folded into one union tree whose nodes are ancestral paths of
// (service, span name): a span belongs to the node of its parent's node + its own service and
// name. Repeated siblings with the same service and name (retries, fan-out) therefore land in
// one node and are compared as a group, whatever their order or number, and their children are
// merged the same way. Every node carries per-side totals (span count, summed duration, self
// time, critical-path time, errors) from which the deltas (B − A) follow.
//
// Cost: one Map lookup per span with an interned key (parent node id + service + name), so the
// diff is linear in the number of spans; only the children of each node are sorted for display.

import { computeCriticalPath, criticalPathTimePerSpan } from './critical-path';
import { computeSelfTimes } from './self-time';
import { SpanFlag, type Trace } from './types';

export type DiffStatus = 'matched' | 'added' | 'removed';

/** One side's aggregate of the spans in a node. Times in µs. */
export interface DiffSide {
  /** Spans of this trace in the node (0 when the node is absent from this trace). */
  count: number;
  /** Sum of the spans' durations. */
  totalUs: number;
  /** Sum of the spans' self times (duration not covered by children). */
  selfUs: number;
  /** Time these spans spend on their trace's critical path. */
  criticalUs: number;
  errorCount: number;
  /** Earliest start / latest end, µs from the start of this trace; NaN when count is 0. */
  startUs: number;
  endUs: number;
  /** Index into trace.spans of the group's first span (DFS order); -1 when count is 0. */
  firstSpanIndex: number;
}

export interface DiffNode {
  /** Position in TraceDiff.nodes (DFS order of the union tree). */
  id: number;
  /** Parent node id, or -1 for a root. */
  parent: number;
  /** 0 for roots. */
  depth: number;
  /** One past the last node of this node's subtree (the subtree is contiguous). */
  subtreeEnd: number;
  childIds: number[];
  serviceName: string;
  name: string;
  status: DiffStatus;
  a: DiffSide;
  b: DiffSide;
}

export interface DiffContributor {
  nodeId: number;
  /** B − A of the measure the list is about (self time, critical-path time, errors). */
  deltaUs: number;
  aUs: number;
  bUs: number;
}

export interface DiffSummary {
  durationAUs: number;
  durationBUs: number;
  /** durationB − durationA. */
  deltaUs: number;
  /** Node of each trace's first root span (-1 for an empty trace) and that span's duration. */
  rootNodeIdA: number;
  rootNodeIdB: number;
  rootDurationAUs: number;
  rootDurationBUs: number;
  /** A and B have the same trace ID: every difference is zero (or clock noise). */
  sameTraceId: boolean;
  /**
   * The first root spans differ in service or operation (unrelated requests): matching spans by
   * path then pairs little, and the summary may mean nothing. null when they agree or a side is empty.
   */
  rootMismatch: { a: { serviceName: string; name: string }; b: { serviceName: string; name: string } } | null;
  spanCountA: number;
  spanCountB: number;
  errorCountA: number;
  errorCountB: number;
  matchedNodeCount: number;
  addedNodeCount: number;
  removedNodeCount: number;
  /** Nodes counted by `isNodeChanged`. */
  changedNodeCount: number;
  /** Deltas smaller than this are noise for the summary and the "changed" filter. */
  thresholdUs: number;
  /**
   * The few nodes whose self-time change explains most of the duration delta (same sign as the
   * delta, largest first). When the durations are equal within the threshold: the largest
   * self-time changes of either sign.
   */
  selfTimeContributors: DiffContributor[];
  /** Largest changes of critical-path time per node (either sign), largest first. */
  criticalPathChanges: DiffContributor[];
  /** Nodes whose error count changed (`deltaUs`, `aUs`, `bUs` hold error counts here). */
  errorChanges: DiffContributor[];
}

export interface TraceDiff {
  /** The union tree in DFS order: roots and children ordered by start. */
  nodes: DiffNode[];
  rootIds: number[];
  /** Node id of every span of A / B, indexed like trace.spans. */
  nodeOfSpanA: Int32Array;
  nodeOfSpanB: Int32Array;
  summary: DiffSummary;
}

export interface DiffOptions {
  /** How many contributors each summary list holds at most. Default 3. */
  maxContributors?: number;
}

const MAX_CONTRIBUTORS = 3;
/** A node's change is noise below this fraction of the longer trace's duration. */
const THRESHOLD_FRACTION = 0.01;

function emptySide(): DiffSide {
  return {
    count: 0,
    totalUs: 0,
    selfUs: 0,
    criticalUs: 0,
    errorCount: 0,
    startUs: Number.NaN,
    endUs: Number.NaN,
    firstSpanIndex: -1,
  };
}

interface Building {
  parent: number;
  serviceName: string;
  name: string;
  a: DiffSide;
  b: DiffSide;
  children: number[];
}

/** Adds every span of `trace` to the union tree; returns the node of each span. */
function foldTrace(trace: Trace, side: 'a' | 'b', keys: Map<string, number>, building: Building[]): Int32Array {
  const n = trace.spans.length;
  const nodeOfSpan = new Int32Array(n);
  const { startUs, durationUs, parent, flags } = trace.columns;
  const selfUs = computeSelfTimes(trace);
  const criticalUs = criticalPathTimePerSpan(trace, computeCriticalPath(trace));
  // DFS order: a parent always comes before its children, so its node is known.
  for (let i = 0; i < n; i++) {
    const span = trace.spans[i]!;
    const p = parent[i]!;
    const parentNode = p < 0 ? -1 : nodeOfSpan[p]!;
    const key = `${parentNode}\u0000${span.serviceName}\u0000${span.name}`;
    let nodeIndex = keys.get(key);
    if (nodeIndex === undefined) {
      nodeIndex = building.length;
      keys.set(key, nodeIndex);
      building.push({ parent: parentNode, serviceName: span.serviceName, name: span.name, a: emptySide(), b: emptySide(), children: [] });
      if (parentNode >= 0) building[parentNode]!.children.push(nodeIndex);
    }
    nodeOfSpan[i] = nodeIndex;
    const s = building[nodeIndex]![side];
    const start = startUs[i]!;
    const end = start + durationUs[i]!;
    if (s.count === 0) {
      s.firstSpanIndex = i;
      s.startUs = start;
      s.endUs = end;
    } else {
      if (start < s.startUs) s.startUs = start;
      if (end > s.endUs) s.endUs = end;
    }
    s.count++;
    s.totalUs += durationUs[i]!;
    s.selfUs += selfUs[i]!;
    s.criticalUs += criticalUs[i]!;
    if ((flags[i]! & SpanFlag.Error) !== 0) s.errorCount++;
  }
  return nodeOfSpan;
}

function statusOf(node: Building): DiffStatus {
  if (node.a.count === 0) return 'added';
  if (node.b.count === 0) return 'removed';
  return 'matched';
}

/** Compares trace A (the baseline) with trace B. Neither trace is modified. */
export function diffTraces(traceA: Trace, traceB: Trace, options: DiffOptions = {}): TraceDiff {
  const steps = diffTraceSteps(traceA, traceB, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * diffTraces in three steps of similar cost (fold A, fold B, the rest), so that a page can run
 * each in a task of its own: at 10k spans a side the whole diff is a ~100 ms task.
 */
export function* diffTraceSteps(traceA: Trace, traceB: Trace, options: DiffOptions = {}): Generator<void, TraceDiff, void> {
  const keys = new Map<string, number>();
  const building: Building[] = [];
  const foldedA = foldTrace(traceA, 'a', keys, building);
  yield;
  const foldedB = foldTrace(traceB, 'b', keys, building);
  yield;

  // ---- DFS renumbering (iterative: deep traces must not overflow the stack) ------------------
  // Display order of siblings: by start (A's when the node is in A, else B's), then first seen.
  const orderKeyUs = new Float64Array(building.length);
  for (let k = 0; k < building.length; k++) {
    const b = building[k]!;
    orderKeyUs[k] = b.a.count > 0 ? b.a.startUs : b.b.startUs;
  }
  const compare = (x: number, y: number) => orderKeyUs[x]! - orderKeyUs[y]! || x - y;
  const rootsBuilt: number[] = [];
  for (let k = 0; k < building.length; k++) if (building[k]!.parent < 0) rootsBuilt.push(k);
  rootsBuilt.sort(compare);
  const newId = new Int32Array(building.length);
  const order: number[] = [];
  const stack: number[] = [];
  for (let r = rootsBuilt.length - 1; r >= 0; r--) stack.push(rootsBuilt[r]!);
  while (stack.length > 0) {
    const k = stack.pop()!;
    newId[k] = order.length;
    order.push(k);
    const children = building[k]!.children;
    if (children.length > 1) children.sort(compare);
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]!);
  }

  const nodes: DiffNode[] = new Array<DiffNode>(order.length);
  for (let id = 0; id < order.length; id++) {
    const b = building[order[id]!]!;
    const parentId = b.parent < 0 ? -1 : newId[b.parent]!;
    nodes[id] = {
      id,
      parent: parentId,
      depth: parentId < 0 ? 0 : nodes[parentId]!.depth + 1,
      subtreeEnd: id + 1,
      childIds: b.children.map((c) => newId[c]!),
      serviceName: b.serviceName,
      name: b.name,
      status: statusOf(b),
      a: b.a,
      b: b.b,
    };
  }
  // Children come after their parent, so a backward sweep extends each parent's subtree.
  for (let id = nodes.length - 1; id >= 0; id--) {
    const node = nodes[id]!;
    if (node.parent >= 0) {
      const parentNode = nodes[node.parent]!;
      if (node.subtreeEnd > parentNode.subtreeEnd) parentNode.subtreeEnd = node.subtreeEnd;
    }
  }
  const remap = (folded: Int32Array) => {
    const out = new Int32Array(folded.length);
    for (let i = 0; i < folded.length; i++) out[i] = newId[folded[i]!]!;
    return out;
  };
  const rootIds = rootsBuilt.map((k) => newId[k]!);
  const nodeOfSpanA = remap(foldedA);
  const nodeOfSpanB = remap(foldedB);
  const summary = summarise(traceA, traceB, nodes, options.maxContributors ?? MAX_CONTRIBUTORS);
  const rootA = traceA.rootIndices[0];
  const rootB = traceB.rootIndices[0];
  summary.rootNodeIdA = rootA === undefined ? -1 : nodeOfSpanA[rootA]!;
  summary.rootNodeIdB = rootB === undefined ? -1 : nodeOfSpanB[rootB]!;
  summary.rootDurationAUs = rootA === undefined ? 0 : traceA.columns.durationUs[rootA]!;
  summary.rootDurationBUs = rootB === undefined ? 0 : traceB.columns.durationUs[rootB]!;
  summary.sameTraceId = traceA.traceId === traceB.traceId;
  const rootSpanA = rootA === undefined ? undefined : traceA.spans[rootA];
  const rootSpanB = rootB === undefined ? undefined : traceB.spans[rootB];
  if (rootSpanA && rootSpanB && (rootSpanA.serviceName !== rootSpanB.serviceName || rootSpanA.name !== rootSpanB.name)) {
    summary.rootMismatch = {
      a: { serviceName: rootSpanA.serviceName, name: rootSpanA.name },
      b: { serviceName: rootSpanB.serviceName, name: rootSpanB.name },
    };
  }
  return { nodes, rootIds, nodeOfSpanA, nodeOfSpanB, summary };
}

/** Noise floor of a comparison: 1 % of the longer trace, at least 1 µs. */
export function diffThresholdUs(durationAUs: number, durationBUs: number): number {
  return Math.max(1, THRESHOLD_FRACTION * Math.max(durationAUs, durationBUs));
}

export function totalDeltaUs(node: DiffNode): number {
  return node.b.totalUs - node.a.totalUs;
}

export function selfDeltaUs(node: DiffNode): number {
  return node.b.selfUs - node.a.selfUs;
}

export function criticalDeltaUs(node: DiffNode): number {
  return node.b.criticalUs - node.a.criticalUs;
}

/** Added, removed, a different span or error count, or a total/self time change above the threshold. */
export function isNodeChanged(node: DiffNode, thresholdUs: number): boolean {
  return (
    node.status !== 'matched' ||
    node.a.count !== node.b.count ||
    node.a.errorCount !== node.b.errorCount ||
    Math.abs(totalDeltaUs(node)) >= thresholdUs ||
    Math.abs(selfDeltaUs(node)) >= thresholdUs
  );
}

function topBy(nodes: readonly DiffNode[], delta: (n: DiffNode) => number, keep: (d: number) => boolean, max: number, side: (n: DiffNode, s: DiffSide) => number): DiffContributor[] {
  const picked: DiffContributor[] = [];
  for (const node of nodes) {
    const d = delta(node);
    if (!keep(d)) continue;
    picked.push({ nodeId: node.id, deltaUs: d, aUs: side(node, node.a), bUs: side(node, node.b) });
  }
  picked.sort((x, y) => Math.abs(y.deltaUs) - Math.abs(x.deltaUs) || x.nodeId - y.nodeId);
  return picked.slice(0, max);
}

function summarise(traceA: Trace, traceB: Trace, nodes: readonly DiffNode[], max: number): DiffSummary {
  const deltaUs = traceB.durationUs - traceA.durationUs;
  const thresholdUs = diffThresholdUs(traceA.durationUs, traceB.durationUs);
  let matched = 0;
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const node of nodes) {
    if (node.status === 'matched') matched++;
    else if (node.status === 'added') added++;
    else removed++;
    if (isNodeChanged(node, thresholdUs)) changed++;
  }
  const significant = Math.abs(deltaUs) >= thresholdUs;
  // With a real delta, only changes in its direction explain it; otherwise show the big movers.
  const selfTimeContributors = topBy(
    nodes,
    selfDeltaUs,
    (d) => Math.abs(d) >= thresholdUs && (!significant || Math.sign(d) === Math.sign(deltaUs)),
    max,
    (_n, s) => s.selfUs,
  );
  const criticalPathChanges = topBy(nodes, criticalDeltaUs, (d) => Math.abs(d) >= thresholdUs, max, (_n, s) => s.criticalUs);
  const errorChanges = topBy(
    nodes,
    (n) => n.b.errorCount - n.a.errorCount,
    (d) => d !== 0,
    max,
    (_n, s) => s.errorCount,
  );
  return {
    durationAUs: traceA.durationUs,
    durationBUs: traceB.durationUs,
    deltaUs,
    rootNodeIdA: -1,
    rootNodeIdB: -1,
    rootDurationAUs: 0,
    rootDurationBUs: 0,
    sameTraceId: false,
    rootMismatch: null,
    spanCountA: traceA.spans.length,
    spanCountB: traceB.spans.length,
    errorCountA: traceA.errorCount,
    errorCountB: traceB.errorCount,
    matchedNodeCount: matched,
    addedNodeCount: added,
    removedNodeCount: removed,
    changedNodeCount: changed,
    thresholdUs,
    selfTimeContributors,
    criticalPathChanges,
    errorChanges,
  };
}

/** The path of a node from its root, as "service name" steps (for tooltips and details). */
export function nodePath(diff: TraceDiff, nodeId: number): { serviceName: string; name: string }[] {
  const path: { serviceName: string; name: string }[] = [];
  for (let id = nodeId; id >= 0; id = diff.nodes[id]!.parent) {
    const node = diff.nodes[id]!;
    path.push({ serviceName: node.serviceName, name: node.name });
  }
  return path.reverse();
}
