// Starts scripts/mock-backends.mjs as a real process and talks to it over HTTP with the real
// backend adapters: the e2e tests rely on exactly this.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJaegerBackend } from '../src/api/jaeger/jaeger-backend';
import { MOCK_FAILURE_TRACE_IDS, MOCK_JAEGER_TRACE_IDS, MOCK_TEMPO_TRACE_IDS } from '../src/api/mocks/mock-traces';
import { createTempoBackend } from '../src/api/tempo/tempo-backend';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let child: ChildProcess;
let base = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['scripts/mock-backends.mjs', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`mock-backends did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`mock-backends exited with ${code}: ${out}`)));
  });
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('scripts/mock-backends.mjs', () => {
  it('serves Jaeger api_v3 and the v1-only scenario', async () => {
    const jaeger = createJaegerBackend({ id: 'j', name: 'J', url: `${base}/jaeger` });
    expect(await jaeger.getServices()).toEqual(['checkout', 'frontend', 'inventory', 'payments']);
    expect((await jaeger.getTrace(MOCK_JAEGER_TRACE_IDS.checkout)).trace.spans).toHaveLength(7);
    const legacy = createJaegerBackend({ id: 'l', name: 'L', url: `${base}/jaeger-legacy` });
    expect((await legacy.getTrace(MOCK_JAEGER_TRACE_IDS.products)).trace.format).toBe('jaeger-api-v1');
    expect(legacy.capabilities.apiV3).toBe(false);
  });

  it('serves Tempo, its failures and Prometheus', async () => {
    const tempo = createTempoBackend({
      id: 't',
      name: 'T',
      url: `${base}/tempo`,
      timeoutMs: 300,
      dependencies: { type: 'prometheus', url: `${base}/prometheus` },
    });
    expect((await tempo.getTrace(MOCK_TEMPO_TRACE_IDS.partial)).partialMessage).toMatch(/partial trace/);
    await expect(tempo.getTrace(MOCK_FAILURE_TRACE_IDS.hang)).rejects.toMatchObject({ kind: 'timeout' });
    await expect(tempo.getTrace(MOCK_FAILURE_TRACE_IDS.stall)).rejects.toMatchObject({ kind: 'timeout' });
    expect((await tempo.getDependencies({ startUs: 0, endUs: 3_600_000_000 })).links).toHaveLength(2);
    const down = createTempoBackend({ id: 'd', name: 'D', url: `${base}/tempo-down` });
    await expect(down.getServices()).rejects.toMatchObject({ kind: 'http', status: 500 });
  });

  it('exits 0 on SIGTERM, even with a hanging request open', async () => {
    const hanging = fetch(`${base}/jaeger/api/v3/traces/${MOCK_FAILURE_TRACE_IDS.hang}`).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await hanging).toBe('closed');
  });
});
