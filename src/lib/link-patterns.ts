// Link patterns from config.json: turn span data into links to other tools (logs, dashboards, code).
// A pattern follows Jaeger UI's shape: { type, key, url, text }, where `url` and `text` may hold #{name}
// placeholders filled from the span (#{key} of the matching attribute, #{trace.id}, #{span.id},
// #{service.name}, #{span.name}, or any attribute key of the span).
//
// Security: values come from traces nobody fully controls. Every filled value is URL-encoded, and the
// resulting link must be http:, https: or relative to the app; anything else (javascript:, data:, …) is
// refused with a console warning.

export type LinkPatternType = 'tags' | 'attributes' | 'process' | 'resource' | 'logs' | 'events' | 'traces';

export interface LinkPattern {
  type: LinkPatternType;
  /** Attribute key that must be present for the link to apply (not needed for `traces`). */
  key?: string;
  url: string;
  text: string;
}

export interface ResolvedLink {
  url: string;
  text: string;
}

const PLACEHOLDER = /#\{([^}]+)\}/g;

/** Reads the patterns from untrusted config; invalid entries are skipped with a warning. */
export function readLinkPatterns(value: unknown, warn: (msg: string) => void = console.warn): LinkPattern[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warn('config.json: linkPatterns must be an array; ignoring it.');
    return [];
  }
  const out: LinkPattern[] = [];
  value.forEach((p, i) => {
    const o = p as Record<string, unknown> | null;
    const types: LinkPatternType[] = ['tags', 'attributes', 'process', 'resource', 'logs', 'events', 'traces'];
    if (
      !o ||
      typeof o !== 'object' ||
      !types.includes(o.type as LinkPatternType) ||
      typeof o.url !== 'string' ||
      (o.text !== undefined && typeof o.text !== 'string') ||
      (o.key !== undefined && typeof o.key !== 'string')
    ) {
      warn(`config.json: linkPatterns[${i}] needs {type, url, text?, key?}; ignoring it.`);
      return;
    }
    out.push({
      type: o.type as LinkPatternType,
      key: o.key as string | undefined,
      url: o.url,
      text: (o.text as string | undefined) ?? o.url,
    });
  });
  return out;
}

/**
 * Fills a template. Returns null when a placeholder has no value (the link would be wrong) or the
 * result is not an http(s) or relative URL.
 */
export function fillLinkTemplate(
  pattern: LinkPattern,
  values: ReadonlyMap<string, string>,
  baseUrl: string,
  warn: (msg: string) => void = console.warn,
): ResolvedLink | null {
  let missing = false;
  const url = pattern.url.replace(PLACEHOLDER, (_, name: string) => {
    const v = values.get(name.trim());
    if (v === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(v);
  });
  const text = pattern.text.replace(PLACEHOLDER, (_, name: string) => values.get(name.trim()) ?? '');
  if (missing) return null;
  if (!isSafeLink(url, baseUrl)) {
    warn(`Skein refused a link pattern that does not give an http(s) or relative URL: ${pattern.url}`);
    return null;
  }
  return { url, text };
}

/** True for http:, https: and relative URLs (which resolve to the app's own http(s) origin). */
export function isSafeLink(url: string, baseUrl: string): boolean {
  // Control characters and whitespace can hide a scheme from naive checks ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url, baseUrl);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:';
}

/** What a span offers to link patterns: its attributes by where they live, plus identity fields. */
export interface LinkableSpan {
  traceId: string;
  spanId: string;
  serviceName: string;
  name: string;
  attributes: readonly { key: string; value: unknown }[];
  resourceAttributes: readonly { key: string; value: unknown }[];
  events: readonly { attributes: readonly { key: string; value: unknown }[] }[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The links the configured patterns give for one span. A pattern with a `key` applies when the span
 * has that attribute where the pattern's type says (span attributes for tags/attributes, resource
 * attributes for process/resource, event attributes for logs/events); `traces` patterns always apply.
 */
export function linksForSpan(
  patterns: readonly LinkPattern[],
  span: LinkableSpan,
  baseUrl: string,
  warn: (msg: string) => void = console.warn,
): ResolvedLink[] {
  if (patterns.length === 0) return [];
  const values = new Map<string, string>([
    ['trace.id', span.traceId],
    ['traceID', span.traceId],
    ['span.id', span.spanId],
    ['spanID', span.spanId],
    ['service.name', span.serviceName],
    ['serviceName', span.serviceName],
    ['span.name', span.name],
    ['operationName', span.name],
  ]);
  const eventAttrs = span.events.flatMap((e) => e.attributes);
  // Later sources do not overwrite earlier ones: a span's own attribute wins over a resource's.
  for (const a of [...span.attributes, ...span.resourceAttributes, ...eventAttrs]) {
    if (!values.has(a.key)) values.set(a.key, text(a.value));
  }
  const has = (list: readonly { key: string }[], key: string) => list.some((a) => a.key === key);
  const out: ResolvedLink[] = [];
  for (const p of patterns) {
    if (p.key !== undefined) {
      const where =
        p.type === 'tags' || p.type === 'attributes'
          ? span.attributes
          : p.type === 'process' || p.type === 'resource'
            ? span.resourceAttributes
            : p.type === 'logs' || p.type === 'events'
              ? eventAttrs
              : null;
      if (where && !has(where, p.key)) continue;
    }
    const link = fillLinkTemplate(p, values, baseUrl, warn);
    if (link) out.push(link);
  }
  return out;
}
