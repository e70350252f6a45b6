// Runtime configuration: `config.json` beside index.html (DESIGN.md §4). One static build serves
// every deployment; without the file the app runs on the built-in demo backend.
// The checks are our own few lines rather than a schema library: this code is on the first screen's
// critical path, before the app can render anything, and config.json has only a handful of fields.
// (Measured: zod cost 5 KB gzip of first-screen JavaScript; valibot's object and record schemas
// accept arrays, which config.json must reject, so it would need custom checks on top anyway.)

export type ConfiguredBackendType = 'jaeger' | 'tempo' | 'demo';

export interface BackendConfig {
  id: string;
  type: ConfiguredBackendType;
  name: string;
  /** Absolute URL (resolved against the app's location). Absent only for the demo backend. */
  url?: string;
  timeoutMs?: number;
  /** Backend-specific dependency-graph options, passed through unchanged. */
  dependencies?: Record<string, unknown>;
}

export interface AppConfig {
  backends: BackendConfig[];
  defaultBackend: string;
  linkPatterns: unknown[];
  /** Where the config came from, shown in the UI: the file's URL, or null for the built-in demo. */
  sourceUrl: string | null;
}

export interface ConfigError {
  /** The URL of the config file that failed. */
  configUrl: string;
  /** One sentence: what is wrong. */
  summary: string;
  /** One line per problem, each starting with its JSON path (e.g. `backends[1].url: …`). */
  problems: string[];
  /** What to do about it. */
  hint: string;
}

export type ConfigLoadResult = { ok: true; config: AppConfig } | { ok: false; error: ConfigError };

/** IDs the app itself uses; a configured backend may not take them. */
export const RESERVED_BACKEND_IDS = ['file'] as const;

export const DEMO_CONFIG: AppConfig = {
  backends: [{ id: 'demo', type: 'demo', name: 'Demo' }],
  defaultBackend: 'demo',
  linkPatterns: [],
  sourceUrl: null,
};

type JsonType = 'string' | 'number' | 'object' | 'array';
type JsonObject = Record<string, unknown>;

const BACKEND_TYPES: readonly ConfiguredBackendType[] = ['jaeger', 'tempo', 'demo'];

/** The type names the messages use: `array`, `null` and `Infinity`, not JavaScript's `object` or `number`. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // JSON.parse turns 1e400 into Infinity.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, expected: JsonType): boolean {
  if (expected === 'array') return Array.isArray(value);
  if (expected === 'object') return isJsonObject(value);
  if (expected === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === expected;
}

/**
 * Collects `path: message` lines. `value` checks a field's type and reports a mismatch as
 * `Invalid input: expected string, received number`; a missing required field is `received undefined`.
 */
class ShapeCheck {
  readonly problems: string[] = [];

  report(path: readonly PropertyKey[], message: string): void {
    this.problems.push(`${formatIssuePath(path)}: ${message}`);
  }

  value(value: unknown, expected: JsonType, path: readonly PropertyKey[], optional = false): boolean {
    if (optional && value === undefined) return false;
    if (hasType(value, expected)) return true;
    this.report(path, `Invalid input: expected ${expected}, received ${typeName(value)}`);
    return false;
  }

  nonEmptyString(value: unknown, path: readonly PropertyKey[]): void {
    if (this.value(value, 'string', path) && value === '') this.report(path, 'must not be empty');
  }
}

interface BackendShape {
  id: string;
  type: ConfiguredBackendType;
  name: string;
  url?: string;
  timeoutMs?: number;
  dependencies?: JsonObject;
}

interface ConfigShape {
  backends: BackendShape[];
  defaultBackend?: string;
  linkPatterns?: unknown[];
}

/** The fields of one backend entry, in the order the messages list them. Unknown keys are ignored. */
function checkBackend(entry: unknown, path: readonly PropertyKey[], check: ShapeCheck): void {
  if (!check.value(entry, 'object', path)) return;
  const e = entry as JsonObject;
  check.nonEmptyString(e.id, [...path, 'id']);
  if (!(BACKEND_TYPES as readonly unknown[]).includes(e.type)) {
    check.report([...path, 'type'], `Invalid option: expected one of ${BACKEND_TYPES.map((t) => `"${t}"`).join('|')}`);
  }
  check.nonEmptyString(e.name, [...path, 'name']);
  check.value(e.url, 'string', [...path, 'url'], true);
  if (check.value(e.timeoutMs, 'number', [...path, 'timeoutMs'], true) && (e.timeoutMs as number) <= 0) {
    check.report([...path, 'timeoutMs'], 'must be a positive number of milliseconds');
  }
  check.value(e.dependencies, 'object', [...path, 'dependencies'], true);
}

/** config.json's shape, or every shape problem found. */
function checkConfigShape(json: unknown): { ok: true; shape: ConfigShape } | { ok: false; problems: string[] } {
  const check = new ShapeCheck();
  if (!check.value(json, 'object', [])) return { ok: false, problems: check.problems };
  const config = json as JsonObject;
  if (check.value(config.backends, 'array', ['backends'])) {
    const backends = config.backends as unknown[];
    if (backends.length === 0) check.report(['backends'], 'must list at least one backend');
    backends.forEach((entry, index) => checkBackend(entry, ['backends', index], check));
  }
  check.value(config.defaultBackend, 'string', ['defaultBackend'], true);
  check.value(config.linkPatterns, 'array', ['linkPatterns'], true);
  if (check.problems.length > 0) return { ok: false, problems: check.problems };
  // Every field was checked above; this copies only the known ones.
  const backends = (config.backends as JsonObject[]).map((e): BackendShape => ({
    id: e.id as string,
    type: e.type as ConfiguredBackendType,
    name: e.name as string,
    ...(e.url !== undefined ? { url: e.url as string } : {}),
    ...(e.timeoutMs !== undefined ? { timeoutMs: e.timeoutMs as number } : {}),
    ...(e.dependencies !== undefined ? { dependencies: e.dependencies as JsonObject } : {}),
  }));
  return {
    ok: true,
    shape: {
      backends,
      ...(config.defaultBackend !== undefined ? { defaultBackend: config.defaultBackend as string } : {}),
      ...(config.linkPatterns !== undefined ? { linkPatterns: config.linkPatterns as unknown[] } : {}),
    },
  };
}

/** `backends[1].url` from a path of keys and indexes. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/** A relative `dependencies.url` (e.g. a Prometheus API behind the same proxy) resolves like `url`. */
function resolveDependencyUrl(
  dependencies: Record<string, unknown>,
  baseUri: string,
  at: string,
  problems: string[],
): Record<string, unknown> {
  const copy = { ...dependencies };
  if (typeof copy.url === 'string') {
    try {
      copy.url = new URL(copy.url.trim(), baseUri).href;
    } catch {
      problems.push(`${at}.dependencies.url: "${copy.url}" is not a valid URL`);
    }
  }
  return copy;
}

/** Duplicate and reserved ids, and a default that is not listed: checked on the raw JSON. */
function crossEntryProblems(json: unknown): string[] {
  const problems: string[] = [];
  if (typeof json !== 'object' || json === null || !('backends' in json) || !Array.isArray(json.backends)) return problems;
  const seen = new Map<string, number>();
  json.backends.forEach((entry: unknown, index: number) => {
    const id = typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string' ? entry.id : null;
    if (id === null) return;
    const at = `backends[${index}]`;
    const firstIndex = seen.get(id);
    if (firstIndex !== undefined) {
      problems.push(`${at}.id: duplicate id "${id}" (also used by backends[${firstIndex}]); every id must be unique`);
    } else {
      seen.set(id, index);
    }
    if ((RESERVED_BACKEND_IDS as readonly string[]).includes(id)) {
      problems.push(`${at}.id: "${id}" is reserved for traces opened from files; choose another id`);
    }
  });
  const defaultBackend = 'defaultBackend' in json ? json.defaultBackend : undefined;
  if (typeof defaultBackend === 'string' && !seen.has(defaultBackend)) {
    const ids = [...seen.keys()].map((id) => `"${id}"`).join(', ');
    problems.push(`defaultBackend: "${defaultBackend}" is not the id of a listed backend (ids: ${ids})`);
  }
  return problems;
}

/**
 * Checks a parsed config.json and resolves relative backend URLs against `baseUri`.
 * Returns every problem found, not only the first, so one edit can fix them all.
 */
export function validateAppConfig(
  json: unknown,
  baseUri: string,
  sourceUrl: string | null = null,
): { ok: true; config: AppConfig } | { ok: false; problems: string[] } {
  const parsed = checkConfigShape(json);
  // Cross-entry checks run even when the shape is wrong, so one look at the page lists everything.
  const problems = crossEntryProblems(json);
  if (!parsed.ok) return { ok: false, problems: [...parsed.problems, ...problems] };
  const backends: BackendConfig[] = [];
  parsed.shape.backends.forEach((entry, index) => {
    const at = `backends[${index}]`;
    let url: string | undefined;
    if (entry.url !== undefined && entry.url.trim() !== '') {
      try {
        url = new URL(entry.url.trim(), baseUri).href;
      } catch {
        problems.push(`${at}.url: "${entry.url}" is not a valid URL`);
      }
    } else if (entry.type !== 'demo') {
      problems.push(`${at}.url: required for a ${entry.type} backend (e.g. "api/${entry.type}")`);
    }
    backends.push({
      id: entry.id,
      type: entry.type,
      name: entry.name,
      ...(url !== undefined ? { url } : {}),
      ...(entry.timeoutMs !== undefined ? { timeoutMs: entry.timeoutMs } : {}),
      ...(entry.dependencies !== undefined ? { dependencies: resolveDependencyUrl(entry.dependencies, baseUri, at, problems) } : {}),
    });
  });
  const defaultBackend = parsed.shape.defaultBackend ?? backends[0]?.id ?? '';
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: { backends, defaultBackend, linkPatterns: parsed.shape.linkPatterns ?? [], sourceUrl },
  };
}

// Points at what a user of the build has: the README's Deploy section (its step 3 documents
// config.json). DESIGN.md is not shipped with Skein, so it is never cited to users.
const CONFIG_FIX_HINT =
  'Correct config.json beside index.html: it must be a JSON object whose "backends" list names at least one backend, each with an id, a type and a name (step 3 of the Deploy section of Skein\'s README describes every field). Or remove the file to run on the built-in demo backend. Then reload the page.';

/** Loads and validates config.json relative to `baseUri` (the document's base URL). */
/**
 * A fetch whose first call answers with `early` (a request started before this code ran, such as
 * index.html's for config.json) and later calls fetch for real.
 */
export function fetchOnceFrom(early: Promise<Response> | undefined, fetchFn: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  let pending = early;
  return (input, init) => {
    const response = pending ?? fetchFn(input, init);
    pending = undefined;
    return response;
  };
}

export async function loadAppConfig(
  baseUri: string,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<ConfigLoadResult> {
  const configUrl = new URL('config.json', baseUri).href;
  const fail = (summary: string, problems: string[] = [], hint = CONFIG_FIX_HINT): ConfigLoadResult => ({
    ok: false,
    error: { configUrl, summary, problems, hint },
  });

  let response: Response;
  try {
    response = await fetchFn(configUrl, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (error) {
    return fail(
      `Could not fetch the configuration file ${configUrl}: ${error instanceof Error ? error.message : String(error)}.`,
      [],
      'Check that the server is reachable, then reload the page.',
    );
  }
  if (response.status === 404) return { ok: true, config: DEMO_CONFIG };
  if (!response.ok) {
    return fail(
      `The server answered HTTP ${response.status} for the configuration file ${configUrl}.`,
      [],
      'Make the server serve config.json (or answer 404 when there is none, to run on the demo backend), then reload the page.',
    );
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  // A single-page-app fallback answers every unknown path with index.html: that means "no config file".
  if (contentType.includes('text/html') && text.trimStart().startsWith('<')) {
    console.warn(`Skein: ${configUrl} returned HTML (an SPA fallback?); running on the demo backend.`);
    return { ok: true, config: DEMO_CONFIG };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`The configuration file ${configUrl} is not valid JSON.`, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  const result = validateAppConfig(json, baseUri, configUrl);
  if (!result.ok) {
    const count = result.problems.length;
    return fail(`The configuration file ${configUrl} has ${count} ${count === 1 ? 'problem' : 'problems'}.`, result.problems);
  }
  return result;
}
