// Span objects travel from the worker to the main thread as columns rather than as objects.
// Structured cloning writes every property name of every object and the receiver internalises
// each one: for 100k spans of 24 properties that is millions of keys, hundreds of ms on the main
// thread. Columns of strings and small integers clone without keys; the main thread then makes the
// Span objects itself (one object literal each, which is cheap), reading start, duration, depth
// and parent from the typed-array columns it already has. Repeated strings (trace ID, name,
// service) become one string each, which also keeps the main thread's heap small.

import {
  SpanFlag,
  type Attribute,
  type AttrValue,
  type Span,
  type SpanColumns,
  type SpanKind,
  type SpanReference,
  type StatusCode,
} from '../../model/types';

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUSES: readonly StatusCode[] = ['unset', 'ok', 'error'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const STATUS_CODE = new Map(STATUSES.map((s, i) => [s, i]));

export interface SpanBatch {
  /** Index (DFS order) of the first span of the batch. */
  from: number;
  /** Strings that repeat (trace ID, name, service, status message), each once. */
  strings: string[];
  traceId: Uint32Array;
  name: Uint32Array;
  service: Uint32Array;
  statusMessage: Uint32Array;
  kind: Uint8Array;
  status: Uint8Array;
  spanId: string[];
  parentSpanId: (string | null)[];
  attributes: Attribute[][];
  resourceAttributes: Attribute[][];
  events: Span['events'][];
  references: SpanReference[][];
  warnings: string[][];
  dropped: Span['dropped'][];
  scope: Span['scope'][];
  /** Only spans with extras, as [index within the batch, extra] pairs. */
  extra: [number, Record<string, AttrValue>][];
}

/** Encodes spans[from..to) and lists the buffers to transfer. */
export function encodeSpanBatch(spans: readonly Span[], from: number, to: number): { batch: SpanBatch; transfer: ArrayBuffer[] } {
  const n = to - from;
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (text: string): number => {
    let k = stringIndex.get(text);
    if (k === undefined) {
      k = strings.length;
      strings.push(text);
      stringIndex.set(text, k);
    }
    return k;
  };
  const batch: SpanBatch = {
    from,
    strings,
    traceId: new Uint32Array(n),
    name: new Uint32Array(n),
    service: new Uint32Array(n),
    statusMessage: new Uint32Array(n),
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    spanId: new Array<string>(n),
    parentSpanId: new Array<string | null>(n),
    attributes: new Array<Attribute[]>(n),
    resourceAttributes: new Array<Attribute[]>(n),
    events: new Array<Span['events']>(n),
    references: new Array<SpanReference[]>(n),
    warnings: new Array<string[]>(n),
    dropped: new Array<Span['dropped']>(n),
    scope: new Array<Span['scope']>(n),
    extra: [],
  };
  for (let k = 0; k < n; k++) {
    const span = spans[from + k]!;
    batch.traceId[k] = intern(span.traceId);
    batch.name[k] = intern(span.name);
    batch.service[k] = intern(span.serviceName);
    batch.statusMessage[k] = intern(span.statusMessage);
    batch.kind[k] = KIND_CODE.get(span.kind) ?? 0;
    batch.status[k] = STATUS_CODE.get(span.status) ?? 0;
    batch.spanId[k] = span.spanId;
    batch.parentSpanId[k] = span.parentSpanId;
    batch.attributes[k] = span.attributes;
    batch.resourceAttributes[k] = span.resourceAttributes;
    batch.events[k] = span.events;
    batch.references[k] = span.references;
    batch.warnings[k] = span.warnings;
    batch.dropped[k] = span.dropped;
    batch.scope[k] = span.scope;
    if (span.extra !== undefined) batch.extra.push([k, span.extra]);
  }
  const transfer = [batch.traceId, batch.name, batch.service, batch.statusMessage, batch.kind, batch.status].map(
    (a) => a.buffer as ArrayBuffer,
  );
  return { batch, transfer };
}

/** Leaves share one empty child list (the model is immutable). */
const NO_CHILDREN: number[] = [];

/**
 * Child indices of span `d` from the columns: in DFS order the first child is d + 1 and each next
 * sibling starts where the previous one's subtree ends, so no global pass is needed.
 */
export function childIndicesAt(columns: SpanColumns, d: number): number[] {
  if (columns.childCount[d] === 0) return NO_CHILDREN;
  const list: number[] = [];
  const end = columns.subtreeEnd[d]!;
  for (let c = d + 1; c < end; c = columns.subtreeEnd[c]!) list.push(c);
  return list;
}

/** Makes the batch's Span objects and stores them at their indices in `into`. */
export function decodeSpanBatch(batch: SpanBatch, columns: SpanColumns, into: Span[]): void {
  const { strings } = batch;
  const n = batch.spanId.length;
  let nextExtra = 0;
  for (let k = 0; k < n; k++) {
    const d = batch.from + k;
    const span: Span = {
      index: d,
      traceId: strings[batch.traceId[k]!]!,
      spanId: batch.spanId[k]!,
      parentSpanId: batch.parentSpanId[k]!,
      name: strings[batch.name[k]!]!,
      serviceName: strings[batch.service[k]!]!,
      kind: KINDS[batch.kind[k]!]!,
      status: STATUSES[batch.status[k]!]!,
      statusMessage: strings[batch.statusMessage[k]!]!,
      isError: (columns.flags[d]! & SpanFlag.Error) !== 0,
      startUs: columns.startUs[d]!,
      durationUs: columns.durationUs[d]!,
      depth: columns.depth[d]!,
      parentIndex: columns.parent[d]!,
      childIndices: childIndicesAt(columns, d),
      attributes: batch.attributes[k]!,
      resourceAttributes: batch.resourceAttributes[k]!,
      scope: batch.scope[k]!,
      events: batch.events[k]!,
      references: batch.references[k]!,
      warnings: batch.warnings[k]!,
      dropped: batch.dropped[k]!,
    };
    const extra = batch.extra[nextExtra];
    if (extra !== undefined && extra[0] === k) {
      span.extra = extra[1];
      nextExtra++;
    }
    into[d] = span;
  }
}
