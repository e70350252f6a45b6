// `npm run bench`: opens deterministic traces of 1k–1M spans in headless Chromium and prints a table,
// then times the search page with 1,500 results, the comparison of two 10k-span traces and the
// dependency graph of 1,200 services / 4,000 edges.
//   node bench/run.mjs [--sizes 1k,10k,100k,500k,1m] [--runs 3] [--formats jaeger,otlp] [--port 4590]
//                      [--only traces,search,compare,graph] [--serve]
// --serve only starts the server and prints the trace URLs, for profiling by hand.
// Each size is served over local HTTP as Jaeger v1 JSON and as OTLP JSON (Jaeger API v3), streamed in chunks.
// For every run: a fresh browser profile; the floor (a bare page that fetches and JSON.parses the same body)
// is measured in the same run. Medians over runs are printed, and written to bench/out/results.{md,json}.
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';
import { createStaticHandler } from '../scripts/static-handler.mjs';
import { benchTraceId, jaegerChunks, otlpChunks, parseBenchTraceId } from './trace-body.mjs';
import { measureCompare, measureGraph, measureSearch } from './feature-metrics.mjs';
import { loadLayoutModules, runGraphLayoutBench } from './graph-layout-bench.mjs';
import { firstScreenScripts, measureFloor, measureNoAppRow, measureOpen } from './page-metrics.mjs';
import { gzipBytesOf } from './bundle-size.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const parseSize = (s) => Math.round(Number(s.replace(/[km]$/i, '')) * (/k$/i.test(s) ? 1e3 : /m$/i.test(s) ? 1e6 : 1));
const sizes = opt('sizes', '1k,10k,100k,500k,1m').split(',').map(parseSize);
const runs = Number(opt('runs', '3'));
const formats = opt('formats', 'jaeger,otlp').split(',');
const port = Number(opt('port', '4590'));
const only = new Set(opt('only', 'traces,search,compare,graph').split(','));

if (!existsSync('dist/index.html')) {
  console.error('bench: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}

// Bodies are generated once per size and format and kept as Buffers (a 1M-span body is ~0.9 GB).
const bodies = new Map();
function body(format, n, variant = 0) {
  const key = `${format}:${n}:${variant}`;
  if (!bodies.has(key)) {
    const gen = format === 'jaeger' ? jaegerChunks(n, variant) : otlpChunks(n, variant);
    const chunks = [];
    let bytes = 0;
    for (const c of gen) {
      const b = Buffer.from(c);
      chunks.push(b);
      bytes += b.length;
    }
    bodies.set(key, { chunks, bytes });
  }
  return bodies.get(key);
}

function sendJson(res, value) {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function sendBody(res, format, n, variant = 0) {
  const { chunks, bytes } = body(format, n, variant);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes), 'cache-control': 'no-store' });
  let i = 0;
  const pump = () => {
    while (i < chunks.length) {
      if (!res.write(chunks[i++])) return res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

const config = {
  backends: [
    { id: 'bench-v1', type: 'jaeger', name: 'Bench (Jaeger v1 JSON)', url: 'api/v1only', timeoutMs: 600_000 },
    { id: 'bench-v3', type: 'jaeger', name: 'Bench (OTLP via Jaeger v3)', url: 'api/v3', timeoutMs: 600_000 },
  ],
  defaultBackend: 'bench-v1',
};
/**
 * A page with no app: its inline script asks for the body named by `?body=`, takes the first
 * span name from the first chunk that arrives and shows it as one row, then stops reading. The
 * time from navigation to that row painted is what any viewer opened by a link needs at the
 * least on this machine (a new tab, its document, one request, one paint), before its own code.
 */
const NO_APP_ROW_PAGE = `<!doctype html><meta charset="utf-8"><title>no app</title><body><script>
(async () => {
  const response = await fetch(new URLSearchParams(location.search).get('body'), { cache: 'no-store' });
  const reader = response.body.getReader();
  const { value } = await reader.read();
  const name = /"(?:operationName|name)"\\s*:\\s*"([^"]*)"/.exec(new TextDecoder().decode(value));
  const row = document.createElement('div');
  row.setAttribute('role', 'row');
  row.textContent = name ? name[1] : '?';
  document.body.append(row);
  requestAnimationFrame(() => requestAnimationFrame(() => (window.__noAppRowMs = performance.now())));
  reader.cancel().catch(() => {});
})();
</script></body>`;
const staticHandler = createStaticHandler({ root: resolve('dist'), prefix: '/app/' });

// 1,500 search results (Jaeger UI's maximum), as Jaeger API v3 trace summaries inside the last hour.
const SEARCH_RESULTS = 1500;
function traceSummaries(nowMs) {
  const summaries = [];
  for (let i = 0; i < SEARCH_RESULTS; i++) {
    const startNs = BigInt(Math.round(nowMs - 3_500_000 + (i * 3_400_000) / SEARCH_RESULTS)) * 1_000_000n;
    const durationNs = BigInt(1_000_000 + ((i * 7919) % 997) * 1_000_000 + (i % 50 === 0 ? 2_000_000_000 : 0));
    const spanCount = 5 + ((i * 31) % 400);
    const errors = i % 13 === 0 ? 1 + (i % 3) : 0;
    summaries.push({
      traceId: (i + 1).toString(16).padStart(32, 'a'),
      rootServiceName: ['api-gateway', 'web', 'checkout'][i % 3],
      rootOperationName: ['GET /items', 'POST /checkout', 'GET /cart'][i % 3],
      minStartTimeUnixNano: String(startNs),
      maxEndTimeUnixNano: String(startNs + durationNs),
      spanCount,
      errorSpanCount: errors,
      orphanSpanCount: i % 97 === 0 ? 1 : 0,
      services: [
        { name: 'api-gateway', spanCount: Math.ceil(spanCount / 3), errorSpanCount: errors },
        { name: 'catalog', spanCount: Math.floor((2 * spanCount) / 3), errorSpanCount: 0 },
      ],
    });
  }
  return { summaries };
}

// 1,200 services and 4,000 edges with cycles, for /api/dependencies.
const graphModules = only.has('graph') ? await loadLayoutModules() : null;
const graphLinks = graphModules
  ? graphModules.generateDependencyLinks({ services: 1200, edges: 4000, seed: 42 }).map(({ parent, child, callCount }) => ({ parent, child, callCount }))
  : [];

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const p = url.pathname;
  if (p === '/app/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify(config));
  }
  if (p === '/floor.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><title>floor</title><body></body>');
  }
  if (p === '/no-app-row.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end(NO_APP_ROW_PAGE);
  }
  let m = p.match(/^\/(?:app\/)?api\/v1only\/api\/traces\/([0-9a-f]+)$/);
  let id = m && parseBenchTraceId(m[1]);
  if (id) return sendBody(res, 'jaeger', id.spanCount, id.variant);
  m = p.match(/^\/(?:app\/)?api\/v3\/api\/v3\/traces\/([0-9a-f]+)$/);
  id = m && parseBenchTraceId(m[1]);
  if (id) return sendBody(res, 'otlp', id.spanCount, id.variant);
  if (p === '/app/api/v3/api/v3/services') return sendJson(res, { services: ['api-gateway', 'catalog'] });
  if (p === '/app/api/v3/api/v3/operations') return sendJson(res, { operations: [{ name: 'GET /items', spanKind: 'server' }] });
  if (p === '/app/api/v3/api/v3/trace-summaries') return sendJson(res, traceSummaries(Date.now()));
  if (p === '/app/api/v1only/api/dependencies') return sendJson(res, { data: graphLinks, total: 0, limit: 0, offset: 0, errors: null });
  if (p.startsWith('/app/api/')) {
    // Endpoints the bench does not serve: the v1-only backend has no API v3 (as on an old Jaeger).
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('404 page not found');
  }
  return staticHandler(req, res);
});
await new Promise((r) => server.listen(port, '127.0.0.1', r));
const origin = `http://127.0.0.1:${port}`;
if (args.includes('--serve')) {
  // Only serve the app and the bench traces, for profiling by hand (Ctrl-C to stop).
  for (const n of sizes) {
    console.log(`${n} spans: ${origin}/app/trace/${benchTraceId(n)}?backend=bench-v1 (Jaeger) · ?backend=bench-v3 (OTLP)`);
  }
  await new Promise(() => {});
}

const executablePath = findChromium();
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

const rows = [];
for (const format of only.has('traces') ? formats : []) {
  for (const n of sizes) {
    const traceId = benchTraceId(n);
    const bodyUrl = format === 'jaeger' ? `/app/api/v1only/api/traces/${traceId}` : `/app/api/v3/api/v3/traces/${traceId}`;
    const { bytes } = body(format, n);
    const nRuns = n >= 500_000 ? 1 : runs;
    const samples = [];
    for (let r = 0; r < nRuns; r++) {
      const profile = mkdtempSync(join(tmpdir(), 'skein-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        viewport: { width: 1440, height: 900 },
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
      });
      try {
        const floor = await measureFloor(context, `${origin}/floor.html`, `${origin}${bodyUrl}`);
        const backend = format === 'jaeger' ? 'bench-v1' : 'bench-v3';
        const open = await measureOpen(context, `${origin}/app/trace/${traceId}?backend=${backend}`, n);
        // After the app, so that the app is measured as before (the second page of a fresh profile).
        const noAppRow = await measureNoAppRow(context, `${origin}/no-app-row.html?body=${encodeURIComponent(bodyUrl)}`);
        samples.push({ floor, noAppRow, ...open });
        process.stderr.write(`bench ${format} ${n} run ${r + 1}/${nRuns}: ${JSON.stringify({ floor, noAppRow, ...open })}\n`);
      } catch (e) {
        samples.push({ error: String(e instanceof Error ? e.message : e).split('\n')[0] });
        process.stderr.write(`bench ${format} ${n} run ${r + 1}/${nRuns} failed: ${e}\n`);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    const pick = (k) => median(samples.map((s) => s[k]));
    const floorMs = pick('floor');
    const firstRowMs = pick('firstRowMs');
    rows.push({
      format,
      spans: n,
      mb: bytes / 1e6,
      runs: nRuns,
      floorMs,
      firstRowMs,
      ratio: floorMs && firstRowMs ? firstRowMs / floorMs : null,
      noAppRowMs: pick('noAppRow'),
      noAppRatio: floorMs && pick('noAppRow') ? pick('noAppRow') / floorMs : null,
      allRowsMs: pick('allRowsMs'),
      allRowsRatio: floorMs && pick('allRowsMs') ? pick('allRowsMs') / floorMs : null,
      longestTaskMs: pick('longestTaskMs'),
      heapMb: pick('heapMb'),
      workerPeakHeapMb: pick('workerPeakHeapMb'),
      workerHeapMb: pick('workerHeapMb'),
      dragP95Ms: pick('dragP95Ms'),
      dragBlankFrames: pick('dragBlankFrames'),
      scrollWorstMs: pick('scrollWorstMs'),
      collapseAllMs: pick('collapseAllMs'),
      expandAllMs: pick('expandAllMs'),
      findMs: pick('findMs'),
      errors: samples.filter((s) => s.error).map((s) => s.error),
    });
  }
}

// Search, compare and dependency graph: medians over runs, each run in a fresh profile.
async function inFreshProfile(fn) {
  const profile = mkdtempSync(join(tmpdir(), 'skein-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    return await fn(context);
  } catch (e) {
    return { error: String(e instanceof Error ? e.message : e).split('\n')[0] };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
const features = [];
async function feature(name, goal, fn) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const s = await inFreshProfile(fn);
    process.stderr.write(`bench ${name} run ${r + 1}/${runs}: ${JSON.stringify(s)}\n`);
    samples.push(s);
  }
  features.push({
    name,
    goal,
    readyMs: median(samples.map((s) => s.readyMs)),
    diffMs: median(samples.map((s) => s.diffMs)),
    longestTaskMs: median(samples.map((s) => s.longestTaskMs)),
    errors: samples.filter((s) => s.error).map((s) => s.error),
  });
}
if (only.has('search')) {
  await feature('search: 1,500 results listed and plotted, after the response', '≤ 300 ms, no task > 100 ms', (c) =>
    measureSearch(c, `${origin}/app/search?backend=bench-v3&lookback=1h&limit=1500`, SEARCH_RESULTS),
  );
}
if (only.has('compare')) {
  const a = benchTraceId(10_000, 0);
  const b = benchTraceId(10_000, 1);
  await feature('compare: two 10k-span traces, navigation → table', '≤ 1 s, no task > 100 ms', (c) =>
    measureCompare(c, `${origin}/app/compare/${a}/${b}?backend=bench-v1`),
  );
}
let layout = null;
if (only.has('graph')) {
  await feature('dependencies: 1,200 services / 4,000 edges, navigation → drawn', '≤ 2 s, no task > 100 ms', (c) =>
    measureGraph(c, `${origin}/app/dependencies?backend=bench-v1&lookback=1h`),
  );
  layout = await runGraphLayoutBench({ services: 1200, edges: 4000, runs: 3, seed: 42 });
}

// The first screen's JavaScript: what the search page (the start page) loads, gzip-compressed.
const jsContext = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const jsPaths = await firstScreenScripts(await jsContext.newContext(), `${origin}/app/search`);
await jsContext.close();
const jsGzip = gzipBytesOf(resolve('dist'), '/app/', jsPaths);
await new Promise((r) => server.close(r));
const fmt = (v, d = 0) => (v === null || v === undefined ? '—' : Number(v).toFixed(d));
const lines = [
  `First route JavaScript (gzip): ${(jsGzip / 1024).toFixed(1)} KB (goal ≤ 150 KB)`,
  '',
  '| format | spans | body MB | runs | floor ms | first row ms | first row / floor | no-app row ms | no-app row / floor | whole trace ms | whole / floor | longest task ms | heap MB | worker heap MB: peak / after | drag p95 ms | blank frames | scroll worst ms | collapse all ms | expand all ms | find ms |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.format} | ${r.spans.toLocaleString('en-US')} | ${fmt(r.mb, 1)} | ${r.runs} | ${fmt(r.floorMs)} | ${fmt(r.firstRowMs)} | ${fmt(r.ratio, 2)} | ${fmt(r.noAppRowMs)} | ${fmt(r.noAppRatio, 2)} | ${fmt(r.allRowsMs)} | ${fmt(r.allRowsRatio, 2)} | ${fmt(r.longestTaskMs)} | ${fmt(r.heapMb, 1)} | ${fmt(r.workerPeakHeapMb, 0)} / ${fmt(r.workerHeapMb, 1)} | ${fmt(r.dragP95Ms, 1)} | ${fmt(r.dragBlankFrames)} | ${fmt(r.scrollWorstMs, 1)} | ${fmt(r.collapseAllMs)} | ${fmt(r.expandAllMs)} | ${fmt(r.findMs)} |` +
      (r.errors.length ? ` failed: ${r.errors[0]}` : ''),
  ),
];
if (features.length) {
  lines.push('', '| page | goal | median ms | longest task ms |', '|---|---|---:|---:|');
  for (const f of features) {
    const extra = f.diffMs === null || f.diffMs === undefined ? '' : ` (of which ${fmt(f.diffMs)} from both traces loaded to the table)`;
    lines.push(`| ${f.name} | ${f.goal} | ${fmt(f.readyMs)}${extra} | ${fmt(f.longestTaskMs)} |` + (f.errors.length ? ` failed: ${f.errors[0]}` : ''));
  }
}
if (layout) lines.push('', `Graph layout in Node (1,200 services / 4,000 edges): ${JSON.stringify(layout)}`);
console.log(lines.join('\n'));
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/results.md', `${lines.join('\n')}\n`);
writeFileSync('bench/out/results.json', JSON.stringify({ jsGzip, rows, features, layout }, null, 2));
