import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, fetchOnceFrom, formatIssuePath, loadAppConfig, validateAppConfig } from './app-config';

const BASE = 'https://example.org/tracing/';

function fakeFetch(status: number, body: string, contentType = 'application/json'): typeof fetch {
  return async () => new Response(status === 404 ? 'not found' : body, { status, headers: { 'content-type': contentType } });
}

describe('validateAppConfig', () => {
  it('accepts the DESIGN.md example and resolves relative URLs against the base', () => {
    const result = validateAppConfig(
      {
        backends: [
          { id: 'jaeger', type: 'jaeger', name: 'Jaeger (prod)', url: 'api/jaeger', timeoutMs: 5000 },
          { id: 'tempo', type: 'tempo', name: 'Tempo', url: '/abs/tempo', dependencies: { type: 'prometheus', url: 'prom', extra: 1 } },
          { id: 'demo', type: 'demo', name: 'Demo' },
        ],
        defaultBackend: 'tempo',
        linkPatterns: [{ type: 'tags', key: 'x' }],
      },
      BASE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.backends.map((b) => b.url)).toEqual([
      'https://example.org/tracing/api/jaeger',
      'https://example.org/abs/tempo',
      undefined,
    ]);
    expect(result.config.backends[0]?.timeoutMs).toBe(5000);
    expect(result.config.backends[1]?.dependencies).toEqual({ type: 'prometheus', url: 'https://example.org/tracing/prom', extra: 1 });
    expect(result.config.defaultBackend).toBe('tempo');
    expect(result.config.linkPatterns).toHaveLength(1);
  });

  it('defaults to the first backend', () => {
    const result = validateAppConfig({ backends: [{ id: 'j', type: 'jaeger', name: 'J', url: 'http://j:16686' }] }, BASE);
    expect(result.ok && result.config.defaultBackend).toBe('j');
  });

  it('names the path of an unknown type and a missing name', () => {
    const result = validateAppConfig({ backends: [{ id: 'x', type: 'zipkin', url: 'u' }] }, BASE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((p) => p.startsWith('backends[0].type:') && p.includes('"jaeger"'))).toBe(true);
    expect(result.problems.some((p) => p.startsWith('backends[0].name:'))).toBe(true);
  });

  it('reports duplicate ids, a missing url, a reserved id and an unknown default together', () => {
    const result = validateAppConfig(
      {
        backends: [
          { id: 'a', type: 'jaeger', name: 'A', url: 'api/a' },
          { id: 'a', type: 'tempo', name: 'A2' },
          { id: 'file', type: 'demo', name: 'F' },
        ],
        defaultBackend: 'zzz',
      },
      BASE,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'backends[1].id: duplicate id "a" (also used by backends[0]); every id must be unique',
      'backends[2].id: "file" is reserved for traces opened from files; choose another id',
      'defaultBackend: "zzz" is not the id of a listed backend (ids: "a", "file")',
      'backends[1].url: required for a tempo backend (e.g. "api/tempo")',
    ]);
  });

  it('lists shape problems and cross-entry problems together', () => {
    const result = validateAppConfig(
      { backends: [{ id: 'x', type: 'zipkin', name: 'X' }, { id: 'x', type: 'tempo', name: 'T' }], defaultBackend: 'nope' },
      BASE,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'backends[0].type: Invalid option: expected one of "jaeger"|"tempo"|"demo"',
      'backends[1].id: duplicate id "x" (also used by backends[0]); every id must be unique',
      'defaultBackend: "nope" is not the id of a listed backend (ids: "x")',
    ]);
  });

  it('rejects a non-object and an empty list', () => {
    const notObject = validateAppConfig([1, 2], BASE);
    expect(notObject.ok).toBe(false);
    const empty = validateAppConfig({ backends: [] }, BASE);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]).toMatch(/^backends: must list at least one backend/);
  });

  it('says what type each wrong or missing field should have', () => {
    const result = validateAppConfig(
      {
        backends: [
          { type: 'demo' },
          { id: 7, type: 'jaeger', name: 'J', url: 3, timeoutMs: '5000', dependencies: ['x'], unknownKey: true },
        ],
        defaultBackend: 1,
        linkPatterns: {},
      },
      BASE,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'backends[0].id: Invalid input: expected string, received undefined',
      'backends[0].name: Invalid input: expected string, received undefined',
      'backends[1].id: Invalid input: expected string, received number',
      'backends[1].url: Invalid input: expected string, received number',
      'backends[1].timeoutMs: Invalid input: expected number, received string',
      'backends[1].dependencies: Invalid input: expected object, received array',
      'defaultBackend: Invalid input: expected string, received number',
      'linkPatterns: Invalid input: expected array, received object',
    ]);
  });

  it('rejects arrays and null where objects belong, and a missing type and a non-positive timeout', () => {
    expect(validateAppConfig([1, 2], BASE)).toEqual({ ok: false, problems: ['(top level): Invalid input: expected object, received array'] });
    expect(validateAppConfig(null, BASE)).toEqual({ ok: false, problems: ['(top level): Invalid input: expected object, received null'] });
    expect(validateAppConfig({ backends: [[], { id: 'd', name: 'D', timeoutMs: 0 }] }, BASE)).toEqual({
      ok: false,
      problems: [
        'backends[0]: Invalid input: expected object, received array',
        'backends[1].type: Invalid option: expected one of "jaeger"|"tempo"|"demo"',
        'backends[1].timeoutMs: must be a positive number of milliseconds',
      ],
    });
  });

  it('drops unknown keys and keeps the input unchanged', () => {
    const input = { backends: [{ id: 'd', type: 'demo', name: 'D', colour: 'red' }], extra: 1 };
    const before = JSON.stringify(input);
    const result = validateAppConfig(input, BASE);
    expect(result.ok && result.config.backends).toEqual([{ id: 'd', type: 'demo', name: 'D' }]);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('formats issue paths', () => {
    expect(formatIssuePath(['backends', 2, 'url'])).toBe('backends[2].url');
    expect(formatIssuePath([])).toBe('(top level)');
  });
});

describe('loadAppConfig', () => {
  it('falls back to the demo backend on 404', async () => {
    const result = await loadAppConfig(BASE, fakeFetch(404, ''));
    expect(result).toEqual({ ok: true, config: DEMO_CONFIG });
  });

  it('fetches config.json relative to the base URI without caching', async () => {
    let seenUrl = '';
    let seenCache: RequestCache | undefined;
    const fetchFn: typeof fetch = async (input, init) => {
      seenUrl = String(input);
      seenCache = init?.cache;
      return new Response('{"backends":[{"id":"d","type":"demo","name":"D"}]}', { status: 200 });
    };
    const result = await loadAppConfig('https://example.org/a/b/c/', fetchFn);
    expect(seenUrl).toBe('https://example.org/a/b/c/config.json');
    expect(seenCache).toBe('no-store');
    expect(result.ok && result.config.sourceUrl).toBe('https://example.org/a/b/c/config.json');
  });

  it("uses index.html's early request once; a failed early request gives the usual message", async () => {
    const calls: string[] = [];
    const real: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('{"backends":[{"id":"late","type":"demo","name":"Late"}]}', { status: 200 });
    };
    const early = Promise.resolve(new Response('{"backends":[{"id":"early","type":"demo","name":"Early"}]}', { status: 200 }));
    const fetchFn = fetchOnceFrom(early, real);
    const first = await loadAppConfig(BASE, fetchFn);
    expect(first.ok && first.config.backends.map((b) => b.id)).toEqual(['early']);
    expect(calls).toEqual([]);
    const second = await loadAppConfig(BASE, fetchFn);
    expect(second.ok && second.config.backends.map((b) => b.id)).toEqual(['late']);
    // Without an early request it is a plain fetch.
    await fetchOnceFrom(undefined, real)('x');
    expect(calls).toEqual([`${BASE}config.json`, 'x']);

    const broken = Promise.reject(new TypeError('Failed to fetch'));
    broken.catch(() => undefined);
    const failed = await loadAppConfig(BASE, fetchOnceFrom(broken, real));
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.summary).toMatch(/Could not fetch the configuration file .*Failed to fetch/);
  });

  it('treats an HTML SPA fallback as "no config"', async () => {
    const result = await loadAppConfig(BASE, fakeFetch(200, '<!doctype html><html></html>', 'text/html; charset=utf-8'));
    expect(result).toEqual({ ok: true, config: DEMO_CONFIG });
  });

  it('explains invalid JSON', async () => {
    const result = await loadAppConfig(BASE, fakeFetch(200, '{ backends: '));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.summary).toBe('The configuration file https://example.org/tracing/config.json is not valid JSON.');
    expect(result.error.problems).toHaveLength(1);
    expect(result.error.hint).toMatch(/Or remove the file to run on the built-in demo backend/);
  });

  it("points at the README users have, never at DESIGN.md (which is not shipped)", async () => {
    const result = await loadAppConfig(BASE, fakeFetch(200, '{"backends": 3}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.hint).toContain("step 3 of the Deploy section of Skein's README");
    expect(result.error.hint).toContain('must be a JSON object whose "backends" list names at least one backend');
    expect(result.error.hint).not.toMatch(/DESIGN/);
  });

  it('explains a wrong shape with paths', async () => {
    const result = await loadAppConfig(BASE, fakeFetch(200, '{"backends":[{"id":"t","type":"tempo","name":"T"}]}'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.summary).toMatch(/has 1 problem\.$/);
    expect(result.error.problems).toEqual(['backends[0].url: required for a tempo backend (e.g. "api/tempo")']);
  });

  it('reports server errors and network failures', async () => {
    const http = await loadAppConfig(BASE, fakeFetch(500, 'oops', 'text/plain'));
    expect(!http.ok && http.error.summary).toMatch(/HTTP 500/);
    const network = await loadAppConfig(BASE, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(!network.ok && network.error.summary).toMatch(/Failed to fetch/);
  });
});

describe('user-visible text', () => {
  // DESIGN.md lies outside the repository: code comments may cite it, messages users see may not.
  it('cites DESIGN.md only in comments and tests', () => {
    const srcDir = path.resolve(__dirname, '..');
    const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const cited: string[] = [];
    for (const file of files) {
      readFileSync(path.join(srcDir, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // The code before a line comment, on a line that does not continue a block comment.
          const code = /^\s*(\*|\/\*)/.test(line) ? '' : line.replace(/\/\/.*$/, '');
          if (code.includes('DESIGN.md')) cited.push(`${file}:${index + 1}`);
        });
    }
    expect(files.length).toBeGreaterThan(100);
    expect(cited).toEqual([]);
  });
});
