import { describe, expect, it } from 'vitest';
import { BackendError, type TraceBackend } from './backend';
import {
  backendIdFromParam,
  defaultBackendId,
  getBackend,
  lazyBackend,
  listBackends,
  registerBackendInstances,
  registerBackends,
} from './backend-registry';
import { shouldRetry, traceQuery } from './queries';

function fakeBackend(id: string, services: string[]): TraceBackend {
  return {
    id,
    type: 'demo',
    name: id.toUpperCase(),
    getServices: async () => services,
    getOperations: async () => [],
    searchTraces: async () => [],
    getTrace: async (traceId) => {
      throw new BackendError('not-found', id, `no ${traceId}`);
    },
    getDependencies: async () => ({ links: [], source: 'none' }),
  };
}

describe('backend registry', () => {
  it('always includes the file backend after the configured ones', () => {
    registerBackendInstances([fakeBackend('a', []), fakeBackend('b', [])], 'b');
    expect(listBackends().map((b) => b.id)).toEqual(['a', 'b', 'file']);
    expect(defaultBackendId()).toBe('b');
    expect(getBackend('file')?.type).toBe('file');
    expect(getBackend('nope')).toBeUndefined();
    expect(backendIdFromParam(null)).toBe('b');
    expect(backendIdFromParam('  a ')).toBe('a');
  });

  it('loads a lazy backend once, and again after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const backend = lazyBackend({ id: 'x', type: 'jaeger', name: 'X' }, async () => {
      loads++;
      if (fail) throw new Error('chunk failed');
      return fakeBackend('x', ['svc']);
    });
    expect(backend.name).toBe('X');
    await expect(backend.getServices()).rejects.toThrow('chunk failed');
    fail = false;
    expect(await backend.getServices()).toEqual(['svc']);
    expect(await backend.getServices()).toEqual(['svc']);
    expect(loads).toBe(2);
  });
});

describe('queries', () => {
  it('never retries permanent errors, retries transient ones twice', () => {
    expect(shouldRetry(0, new BackendError('not-found', 'J', 'x'))).toBe(false);
    expect(shouldRetry(0, new BackendError('http', 'J', 'x', 400))).toBe(false);
    expect(shouldRetry(0, new BackendError('http', 'J', 'x', 503))).toBe(true);
    expect(shouldRetry(0, new BackendError('http', 'J', 'x', 429))).toBe(true);
    expect(shouldRetry(0, new BackendError('timeout', 'J', 'x'))).toBe(false); // the user already waited the whole timeout
    expect(shouldRetry(1, new BackendError('network', 'J', 'x'))).toBe(true);
    expect(shouldRetry(2, new BackendError('network', 'J', 'x'))).toBe(false);
  });

  it('keys traces by backend and never refetches them', async () => {
    registerBackendInstances([fakeBackend('a', [])]);
    const options = traceQuery('a', 'abc');
    expect(options.queryKey).toEqual(['backend', 'a', 'trace', 'abc']);
    expect(options.staleTime).toBe(Infinity);
    const unknown = traceQuery('zzz', 'abc');
    const queryFn = unknown.queryFn as (ctx: { signal: AbortSignal }) => Promise<unknown>;
    await expect(queryFn({ signal: new AbortController().signal })).rejects.toThrow(/no backend with the id "zzz"/);
  });
});

describe('optional backend capabilities', () => {
  it('forwards tag autocomplete and build info for Tempo only', () => {
    registerBackends([
      { id: 'j', type: 'jaeger', name: 'J', url: 'http://127.0.0.1:1/' },
      { id: 't', type: 'tempo', name: 'T', url: 'http://127.0.0.1:1/' },
    ]);
    expect(typeof getBackend('t')?.getTagNames).toBe('function');
    expect(typeof getBackend('t')?.getTagValues).toBe('function');
    expect(typeof getBackend('t')?.getBuildInfo).toBe('function');
    expect(getBackend('j')?.getTagNames).toBeUndefined();
  });
});
