// The waterfall's collapse state as the URL parameter `fold=` (DESIGN.md §3: every view is a link).
//
// A list of every collapsed span would not do: "Collapse all" on a big trace closes thousands of
// rows. So the parameter is a rule plus the spans that break it:
//
//   fold = <base> [ "_" <id> ( "." <id> )* ]
//   base   ""     no span collapsed by the rule
//          "all"  every span with children collapsed ("d0" is read the same way)
//          "d<N>" spans with children at depth ≥ N collapsed: depth as in columns.depth (roots are
//                 0; aria-level is depth + 1). "− level" and "+ level" produce exactly these.
//   id     a span whose state is the opposite of the base's (an exception), in DFS order.
//
//   fold=all                                       everything closed
//   fold=d2                                        the first two levels open
//   fold=d2_a1b2c3d4e5f6a7b8.0011223344556677      …but these two spans the other way round
//   fold=_a1b2c3d4e5f6a7b8                         only this span closed
//
// The encoder picks the base with the fewest exceptions (ties: none, then all, then the lowest
// depth). Span IDs, not row indices, so a link still means the same spans when the trace has
// gained spans since. Only spans with children can be collapsed: IDs that are not in the trace or
// name a leaf are ignored. Duplicate IDs (broken traces): an ID in the list applies to every span
// with that ID, and the encoder lists an ID when any of its copies differs from the base, so after
// a round trip every copy of it has the non-base state.
//
// Every character is one URLSearchParams writes as it is ([0-9A-Za-z_.*-]), so the address bar
// shows the parameter verbatim: within an ID, any other character (including "_" and ".") is
// written as "*" and two hex digits per UTF-8 byte. Hex span IDs never need that.
//
// Too long: with more than MAX_FOLD_EXCEPTIONS IDs the encoder gives up (null) and the caller
// leaves the parameter out. A reload then shows everything expanded, which is better than a URL of
// kilobytes that servers, chat tools and browsers may cut. It gives up the same way when an
// exception has an ID that cannot be written (see canBeNamed).
//
// Both directions are O(spans) with no per-span allocation beyond the result: the decoder looks
// each span up in a set of the (few) listed IDs rather than building a map of every span ID.

import type { SpanColumns } from '../model/types';

/** The most exception IDs written into a URL; beyond that the parameter is left out. */
export const MAX_FOLD_EXCEPTIONS = 40;

/** What the codec needs of the spans: their IDs by span index (Trace.spans fits). */
export type SpanIdList = ArrayLike<{ readonly spanId: string }>;

const EXCEPTIONS_MARK = '_';
export const ID_SEPARATOR = '.';
/** Characters an ID token may hold once escaped. */
const ESCAPED_ID = /^[0-9A-Za-z*-]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `fold=` for a collapsed set: "" when nothing is collapsed (leave the parameter out), null when
 * the state would need more than MAX_FOLD_EXCEPTIONS IDs (leave it out too: see the file comment).
 * `collapsed` is read only for spans with children.
 */
export function encodeCollapseParam(columns: SpanColumns, spans: SpanIdList, collapsed: Uint8Array): string | null {
  const { childCount, depth } = columns;
  const n = childCount.length;
  let maxDepth = -1;
  for (let i = 0; i < n; i++) if ((childCount[i] ?? 0) > 0) maxDepth = Math.max(maxDepth, depth[i] ?? 0);
  if (maxDepth < 0) return '';

  // Per depth, among spans with children: how many are collapsed and how many open.
  const levels = maxDepth + 1;
  const closedAt = new Int32Array(levels);
  const openAt = new Int32Array(levels);
  for (let i = 0; i < n; i++) {
    if ((childCount[i] ?? 0) === 0) continue;
    const counts = collapsed[i] ? closedAt : openAt;
    const d = depth[i] ?? 0;
    counts[d] = (counts[d] ?? 0) + 1;
  }

  // Base N collapses depth ≥ N (N = 0: all; N = levels: none). Its exceptions are the collapsed
  // spans above N and the open ones at or below it, so going from N to N + 1 swaps level N's role.
  let exceptions = 0;
  for (let d = 0; d < levels; d++) exceptions += openAt[d] ?? 0;
  let base = 0;
  let fewest = exceptions;
  for (let candidate = 1; candidate <= levels; candidate++) {
    exceptions += (closedAt[candidate - 1] ?? 0) - (openAt[candidate - 1] ?? 0);
    // Ties go to the plainest form: none (the last candidate, so it may tie), then all, then by depth.
    if (exceptions < fewest || (candidate === levels && exceptions === fewest)) {
      base = candidate;
      fewest = exceptions;
    }
  }

  const baseText = base === levels ? '' : base === 0 ? 'all' : `d${base}`;
  if (fewest === 0) return baseText;
  const ids: string[] = [];
  const listed = new Set<string>();
  for (let i = 0; i < n; i++) {
    if ((childCount[i] ?? 0) === 0) continue;
    const byBase = (depth[i] ?? 0) >= base;
    if (Boolean(collapsed[i]) === byBase) continue;
    const id = spans[i]?.spanId ?? '';
    if (!canBeNamed(id)) return null;
    if (listed.has(id)) continue;
    listed.add(id);
    if (listed.size > MAX_FOLD_EXCEPTIONS) return null;
    ids.push(escapeId(id));
  }
  return `${baseText}${EXCEPTIONS_MARK}${ids.join(ID_SEPARATOR)}`;
}

/**
 * Whether an ID can be written and read back. Spans without an ID never have children (a child
 * cannot point at them); an ID with half a UTF-16 surrogate pair (possible in a hostile JSON
 * string) has no UTF-8 form.
 */
export function canBeNamed(id: string): boolean {
  return id !== '' && !LONE_SURROGATE.test(id);
}

/**
 * The collapsed set a `fold=` value describes, for this trace: one entry per span, 1 = collapsed,
 * set only on spans with children. A missing or unreadable base gives nothing collapsed (its
 * exceptions would mean the opposite under another base); unreadable or unknown IDs are skipped.
 */
export function decodeCollapseParam(columns: SpanColumns, spans: SpanIdList, param: string | null | undefined): Uint8Array {
  const { childCount, depth } = columns;
  const n = childCount.length;
  const collapsed = new Uint8Array(n);
  if (!param) return collapsed;
  const mark = param.indexOf(EXCEPTIONS_MARK);
  const fromDepth = parseBase(mark < 0 ? param : param.slice(0, mark));
  if (fromDepth === null) return collapsed;
  const exceptions = mark < 0 ? new Set<string>() : parseIds(param.slice(mark + 1));
  const checkIds = exceptions.size > 0;
  for (let i = 0; i < n; i++) {
    if ((childCount[i] ?? 0) === 0) continue;
    let closed = (depth[i] ?? 0) >= fromDepth;
    if (checkIds && exceptions.has(spans[i]?.spanId ?? '')) closed = !closed;
    if (closed) collapsed[i] = 1;
  }
  return collapsed;
}

/** The depth from which the base collapses: 0 = all, Infinity = none, null = unreadable. */
function parseBase(text: string): number | null {
  if (text === '') return Infinity;
  if (text === 'all') return 0;
  const match = /^d(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) : null;
}

/** The IDs of a "."-separated list of escaped IDs; unreadable tokens are skipped. */
export function parseIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const token of text.split(ID_SEPARATOR)) {
    const id = unescapeId(token);
    if (id !== null && id !== '') ids.add(id);
  }
  return ids;
}

/** Characters outside [0-9A-Za-z-] as *XX per UTF-8 byte (percent-encoding with another sign). */
export function escapeId(id: string): string {
  return encodeURIComponent(id)
    .replace(/[_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '*');
}

function unescapeId(token: string): string | null {
  if (!ESCAPED_ID.test(token)) return null;
  try {
    return decodeURIComponent(token.replace(/\*/g, '%'));
  } catch {
    return null; // a "*" without two hex digits, or bytes that are not UTF-8
  }
}
