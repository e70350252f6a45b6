// A small static server for the built app, used by the end-to-end tests and the benchmark.
//   node scripts/serve-dist.mjs --port 4400 [--prefix /tools/tracing/] [--config path/to/config.json]
//                               [--proxy /api/jaeger=http://127.0.0.1:4319/jaeger ...]
// Serves dist/ under the prefix with an index.html fallback for deep links (as a proxy would),
// and forwards proxied paths to another local server. Loopback only.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}
function opts(name) {
  const out = [];
  args.forEach((a, i) => a === `--${name}` && out.push(args[i + 1]));
  return out;
}

const port = Number(opt('port', '4400'));
let prefix = opt('prefix', '/');
if (!prefix.startsWith('/')) prefix = `/${prefix}`;
if (!prefix.endsWith('/')) prefix = `${prefix}/`;
const root = resolve(opt('dir', 'dist'));
const configPath = opt('config', null);
const proxies = opts('proxy').map((p) => {
  const [from, to] = p.split('=');
  return { from, to: new URL(to) };
});

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

async function sendFile(res, path, status = 200) {
  const body = await readFile(path);
  res.writeHead(status, {
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function proxy(req, res, target, rest) {
  const url = new URL(target.pathname.replace(/\/$/, '') + rest, target);
  const upstream = http.request(
    url,
    { method: req.method, headers: { ...req.headers, host: url.host } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy error: ${e.message}`);
  });
  req.pipe(upstream);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix) && url.pathname !== prefix.slice(0, -1)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not under the prefix');
    }
    const rel = url.pathname === prefix.slice(0, -1) ? '' : url.pathname.slice(prefix.length);
    for (const p of proxies) {
      const from = p.from.replace(/^\//, '');
      if (rel === from || rel.startsWith(`${from}/`)) {
        return proxy(req, res, p.to, rel.slice(from.length) + url.search);
      }
    }
    if (rel === 'config.json') {
      if (configPath) return await sendFile(res, configPath);
    }
    const file = normalize(join(root, decodeURIComponent(rel)));
    if (file.startsWith(root)) {
      const s = await stat(file).catch(() => null);
      if (s?.isFile()) return await sendFile(res, file);
    }
    // Files with an extension that do not exist are real 404s; anything else is a route.
    if (extname(rel) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    return await sendFile(res, join(root, 'index.html'));
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
