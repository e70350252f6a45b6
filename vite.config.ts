import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Optional dev proxies so `npm start` can talk to real servers without CORS trouble:
//   JAEGER_URL=http://localhost:16686 TEMPO_URL=http://localhost:3200 npm start
// The dev server then also answers config.json with those backends (unless public/config.json exists).
const proxy: Record<string, { target: string; changeOrigin: boolean; rewrite: (p: string) => string }> = {};
if (process.env.JAEGER_URL) {
  proxy['/api/jaeger'] = {
    target: process.env.JAEGER_URL,
    changeOrigin: true,
    rewrite: (p) => p.replace(/^\/api\/jaeger/, ''),
  };
}
if (process.env.TEMPO_URL) {
  proxy['/api/tempo'] = {
    target: process.env.TEMPO_URL,
    changeOrigin: true,
    rewrite: (p) => p.replace(/^\/api\/tempo/, ''),
  };
}

/** Serves a config.json naming the proxied backends, so `JAEGER_URL=… npm start` needs no file. */
function devConfigFromEnv(): Plugin {
  const backends = [
    ...(process.env.JAEGER_URL ? [{ id: 'jaeger', type: 'jaeger', name: `Jaeger (${process.env.JAEGER_URL})`, url: 'api/jaeger' }] : []),
    ...(process.env.TEMPO_URL ? [{ id: 'tempo', type: 'tempo', name: `Tempo (${process.env.TEMPO_URL})`, url: 'api/tempo' }] : []),
  ];
  return {
    name: 'skein-dev-config-from-env',
    apply: 'serve',
    configureServer(server) {
      if (backends.length === 0 || existsSync(fileURLToPath(new URL('./public/config.json', import.meta.url)))) return;
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/config.json') return next();
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(JSON.stringify({ backends, defaultBackend: backends[0]!.id, linkPatterns: [] }));
      });
    },
  };
}

/**
 * The entry script runs as soon as it has arrived (`async`), not after the document is parsed:
 * its first job, starting a trace link's load, needs no DOM (src/main.ts waits for it later).
 */
function asyncEntryScript(): Plugin {
  return {
    name: 'skein-async-entry-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const entry = /<script type="module" crossorigin src=/;
        if (!entry.test(html)) throw new Error('skein-async-entry-script: no entry script in index.html');
        return html.replace(entry, '<script type="module" async crossorigin src=');
      },
    },
  };
}

// react-router publishes its production build (no development warnings) only under a path its
// package exports do not name, and its export conditions always pick the development one. The
// build aliases the production files by path; both entry points share their one core chunk.
const reactRouterProduction = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/production/${file}`, import.meta.url));

export default defineConfig(({ command }) => ({
  // Relative asset URLs: one build runs unchanged under any path prefix.
  base: './',
  plugins: [react(), tailwindcss(), devConfigFromEnv(), asyncEntryScript()],
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: reactRouterProduction('index.mjs') },
            { find: /^react-router\/dom$/, replacement: reactRouterProduction('dom-export.mjs') },
          ]
        : [],
  },
  worker: { format: 'es' },
  server: { port: 5173, proxy },
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
}));
