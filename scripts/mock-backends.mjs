// Mock Jaeger, Tempo and Prometheus query APIs over real HTTP, for end-to-end tests and manual
// checks. It serves the SAME msw handlers as the unit tests (src/api/mocks), bundled on the fly
// with esbuild because Node cannot run the TypeScript sources.
//
//   node scripts/mock-backends.mjs [--port 4319]
//
// One port, loopback only (127.0.0.1), one mount per scenario:
//   /jaeger/*         Jaeger with api_v3 and v1       e.g. curl http://127.0.0.1:4319/jaeger/api/v3/services
//   /jaeger-legacy/*  Jaeger without api_v3 (v1 only)
//   /jaeger-down/*    Jaeger answering 500 everywhere
//   /tempo/*          Tempo 2.9 (with /api/v2)        e.g. curl 'http://127.0.0.1:4319/tempo/api/search?start=1767600000&end=1767700000'
//   /tempo-legacy/*   Tempo 2.4 (no /api/v2)
//   /tempo-down/*     Tempo answering 500 everywhere
//   /prometheus/*     Prometheus /api/v1/query with Tempo service-graph series
// Mock trace IDs and failure IDs: src/api/mocks/mock-traces.ts. GET /healthz answers "ok".
// Prints "mock-backends listening on http://127.0.0.1:<port>" when ready; exits 0 on SIGTERM/SIGINT
// (open connections, such as the never-ending "hang" responses, are closed first).

import http from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = Number(portIndex >= 0 ? args[portIndex + 1] : process.env.MOCK_BACKENDS_PORT ?? '4319');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`mock-backends: invalid --port ${String(args[portIndex + 1])}`);
  process.exit(2);
}

// Inside node_modules so that the bundle's bare imports (msw) resolve from the project.
const cacheDir = join(root, 'node_modules', '.cache', 'skein-mock-backends');
const bundlePath = join(cacheDir, `handlers-${process.pid}.mjs`);
mkdirSync(cacheDir, { recursive: true });
await build({
  entryPoints: [join(root, 'src/api/mocks/mock-server-entry.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outfile: bundlePath,
  logLevel: 'warning',
});
const { mockMounts, getResponse } = await import(pathToFileURL(bundlePath).href);
rmSync(bundlePath, { force: true });

const mounts = new Map(mockMounts().map((m) => [m.prefix, m]));

function sendText(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `127.0.0.1:${port}`}`);
  if (url.pathname === '/healthz') return sendText(res, 200, 'ok\n');
  const [, prefix = '', ...rest] = url.pathname.split('/');
  const mount = mounts.get(prefix);
  if (!mount) {
    const list = [...mounts.values()].map((m) => `  /${m.prefix}/  ${m.description}`).join('\n');
    return sendText(res, 404, `No mock backend at ${url.pathname}. Mounts:\n${list}\n`);
  }
  const innerUrl = new URL(`/${rest.join('/')}${url.search}`, url.origin);
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(innerUrl, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])),
    body: hasBody ? Readable.toWeb(req) : undefined,
    duplex: hasBody ? 'half' : undefined,
    signal: controller.signal,
  });
  const response = await getResponse(mount.handlers, request);
  if (!response) return sendText(res, 404, '404 page not found\n');
  const headers = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body || req.method === 'HEAD') return res.end();
  const body = Readable.fromWeb(response.body);
  body.on('error', () => res.destroy());
  body.pipe(res);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error('mock-backends: handler failed', error);
    if (!res.headersSent) sendText(res, 500, `mock handler failed: ${error instanceof Error ? error.message : String(error)}\n`);
    else res.destroy();
  });
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`mock-backends listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`mock-backends: ${signal}, shutting down`);
  server.close(() => process.exit(0));
  // Hanging and stalled mock responses never end by themselves.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
