// Serves a built dist/ folder under a path prefix with the index.html fallback a reverse proxy gives
// deep links. Shared by scripts/serve-dist.mjs (e2e tests) and bench/run.mjs.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const CONTENT_TYPES = {
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

async function sendFile(res, path) {
  const body = await readFile(path);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * @param {{ root: string, prefix?: string, configPath?: string | null }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createStaticHandler({ root, prefix = '/', configPath = null }) {
  if (!prefix.startsWith('/')) prefix = `/${prefix}`;
  if (!prefix.endsWith('/')) prefix = `${prefix}/`;
  return async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(prefix) && url.pathname !== prefix.slice(0, -1)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not under the prefix');
      }
      if (url.pathname === prefix.slice(0, -1)) {
        // The prefix without its slash: relative URLs would resolve against its parent (as nginx.conf.template does).
        res.writeHead(301, { location: `${prefix}${url.search}` });
        return res.end();
      }
      const rel = url.pathname.slice(prefix.length);
      if (rel === 'config.json' && configPath) return await sendFile(res, configPath);
      const file = normalize(join(root, decodeURIComponent(rel)));
      if (file.startsWith(root)) {
        const s = await stat(file).catch(() => null);
        if (s?.isFile()) return await sendFile(res, file);
      }
      // A missing asset (a known file type, or anything under assets/) is a real 404; anything else is
      // a route of the app, including routes with dots such as Jaeger UI's /trace/A...B.
      if (rel.startsWith('assets/') || CONTENT_TYPES[extname(rel)] !== undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      return await sendFile(res, join(root, 'index.html'));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  };
}
