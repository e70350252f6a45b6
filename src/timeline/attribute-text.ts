// Attribute values as plain text. Trace data is untrusted: it is only ever rendered as text nodes.

import type { AttrValue, Attribute, Span } from '../model/types';

export function attributeText(value: AttrValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The first value of `key` on the span, then on its resource; undefined when absent. */
export function spanAttributeValue(span: Span, key: string): AttrValue | undefined {
  const own = findAttribute(span.attributes, key);
  if (own) return own.value;
  return findAttribute(span.resourceAttributes, key)?.value;
}

function findAttribute(list: readonly Attribute[], key: string): Attribute | undefined {
  for (const attribute of list) if (attribute.key === key) return attribute;
  return undefined;
}

/** Attribute keys used in a trace, most frequent first (for the bar-label picker). Capped scan. */
export function commonAttributeKeys(spans: readonly Span[], limit = 200, maxSpans = 5000): string[] {
  const counts = new Map<string, number>();
  const step = Math.max(1, Math.floor(spans.length / maxSpans));
  for (let i = 0; i < spans.length; i += step) {
    const span = spans[i];
    if (!span) continue;
    for (const { key } of span.attributes) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key]) => key);
}
