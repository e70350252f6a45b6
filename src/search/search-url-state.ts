// The search page keeps its whole state in the URL (DESIGN.md §3), so a link, a reload and
// back/forward all repeat the same search. This module is the only place that knows the parameter
// names: URLSearchParams → state and back, plus Jaeger UI's spellings so old links keep working.
//
// Time windows: a submitted search always carries an absolute `start`/`end` (epoch µs, as Jaeger UI
// writes them) next to the `lookback` preset the user picked. The window is fixed when the form is
// submitted, so reload and back/forward show the same traces; pressing "Find traces" again moves it.

import { formatLogfmt, parseLogfmt, type LogfmtPair } from '../lib/logfmt';
import { countOf, formatCount } from '../lib/count-format';
import { parseTraceIdInput } from '../lib/parse-trace-id-input';

export const RESULT_SORTS = ['recent', 'longest', 'shortest', 'most-spans', 'most-errors'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];

export const RESULT_SORT_LABELS: Record<ResultSort, string> = {
  recent: 'Most recent',
  longest: 'Longest first',
  shortest: 'Shortest first',
  'most-spans': 'Most spans',
  'most-errors': 'Most errors',
};

export const PERCENTILE_KEYS = ['p50', 'p75', 'p90', 'p95', 'p99'] as const;
export type PercentileKey = (typeof PERCENTILE_KEYS)[number];
export const PERCENTILE_FRACTIONS: Record<PercentileKey, number> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 };

export const LOOKBACK_PRESETS: readonly { value: string; label: string }[] = [
  { value: '5m', label: 'Last 5 minutes' },
  { value: '15m', label: 'Last 15 minutes' },
  { value: '30m', label: 'Last 30 minutes' },
  { value: '1h', label: 'Last hour' },
  { value: '2h', label: 'Last 2 hours' },
  { value: '6h', label: 'Last 6 hours' },
  { value: '12h', label: 'Last 12 hours' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '2d', label: 'Last 2 days' },
  { value: '7d', label: 'Last 7 days' },
];
export const CUSTOM_LOOKBACK = 'custom';
export const DEFAULT_LOOKBACK = '1h';
export const DEFAULT_LIMIT = 20;
/** Jaeger UI's maximum; larger result sets make the page slow without helping anyone. */
export const MAX_LIMIT = 1500;

export interface SearchFormState {
  service: string;
  operation: string;
  /** logfmt, as typed. */
  tags: string;
  /** TraceQL (Tempo). When set, Tempo searches with it and ignores the other fields. */
  traceql: string;
  /** Duration text as typed (`1.2s`, `300ms`); validated before submit. */
  minDuration: string;
  maxDuration: string;
  /** A preset such as `1h`, or `custom` for the start/end below. */
  lookback: string;
  /** Absolute window, epoch µs; set on submit (or from a custom range). */
  startUs: number | null;
  endUs: number | null;
  limit: number;
}

/** A rectangle drawn on the scatter plot: start time (epoch µs) × duration (µs). */
export interface PlotBrush {
  startUsMin: number;
  startUsMax: number;
  durationUsMin: number;
  durationUsMax: number;
}

/** How the results are shown; changing these never refetches. */
export interface ResultViewState {
  sort: ResultSort;
  errorsOnly: boolean;
  slowerThan: PercentileKey | null;
  /** The plot's selection, which filters the list; a new search starts without one. */
  brush: PlotBrush | null;
}

export interface SearchUrlState {
  /** The `backend` parameter, or null for the default backend. */
  backend: string | null;
  form: SearchFormState;
  view: ResultViewState;
  /** True when the URL describes a search to run (not just an empty form). */
  submitted: boolean;
  /**
   * Jaeger UI's `traceID=a&traceID=b` (list exactly these traces), as written: trimmed, empty ones
   * left out, not yet checked (splitTraceIds does that, so bad ones can be named). Absent when none.
   */
  traceIds?: readonly string[];
  /**
   * The link's `limit` as written, when it could not be used (out of range or not a number; the
   * form has the limit used instead). Kept in the URL the page writes (a sort, the window a link
   * without one gets) so the note about it stays until a search from the form replaces it.
   */
  limitInLink?: string;
}

export const EMPTY_FORM: SearchFormState = {
  service: '',
  operation: '',
  tags: '',
  traceql: '',
  minDuration: '',
  maxDuration: '',
  lookback: DEFAULT_LOOKBACK,
  startUs: null,
  endUs: null,
  limit: DEFAULT_LIMIT,
};

export const DEFAULT_VIEW: ResultViewState = { sort: 'recent', errorsOnly: false, slowerThan: null, brush: null };

const LOOKBACK_RE = /^(\d+)(m|h|d|w)$/;
const UNIT_US: Record<string, number> = { m: 60e6, h: 3600e6, d: 86_400e6, w: 7 * 86_400e6 };

/** `1h` → 3.6e9 µs; null for `custom` or anything unknown. */
export function lookbackToUs(lookback: string): number | null {
  const match = LOOKBACK_RE.exec(lookback.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = UNIT_US[match[2] as string] as number;
  return amount > 0 ? amount * unit : null;
}

/** A readable label for a lookback, including ones Jaeger UI allows but we have no preset for. */
export function lookbackLabel(lookback: string): string {
  const preset = LOOKBACK_PRESETS.find((p) => p.value === lookback);
  if (preset) return preset.label;
  if (lookback === CUSTOM_LOOKBACK) return 'Custom range';
  const match = LOOKBACK_RE.exec(lookback);
  if (!match) return lookback;
  const names: Record<string, string> = { m: 'minute', h: 'hour', d: 'day', w: 'week' };
  const amount = Number(match[1]);
  const name = names[match[2] as string] as string;
  return `Last ${amount} ${name}${amount === 1 ? '' : 's'}`;
}

/** Epoch µs (or a duration in µs) from a URL parameter; Jaeger UI writes integers. */
function parseWholeUs(text: string | null): number | null {
  if (text === null || !/^\d{1,17}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Jaeger UI writes `tags` as a JSON map (`{"error":"true"}`), older links as logfmt; the v1 API
 * also knows repeated `tag=key:value`. Everything becomes one logfmt string.
 */
export function tagsFromParams(params: URLSearchParams): string {
  const pairs: LogfmtPair[] = [];
  let raw = '';
  for (const value of params.getAll('tags')) {
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('{')) {
      try {
        const map = JSON.parse(trimmed) as unknown;
        if (map && typeof map === 'object' && !Array.isArray(map)) {
          for (const [key, v] of Object.entries(map as Record<string, unknown>)) {
            pairs.push({ key, value: typeof v === 'string' ? v : JSON.stringify(v) });
          }
          continue;
        }
      } catch {
        // Not JSON after all: treat it as logfmt below, where the form can show what is wrong.
      }
    }
    const parsed = parseLogfmt(trimmed);
    if (parsed.errors.length > 0) {
      // Keep the user's text untouched so the form can point at the mistake.
      raw = raw ? `${raw} ${trimmed}` : trimmed;
    } else {
      pairs.push(...parsed.pairs);
    }
  }
  for (const value of params.getAll('tag')) {
    const colon = value.indexOf(':');
    if (colon > 0) pairs.push({ key: value.slice(0, colon), value: value.slice(colon + 1) });
  }
  const formatted = formatLogfmt(pairs);
  return [formatted, raw].filter((part) => part !== '').join(' ');
}

/**
 * `brush=<startUsMin>_<startUsMax>_<durationUsMin>_<durationUsMax>`: integer µs, rounded outwards so
 * the traces inside the dragged rectangle are still inside after a reload. `_` because URLSearchParams
 * writes it as is (a comma would become `%2C`). Null for a brush that could not be read back (not
 * finite, or reversed), so the URL never holds one that parses to nothing.
 */
export function formatPlotBrush(brush: PlotBrush): string | null {
  const values = [
    Math.floor(brush.startUsMin),
    Math.ceil(brush.startUsMax),
    Math.max(0, Math.floor(brush.durationUsMin)),
    Math.ceil(brush.durationUsMax),
  ];
  const text = values.join('_');
  return parsePlotBrush(text) ? text : null;
}

/**
 * The `brush` parameter; commas are read too (hand-written links). Anything but four ordered whole
 * numbers is no brush: a hand-edited link must not crash the page.
 */
export function parsePlotBrush(text: string | null): PlotBrush | null {
  if (text === null) return null;
  const values = text.split(/[_,]/).map(parseWholeUs);
  if (values.length !== 4 || values.some((value) => value === null)) return null;
  const [startUsMin, startUsMax, durationUsMin, durationUsMax] = values as [number, number, number, number];
  if (startUsMin > startUsMax || durationUsMin > durationUsMax) return null;
  return { startUsMin, startUsMax, durationUsMin, durationUsMax };
}

/** Why a link's `limit` could not be used as written. */
export type LimitParamIssue = 'too-high' | 'too-low' | 'not-a-number';

export interface ParsedLimit {
  /** The limit searched with: the link's, clamped to MAX_LIMIT, or DEFAULT_LIMIT. */
  limit: number;
  /** Set when the link's value was changed, so the page can say so instead of changing it silently. */
  issue: LimitParamIssue | null;
}

/**
 * The `limit` parameter. Above MAX_LIMIT it is clamped; below 1, or not a whole number, the default
 * is used. None (or an empty one) is the default too, and no issue.
 */
export function parseLimitParam(text: string | null): ParsedLimit {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return { limit: DEFAULT_LIMIT, issue: null };
  if (/^-\d+$/.test(trimmed)) return { limit: DEFAULT_LIMIT, issue: 'too-low' };
  if (!/^\d+$/.test(trimmed)) return { limit: DEFAULT_LIMIT, issue: 'not-a-number' };
  const value = Number(trimmed);
  if (value < 1) return { limit: DEFAULT_LIMIT, issue: 'too-low' };
  if (value > MAX_LIMIT) return { limit: MAX_LIMIT, issue: 'too-high' };
  return { limit: value, issue: null };
}

/** A link's value shown in a note: cut, so that a long one cannot fill the page. */
function quoted(text: string): string {
  const MAX_CHARS = 24;
  return `"${text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text}"`;
}

/**
 * What the page says about a `limit` it could not use as written (the text of the link), or null
 * when it could: "The link asked for 100,000 traces; the limit is 1,500."
 */
export function limitParamNote(text: string): string | null {
  const { issue } = parseLimitParam(text);
  const trimmed = text.trim();
  const value = Number(trimmed);
  switch (issue) {
    case null:
      return null;
    case 'too-high':
      return Number.isSafeInteger(value)
        ? `The link asked for ${countOf(value, 'trace')}; the limit is ${formatCount(MAX_LIMIT)}.`
        : `The link asked for more than ${countOf(MAX_LIMIT, 'trace')}; the limit is ${formatCount(MAX_LIMIT)}.`;
    case 'too-low':
      return `The link asked for ${Number.isSafeInteger(value) ? formatCount(value) : quoted(trimmed)} traces; at least 1 is needed, so the default of ${DEFAULT_LIMIT} is used.`;
    case 'not-a-number':
      return `The link's limit ${quoted(trimmed)} is not a whole number, so the default of ${DEFAULT_LIMIT} is used.`;
  }
}

const QUERY_PARAMS = ['service', 'operation', 'tags', 'tag', 'q', 'minDuration', 'maxDuration', 'lookback', 'start', 'end', 'limit'];

export function parseSearchParams(params: URLSearchParams): SearchUrlState {
  const text = (name: string) => params.get(name)?.trim() ?? '';
  let lookback = text('lookback');
  let startUs = parseWholeUs(params.get('start'));
  let endUs = parseWholeUs(params.get('end'));
  if (startUs !== null && endUs !== null && startUs >= endUs) {
    startUs = null;
    endUs = null;
  }
  if (startUs === null || endUs === null) {
    startUs = null;
    endUs = null;
  }
  if (lookback === CUSTOM_LOOKBACK) {
    if (startUs === null) lookback = DEFAULT_LOOKBACK;
  } else if (lookbackToUs(lookback) === null) {
    // A window without a known preset (or no lookback at all) is a custom range.
    lookback = startUs !== null ? CUSTOM_LOOKBACK : DEFAULT_LOOKBACK;
  }
  const sort = text('sort') as ResultSort;
  const slower = text('slower') as PercentileKey;
  const limitText = params.get('limit');
  const limit = parseLimitParam(limitText);
  const traceIds = params
    .getAll('traceID')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return {
    ...(traceIds.length > 0 ? { traceIds } : {}),
    ...(limit.issue !== null && limitText !== null ? { limitInLink: limitText.trim() } : {}),
    backend: text('backend') || null,
    form: {
      service: text('service'),
      operation: text('operation'),
      tags: tagsFromParams(params),
      traceql: params.get('q')?.trim() ?? '',
      minDuration: text('minDuration'),
      maxDuration: text('maxDuration'),
      lookback,
      startUs,
      endUs,
      limit: limit.limit,
    },
    view: {
      sort: RESULT_SORTS.includes(sort) ? sort : 'recent',
      errorsOnly: params.get('errors') === '1' || params.get('errors') === 'true',
      slowerThan: PERCENTILE_KEYS.includes(slower) ? slower : null,
      brush: parsePlotBrush(params.get('brush')),
    },
    submitted: QUERY_PARAMS.some((name) => params.has(name)),
  };
}

/** The canonical URL parameters for a state (stable order, empty fields left out). */
export function searchStateToParams(state: SearchUrlState): URLSearchParams {
  const params = new URLSearchParams();
  const { form, view } = state;
  if (state.backend) params.set('backend', state.backend);
  if (form.service) params.set('service', form.service);
  if (form.operation) params.set('operation', form.operation);
  if (form.tags.trim()) params.set('tags', form.tags.trim());
  if (form.traceql.trim()) params.set('q', form.traceql.trim());
  if (form.minDuration.trim()) params.set('minDuration', form.minDuration.trim());
  if (form.maxDuration.trim()) params.set('maxDuration', form.maxDuration.trim());
  if (state.submitted || form.lookback !== DEFAULT_LOOKBACK) params.set('lookback', form.lookback);
  if (form.startUs !== null && form.endUs !== null) {
    params.set('start', String(form.startUs));
    params.set('end', String(form.endUs));
  }
  if (state.limitInLink !== undefined) params.set('limit', state.limitInLink);
  else if (state.submitted || form.limit !== DEFAULT_LIMIT) params.set('limit', String(form.limit));
  if (view.sort !== 'recent') params.set('sort', view.sort);
  if (view.errorsOnly) params.set('errors', '1');
  if (view.slowerThan) params.set('slower', view.slowerThan);
  const brush = view.brush ? formatPlotBrush(view.brush) : null;
  if (brush) params.set('brush', brush);
  for (const id of state.traceIds ?? []) params.append('traceID', id);
  return params;
}

/**
 * The `traceID` list: `ids` are the hex IDs to fetch (lower case, each once), `invalid` the values
 * that are no trace ID at all, so the page can name them instead of dropping them.
 */
export function splitTraceIds(values: readonly string[]): { ids: string[]; invalid: string[] } {
  const ids = new Set<string>();
  const invalid = new Set<string>();
  for (const value of values) {
    const parsed = parseTraceIdInput(value);
    if (parsed.ok) ids.add(parsed.traceId);
    else invalid.add(value);
  }
  return { ids: [...ids], invalid: [...invalid] };
}

/**
 * The requested IDs that no found trace has. Backends pad IDs (`abc` comes back as
 * `0000000000000abc`), so leading zeros do not count.
 */
export function missingTraceIds(requested: readonly string[], foundIds: readonly string[]): string[] {
  const bare = (id: string) => id.toLowerCase().replace(/^0+(?=.)/, '');
  const found = new Set(foundIds.map(bare));
  return requested.filter((id) => !found.has(bare(id)));
}

/**
 * The form as it is submitted: a lookback preset becomes the absolute window ending now; a custom
 * range keeps its start and end.
 */
export function withSubmitWindow(form: SearchFormState, nowUs: number): SearchFormState {
  const spanUs = lookbackToUs(form.lookback);
  if (form.lookback !== CUSTOM_LOOKBACK && spanUs !== null) {
    const endUs = Math.floor(nowUs);
    return { ...form, startUs: endUs - spanUs, endUs };
  }
  if (form.startUs !== null && form.endUs !== null) return form;
  const endUs = Math.floor(nowUs);
  return { ...form, lookback: DEFAULT_LOOKBACK, startUs: endUs - (lookbackToUs(DEFAULT_LOOKBACK) as number), endUs };
}
