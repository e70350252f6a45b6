// A small static server for the built app, used by the end-to-end tests.
//   node scripts/serve-dist.mjs --port 4400 [--prefix /tools/tracing/] [--config path/to/config.json]
//                               [--proxy /api/jaeger=http://127.0.0.1:4319/jaeger ...]
// Serves dist/ under the prefix with an index.html fallback for deep links (as a proxy would),
// and forwards proxied paths to another local server. Loopback only.
import http from 'node:http';
import { resolve } from 'node:path';
import { createStaticHandler } from './static-handler.mjs';

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}
const port = Number(opt('port', '4400'));
const prefix = opt('prefix', '/');
const proxies = [];
args.forEach((a, i) => {
  if (a !== '--proxy') return;
  const [from, to] = args[i + 1].split('=');
  proxies.push({ from: `${prefix.replace(/\/$/, '')}/${from.replace(/^\//, '')}`, to: new URL(to) });
});
const handler = createStaticHandler({ root: resolve(opt('dir', 'dist')), prefix, configPath: opt('config', null) });

function proxy(req, res, target, rest) {
  const url = new URL(target.pathname.replace(/\/$/, '') + rest, target);
  const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy error: ${e.message}`);
  });
  req.pipe(upstream);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  for (const p of proxies) {
    if (url.pathname === p.from || url.pathname.startsWith(`${p.from}/`)) {
      return proxy(req, res, p.to, url.pathname.slice(p.from.length) + url.search);
    }
  }
  return handler(req, res);
});
server.listen(port, '127.0.0.1', () => console.log(`serving dist at http://127.0.0.1:${port}${prefix}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
