// Builds the immutable `Trace` model from parser output (DESIGN.md §2).
//
// Rules that everything downstream relies on:
// - no span is ever dropped: output spans are exactly the input spans, reordered;
// - DFS order: roots by start, children by start, ties broken by input order;
// - a subtree is contiguous, so `columns.subtreeEnd[i]` delimits it;
// - missing parents make extra roots (Orphan), cycles are cut (CycleCut),
//   duplicate IDs are kept (DuplicateId; children attach to the first copy);
// - everything is iterative: a 100k-deep chain must not blow the stack.

import { countOf } from '../lib/count-format';
import {
  SpanFlag,
  type RawSpan,
  type ServiceInfo,
  type Span,
  type SpanColumns,
  type Trace,
  type TraceIssues,
  type WireFormat,
} from './types';

const NO_PARENT = -1;

export function buildTrace(rawSpans: readonly RawSpan[], format: WireFormat): Trace {
  const n = rawSpans.length;
  const warnings: string[] = [];

  const traceId = mostCommonTraceId(rawSpans, warnings);
  const origin = findTimeOrigin(rawSpans);

  // ---- parent links (input indices) -------------------------------------------------------
  // One map lookup per span: hashing span-ID strings is the dominant cost on large traces.
  const firstIndexById = new Map<string, number>();
  const duplicateCounts = new Map<string, number>();
  const rawFlags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = rawSpans[i]!.spanId;
    // An empty ID cannot be referenced by a child, so it neither parents nor counts as a duplicate.
    if (id === '') continue;
    const first = firstIndexById.get(id);
    if (first === undefined) {
      firstIndexById.set(id, i);
    } else {
      duplicateCounts.set(id, (duplicateCounts.get(id) ?? 1) + 1);
      rawFlags[first]! |= SpanFlag.DuplicateId;
      rawFlags[i]! |= SpanFlag.DuplicateId;
    }
  }

  // Zipkin "shared" spans: a CLIENT span and the SERVER span of the call it made carry the same ID.
  // That is one RPC seen from both sides, not a duplicate: the server half goes under the client
  // half, and children of that ID (the server's own work) go under the server half.
  const sharedServerOf = new Map<number, number>(); // client index -> server index
  for (const [id, count] of duplicateCounts) {
    if (count !== 2) continue;
    const first = firstIndexById.get(id)!;
    let second = -1;
    for (let i = first + 1; i < n; i++) {
      if (rawSpans[i]!.spanId === id) {
        second = i;
        break;
      }
    }
    const kinds = [rawSpans[first]!.kind, rawSpans[second]!.kind];
    const client = kinds[0] === 'client' && kinds[1] === 'server' ? first : kinds[1] === 'client' && kinds[0] === 'server' ? second : -1;
    if (client === -1) continue;
    const server = client === first ? second : first;
    sharedServerOf.set(client, server);
    firstIndexById.set(id, server);
    duplicateCounts.delete(id);
    rawFlags[first]! &= ~SpanFlag.DuplicateId;
    rawFlags[second]! &= ~SpanFlag.DuplicateId;
  }

  const standInIds = standInSpanIds(rawSpans, firstIndexById);

  const parentOf = new Int32Array(n).fill(NO_PARENT);
  for (let i = 0; i < n; i++) {
    const pid = rawSpans[i]!.parentSpanId;
    if (pid === null || pid === '') continue;
    const p = firstIndexById.get(pid);
    if (p === undefined) rawFlags[i]! |= SpanFlag.Orphan;
    else parentOf[i] = p; // p === i (self-parent) is handled as a cycle below
  }
  for (const [client, server] of sharedServerOf) {
    parentOf[server] = client;
    rawFlags[server]! &= ~SpanFlag.Orphan;
    // The client half keeps its own parent; if that pointed at the shared ID it would be itself.
    if (parentOf[client] === server) parentOf[client] = NO_PARENT;
  }

  // ---- raw times ---------------------------------------------------------------------------
  // Offset (µs from trace start) of spans that have a start; NaN where missing, resolved later.
  const ownStartUs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = rawSpans[i]!;
    ownStartUs[i] = hasStart(raw) ? offsetUs(raw.startUs!, raw.startNsRemainder, origin) : NaN;
  }

  cutCycles(parentOf, ownStartUs, rawFlags);

  // ---- resolve missing starts: parent's (resolved) start, else trace start -----------------
  const startUs = resolveStarts(parentOf, ownStartUs);

  // ---- children lists, sorted by (start, input index), in CSR form -------------------------
  // Filled in input order, then each list is sorted only when it is out of order: producers
  // usually emit children in start order, and many small sorts beat one global sort.
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parentOf[i]!;
    if (p !== NO_PARENT) childStart[p + 1]!++;
  }
  for (let i = 0; i < n; i++) childStart[i + 1]! += childStart[i]!;
  const childFill = childStart.slice(0, n);
  const childList = new Int32Array(n);
  const rootList: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = parentOf[i]!;
    if (p === NO_PARENT) rootList.push(i);
    else childList[childFill[p]!++] = i;
  }
  const byStartThenInput = (a: number, b: number) => startUs[a]! - startUs[b]! || a - b;
  for (let i = 0; i < n; i++) {
    const from = childStart[i]!;
    const to = childStart[i + 1]!;
    if (to - from > 1 && !isSortedByStart(childList, from, to, startUs)) {
      childList.subarray(from, to).sort(byStartThenInput);
    }
  }
  const rootsInput = Int32Array.from(rootList);
  if (!isSortedByStart(rootsInput, 0, rootsInput.length, startUs)) rootsInput.sort(byStartThenInput);

  // ---- iterative DFS -----------------------------------------------------------------------
  const dfsOrder = new Int32Array(n); // dfs index -> input index
  const dfsOf = new Int32Array(n); // input index -> dfs index
  const stack = new Int32Array(n);
  let top = 0;
  for (let r = rootsInput.length - 1; r >= 0; r--) stack[top++] = rootsInput[r]!;
  let next = 0;
  while (top > 0) {
    const i = stack[--top]!;
    dfsOf[i] = next;
    dfsOrder[next++] = i;
    for (let c = childStart[i + 1]! - 1; c >= childStart[i]!; c--) stack[top++] = childList[c]!;
  }
  if (next !== n) {
    // Unreachable once cycles are cut; kept as a tripwire because dropping spans is the one
    // thing the model must never do.
    throw new Error(`buildTrace: DFS reached ${next} of ${n} spans`);
  }

  // ---- columns -----------------------------------------------------------------------------
  const columns: SpanColumns = {
    startUs: new Float64Array(n),
    durationUs: new Float64Array(n),
    depth: new Uint32Array(n),
    parent: new Int32Array(n),
    service: new Uint32Array(n),
    flags: new Uint8Array(n),
    subtreeEnd: new Int32Array(n),
    childCount: new Uint32Array(n),
  };

  const serviceIndex = new Map<string, number>();
  const services: ServiceInfo[] = [];
  const spans: Span[] = new Array<Span>(n);
  const rootIndices: number[] = [];
  const issues: TraceIssues = {
    orphanSpanIndices: [],
    duplicateSpanIds: [],
    cycleSpanIndices: [],
    missingTimeSpanIndices: [],
    missingStartSpanIndices: [],
    missingDurationSpanIndices: [],
    missingIdSpanIndices: [],
    warnings,
  };
  let maxDepth = -1;
  let errorCount = 0;
  let endUs = 0;
  const originShiftUs = origin.nsRemainder / 1000;

  for (let d = 0; d < n; d++) {
    const i = dfsOrder[d]!;
    const raw = rawSpans[i]!;
    const p = parentOf[i]!;
    const parentIndex = p === NO_PARENT ? NO_PARENT : dfsOf[p]!;
    const depth = parentIndex === NO_PARENT ? 0 : columns.depth[parentIndex]! + 1;
    let flags = rawFlags[i]!;
    // Most spans get no builder warning and share the parser's array (the model is immutable).
    let added: string[] | null = null;

    const missingStart = !hasStart(raw);
    const missingDuration = raw.durationUs === null || !Number.isFinite(raw.durationUs);
    if (missingStart || missingDuration) {
      flags |= SpanFlag.MissingTime;
      issues.missingTimeSpanIndices.push(d);
      if (missingStart) {
        issues.missingStartSpanIndices.push(d);
        added = withWarning(added, 'No start time: drawn at the start of its parent.');
      }
      if (missingDuration) {
        issues.missingDurationSpanIndices.push(d);
        added = withWarning(added, 'No duration: drawn with zero length.');
      }
    }
    const standInId = standInIds?.get(i);
    if (standInId !== undefined) {
      issues.missingIdSpanIndices.push(d);
      added = withWarning(added, `No span ID: shown as ${standInId}, a stand-in that exists only in this viewer.`);
    }
    let durationUs = missingDuration ? 0 : raw.durationUs!;
    if (durationUs < 0) {
      added = withWarning(added, `Negative duration (${durationUs} µs): drawn with zero length.`);
      durationUs = 0;
    }

    const isError = spanIsError(raw);
    if (isError) {
      flags |= SpanFlag.Error;
      errorCount++;
    }
    const childCount = childStart[i + 1]! - childStart[i]!;
    if (childCount > 0) flags |= SpanFlag.HasChildren;

    if (flags & SpanFlag.Orphan) {
      issues.orphanSpanIndices.push(d);
      added = withWarning(added, `Parent span ${raw.parentSpanId} is not in this trace.`);
    }
    if (flags & SpanFlag.CycleCut) {
      issues.cycleSpanIndices.push(d);
      added = withWarning(added, `Parent link to ${raw.parentSpanId} would close a cycle: shown as a root.`);
    }
    if (flags & SpanFlag.DuplicateId) {
      added = withWarning(added, `Span ID ${raw.spanId} occurs ${duplicateCounts.get(raw.spanId)} times in this trace.`);
    }

    let service = serviceIndex.get(raw.serviceName);
    if (service === undefined) {
      service = services.length;
      serviceIndex.set(raw.serviceName, service);
      services.push({ name: raw.serviceName, spanCount: 0, errorCount: 0 });
    }
    const info = services[service]!;
    info.spanCount++;
    if (isError) info.errorCount++;

    const spanStartUs = startUs[i]!;
    const children: number[] = [];
    for (let c = childStart[i]!; c < childStart[i + 1]!; c++) children.push(dfsOf[childList[c]!]!);

    const span: Span = {
      index: d,
      traceId: raw.traceId,
      spanId: standInId ?? raw.spanId,
      parentSpanId: raw.parentSpanId,
      name: raw.name,
      serviceName: raw.serviceName,
      kind: raw.kind,
      status: raw.status,
      statusMessage: raw.statusMessage,
      isError,
      startUs: spanStartUs,
      durationUs,
      depth,
      parentIndex,
      childIndices: children,
      attributes: raw.attributes,
      resourceAttributes: raw.resourceAttributes,
      scope: raw.scope,
      events: raw.events.length === 0 ? [] : raw.events.map((e) => ({
        timeUs:
          e.timeUs === null || !Number.isFinite(e.timeUs)
            ? spanStartUs
            : e.timeUs - origin.startUs - originShiftUs,
        name: e.name,
        attributes: e.attributes,
      })),
      references: raw.references,
      warnings: added === null ? raw.warnings : raw.warnings.concat(added),
      dropped: raw.dropped,
    };
    if (raw.extra !== undefined) span.extra = raw.extra;
    spans[d] = span;

    columns.startUs[d] = spanStartUs;
    columns.durationUs[d] = durationUs;
    columns.depth[d] = depth;
    columns.parent[d] = parentIndex;
    columns.service[d] = service;
    columns.flags[d] = flags;
    columns.childCount[d] = childCount;
    if (parentIndex === NO_PARENT) rootIndices.push(d);
    if (depth > maxDepth) maxDepth = depth;
    if (spanStartUs + durationUs > endUs) endUs = spanStartUs + durationUs;
  }

  // Subtree sizes, children before parents (reverse DFS order).
  const subtreeSize = new Int32Array(n).fill(1);
  for (let d = n - 1; d > 0; d--) {
    const p = columns.parent[d]!;
    if (p !== NO_PARENT) subtreeSize[p]! += subtreeSize[d]!;
  }
  for (let d = 0; d < n; d++) columns.subtreeEnd[d] = d + subtreeSize[d]!;

  for (const [spanId, count] of duplicateCounts) issues.duplicateSpanIds.push({ spanId, count });
  summariseIssues(issues, warnings);

  return {
    traceId,
    startUs: origin.startUs,
    startNs: origin.startNs,
    durationUs: endUs,
    spans,
    rootIndices,
    services,
    depth: maxDepth + 1,
    errorCount,
    columns,
    issues,
    format,
  };
}

// ------------------------------------------------------------------------------------------

/**
 * Stand-in IDs for spans that arrived without one (input index -> ID), or null when all have one.
 *
 * The app names a span by its ID everywhere: `span=` in the URL, collapsed and open-group state,
 * links from references and the comparison. An empty ID broke all of those at once (the row could
 * not even be opened), so the model gives such spans an ID instead of each view special-casing
 * them. The ID is deterministic (numbered in input order), so a link to it opens the same span
 * again; it is not hex, so it cannot be mistaken for a real ID, and it never collides with one
 * in the trace. It does not enter the parent lookup: no child can refer to it.
 */
function standInSpanIds(rawSpans: readonly RawSpan[], realIds: ReadonlyMap<string, number>): Map<number, string> | null {
  let ids: Map<number, string> | null = null;
  let k = 0;
  for (let i = 0; i < rawSpans.length; i++) {
    if (rawSpans[i]!.spanId !== '') continue;
    k++;
    let id = `missing-id-${k}`;
    while (realIds.has(id)) id += '_';
    (ids ??= new Map()).set(i, id);
  }
  return ids;
}

interface TimeOrigin {
  /** Integer epoch µs of the earliest span start (0 when no span has a start). */
  startUs: number;
  nsRemainder: number;
  startNs: string;
}

/** Entries [from, to) of `list` hold increasing input indices, so equal starts are in order. */
function isSortedByStart(list: Int32Array, from: number, to: number, startUs: Float64Array): boolean {
  for (let k = from + 1; k < to; k++) if (startUs[list[k]!]! < startUs[list[k - 1]!]!) return false;
  return true;
}

function withWarning(list: string[] | null, text: string): string[] {
  if (list === null) return [text];
  list.push(text);
  return list;
}

function hasStart(raw: RawSpan): boolean {
  return raw.startUs !== null && Number.isFinite(raw.startUs);
}

function findTimeOrigin(rawSpans: readonly RawSpan[]): TimeOrigin {
  let best: RawSpan | null = null;
  for (const raw of rawSpans) {
    if (!hasStart(raw)) continue;
    if (
      best === null ||
      raw.startUs! < best.startUs! ||
      (raw.startUs === best.startUs && remainderOf(raw) < remainderOf(best))
    ) {
      best = raw;
    }
  }
  if (best === null) return { startUs: 0, nsRemainder: 0, startNs: '0' };
  const wholeUs = Math.floor(best.startUs!);
  // Sub-µs precision can arrive either as the remainder field or (defensively) as a fraction.
  const ns = BigInt(wholeUs) * 1000n + BigInt(Math.round((best.startUs! - wholeUs) * 1000) + remainderOf(best));
  return { startUs: wholeUs, nsRemainder: Number(ns - BigInt(wholeUs) * 1000n), startNs: ns.toString() };
}

function remainderOf(raw: RawSpan): number {
  const r = raw.startNsRemainder;
  return Number.isFinite(r) ? Math.round(r) : 0;
}

function offsetUs(startUs: number, nsRemainder: number, origin: TimeOrigin): number {
  // Subtract the large integers first so the small difference keeps full precision.
  return startUs - origin.startUs + ((Number.isFinite(nsRemainder) ? nsRemainder : 0) - origin.nsRemainder) / 1000;
}

function mostCommonTraceId(rawSpans: readonly RawSpan[], warnings: string[]): string {
  const counts = new Map<string, number>();
  // Runs of one ID are the norm: count them without a map lookup per span.
  let runId = '';
  let runLength = 0;
  for (const raw of rawSpans) {
    if (raw.traceId === runId) {
      runLength++;
      continue;
    }
    if (runLength > 0) counts.set(runId, (counts.get(runId) ?? 0) + runLength);
    runId = raw.traceId;
    runLength = 1;
  }
  if (runLength > 0) counts.set(runId, (counts.get(runId) ?? 0) + runLength);
  let bestId = '';
  let bestCount = 0;
  // Map iteration is insertion order, so ties go to the ID seen first.
  for (const [id, count] of counts) {
    if (count > bestCount) {
      bestId = id;
      bestCount = count;
    }
  }
  if (counts.size > 1) {
    warnings.push(
      `Spans of ${counts.size} trace IDs were given together; shown as one trace (${rawSpans.length - bestCount} spans have another trace ID).`,
    );
  }
  return bestId;
}

function spanIsError(raw: RawSpan): boolean {
  if (raw.status === 'error') return true;
  if (raw.status === 'ok') return false;
  // Fallback for producers that only set the conventional `error` tag.
  for (const a of raw.attributes) {
    if (a.key === 'error' && (a.value === true || a.value === 'true')) return true;
  }
  return false;
}

/**
 * Each span has at most one parent, so the parent links form a functional graph: every cycle is
 * found by walking up from each unvisited span. The span of the cycle that starts first (ties:
 * input order) loses its parent link, so it becomes the natural root of what was the cycle.
 */
function cutCycles(parentOf: Int32Array, ownStartUs: Float64Array, flags: Uint8Array): void {
  const n = parentOf.length;
  const state = new Uint8Array(n); // 0 unvisited, 1 on the current path, 2 done
  const path: number[] = [];
  for (let s = 0; s < n; s++) {
    if (state[s] !== 0) continue;
    path.length = 0;
    let j = s;
    while (j !== NO_PARENT && state[j] === 0) {
      state[j] = 1;
      path.push(j);
      j = parentOf[j]!;
    }
    if (j !== NO_PARENT && state[j] === 1) {
      let cut = j;
      for (let k = path.lastIndexOf(j); k < path.length; k++) {
        const c = path[k]!;
        if (startsBefore(c, cut, ownStartUs)) cut = c;
      }
      parentOf[cut] = NO_PARENT;
      flags[cut]! |= SpanFlag.CycleCut;
    }
    for (const k of path) state[k] = 2;
  }
}

function startsBefore(a: number, b: number, startUs: Float64Array): boolean {
  const sa = startUs[a]!;
  const sb = startUs[b]!;
  // Spans without a start (NaN) sort last.
  if (Number.isNaN(sa)) return Number.isNaN(sb) && a < b;
  if (Number.isNaN(sb)) return true;
  return sa < sb || (sa === sb && a < b);
}

/** Missing starts take their nearest ancestor's start, else the trace start (0). */
function resolveStarts(parentOf: Int32Array, ownStartUs: Float64Array): Float64Array {
  const n = parentOf.length;
  const resolved = Float64Array.from(ownStartUs);
  const pending: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(resolved[i]!)) continue;
    let j = i;
    while (j !== NO_PARENT && Number.isNaN(resolved[j]!)) {
      pending.push(j);
      j = parentOf[j]!;
    }
    const value = j === NO_PARENT ? 0 : resolved[j]!;
    for (const k of pending) resolved[k] = value;
    pending.length = 0;
  }
  return resolved;
}

function summariseIssues(issues: TraceIssues, warnings: string[]): void {
  if (issues.orphanSpanIndices.length > 0) {
    warnings.push(
      `${countOf(issues.orphanSpanIndices.length, 'span has a parent', 'spans have a parent')} that is not in this trace; shown as extra roots.`,
    );
  }
  for (const { spanId, count } of issues.duplicateSpanIds) {
    warnings.push(`Span ID ${spanId} occurs ${count} times; children are attached to the first.`);
  }
  if (issues.cycleSpanIndices.length > 0) {
    warnings.push(
      `Parent links formed ${countOf(issues.cycleSpanIndices.length, 'cycle', 'cycles')}; each was cut at one span, shown as a root.`,
    );
  }
  if (issues.missingTimeSpanIndices.length > 0) {
    warnings.push(
      `${countOf(issues.missingTimeSpanIndices.length, 'span arrived', 'spans arrived')} without a start time or duration.`,
    );
  }
  if (issues.missingIdSpanIndices.length > 0) {
    warnings.push(
      `${countOf(issues.missingIdSpanIndices.length, 'span arrived', 'spans arrived')} without a span ID; each is shown with a stand-in ID (missing-id-…).`,
    );
  }
}
