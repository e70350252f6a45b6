// Before spans are posted to the main thread: make equal attribute entries, empty lists and zero
// "dropped" counts the same objects. Structured cloning keeps object identity within a message,
// so the main thread then creates (and holds) one object where it would have made thousands —
// fewer allocations to receive and a smaller heap. The model is immutable, so sharing is safe.

import type { Attribute, AttrValue, Span } from '../../model/types';

/** Values longer than this are rarely repeated; interning them would only fill the maps. */
const MAX_SHARED_TEXT = 256;

export class RepeatedValueSharer {
  private readonly byKey = new Map<string, Map<AttrValue, Attribute>>();
  private readonly empty: never[] = [];
  private readonly zeroDropped = { attributes: 0, events: 0, links: 0 };

  /** Rewrites `spans[from..to)` in place (they belong to the worker and are about to be posted). */
  share(spans: Span[], from = 0, to = spans.length): void {
    for (let i = from; i < to; i++) {
      const span = spans[i]!;
      span.attributes = this.list(span.attributes);
      if (span.resourceAttributes.length === 0) span.resourceAttributes = this.empty;
      if (span.events.length === 0) span.events = this.empty;
      if (span.references.length === 0) span.references = this.empty;
      if (span.warnings.length === 0) span.warnings = this.empty;
      if (span.childIndices.length === 0) span.childIndices = this.empty;
      const d = span.dropped;
      if (d.attributes === 0 && d.events === 0 && d.links === 0) span.dropped = this.zeroDropped;
    }
  }

  private list(attributes: Attribute[]): Attribute[] {
    if (attributes.length === 0) return this.empty;
    for (let k = 0; k < attributes.length; k++) {
      const a = attributes[k]!;
      const v = a.value;
      if (v !== null && typeof v === 'object') continue;
      if (typeof v === 'string' && v.length > MAX_SHARED_TEXT) continue;
      let byValue = this.byKey.get(a.key);
      if (byValue === undefined) this.byKey.set(a.key, (byValue = new Map()));
      const shared = byValue.get(v);
      if (shared === undefined) byValue.set(v, a);
      else if (shared !== a) attributes[k] = shared;
    }
    return attributes;
  }
}
