import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendError, type LoadedTrace, type TraceBackend } from '../api/backend';
import { registerBackendInstances } from '../api/backend-registry';
import { traceQuery } from '../api/queries';
import { traceLoadKey } from '../api/trace-load-progress';
import { compareLinkOf, forgetEarlyLoad, startEarlyTraceLoad, traceLinkOf, wasLoadedEarly } from './early-trace-load';

describe('traceLinkOf', () => {
  it.each([
    ['/trace/abc', '', '', { traceId: 'abc', backendParam: null, timeline: true }],
    ['/trace/abc/', '?backend=tempo&span=1', '', { traceId: 'abc', backendParam: 'tempo', timeline: true }],
    ['/trace/abc', '?view=timeline', '', { traceId: 'abc', backendParam: null, timeline: true }],
    ['/trace/abc', '?view=spans', '', { traceId: 'abc', backendParam: null, timeline: false }],
    ['/tools/tracing/trace/a%20b', '?backend=x', '/tools/tracing', { traceId: 'a b', backendParam: 'x', timeline: true }],
    ['/search', '', '', null],
    ['/trace/', '', '', null],
    ['/trace/a...b', '', '', null], // a Jaeger UI comparison link
    ['/trace/abc/extra', '', '', null],
    ['/trace/%E0%A4%A', '', '', null], // a broken escape
  ])('%s%s under "%s"', (pathname, search, basename, want) => {
    expect(traceLinkOf(pathname, search, basename)).toEqual(want);
  });
});

describe('compareLinkOf', () => {
  const side = (traceId: string, backendParam: string | null) => ({ traceId, backendParam, timeline: false });
  it.each([
    ['/compare/a/b', '', '', [side('a', null), side('b', null)]],
    ['/compare/a/b/', '?backend=j', '', [side('a', 'j'), side('b', 'j')]],
    ['/compare/a/b', '?backend=j&backendB=t', '', [side('a', 'j'), side('b', 't')]],
    ['/compare/a/b', '?backendA=t&view=graph', '', [side('a', 't'), side('b', null)]],
    ['/x/compare/a%20a/b', '', '/x', [side('a a', null), side('b', null)]],
    ['/compare/a', '', '', null], // the "Compare with…" form
    ['/compare', '', '', null],
    ['/compare/a/%E0%A4%A', '', '', null],
    ['/trace/a', '', '', null],
  ])('%s%s under "%s"', (pathname, search, basename, want) => {
    expect(compareLinkOf(pathname, search, basename)).toEqual(want);
  });
});

describe('startEarlyTraceLoad', () => {
  afterEach(() => registerBackendInstances([]));

  it('starts the same query the trace page uses, on the linked backend', async () => {
    const getTrace = vi.fn(async () => {
      throw new Error('not here');
    });
    registerBackendInstances([{ id: 'one', type: 'jaeger', name: 'One', getTrace } as unknown as TraceBackend], 'one');
    const client = new QueryClient();
    startEarlyTraceLoad(client, { traceId: 'abc', backendParam: null, timeline: true });
    expect(getTrace).toHaveBeenCalledWith('abc', expect.anything(), { previews: true });
    expect(client.getQueryState(traceQuery('one', 'abc').queryKey)?.fetchStatus).toBe('fetching');
    expect(wasLoadedEarly('one', 'abc')).toBe(true);
    expect(wasLoadedEarly('one', 'other')).toBe(false);
    // Once its page has gone, a later visit is an ordinary one.
    forgetEarlyLoad('one', 'other');
    expect(wasLoadedEarly('one', 'abc')).toBe(true);
    forgetEarlyLoad('one', 'abc');
    expect(wasLoadedEarly('one', 'abc')).toBe(false);
  });

  it('says where its progress is stored, and settles with the trace, or undefined when the load failed', async () => {
    const loaded = { trace: { spans: [] }, raw: undefined } as unknown as LoadedTrace;
    const getTrace = vi.fn(async (traceId: string) => {
      if (traceId === 'abc') return loaded;
      throw new BackendError('not-found', 'One', 'no such trace', 404);
    });
    registerBackendInstances([{ id: 'one', type: 'jaeger', name: 'One', getTrace } as unknown as TraceBackend], 'one');
    const client = new QueryClient();
    const found = startEarlyTraceLoad(client, { traceId: 'abc', backendParam: 'one', timeline: true });
    expect(found?.loadKey).toBe(traceLoadKey('one', 'abc'));
    await expect(found?.settled).resolves.toBe(loaded);
    const missing = startEarlyTraceLoad(client, { traceId: 'def', backendParam: null, timeline: true });
    await expect(missing?.settled).resolves.toBeUndefined();
  });

  it('remembers both traces of a comparison, each until its own page goes', () => {
    const getTrace = vi.fn(async () => {
      throw new Error('not here');
    });
    registerBackendInstances([{ id: 'one', type: 'jaeger', name: 'One', getTrace } as unknown as TraceBackend], 'one');
    const client = new QueryClient();
    for (const traceId of ['a', 'b']) startEarlyTraceLoad(client, { traceId, backendParam: null, timeline: false }, { previews: false });
    expect(getTrace).toHaveBeenCalledTimes(2);
    // A comparison draws no previews: its loads ask for none (the trace page's do).
    expect(getTrace).toHaveBeenCalledWith('a', expect.anything(), { previews: false });
    expect([wasLoadedEarly('one', 'a'), wasLoadedEarly('one', 'b')]).toEqual([true, true]);
    forgetEarlyLoad('one', 'a');
    expect([wasLoadedEarly('one', 'a'), wasLoadedEarly('one', 'b')]).toEqual([false, true]);
    forgetEarlyLoad('one', 'b');
  });

  it('does nothing for a backend that is not configured', () => {
    registerBackendInstances([], undefined);
    const client = new QueryClient();
    expect(startEarlyTraceLoad(client, { traceId: 'abc', backendParam: 'nope', timeline: true })).toBeNull();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
