import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Optional dev proxies so `npm start` can talk to real servers without CORS trouble:
//   JAEGER_URL=http://localhost:16686 TEMPO_URL=http://localhost:3200 npm start
// The app then reads backends from public/config.json-like runtime config served by the dev server.
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

// react-router publishes its production build (no development warnings) only under a path its
// package exports do not name, and its export conditions always pick the development one. The
// build aliases the production files by path; both entry points share their one core chunk.
const reactRouterProduction = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/production/${file}`, import.meta.url));

export default defineConfig(({ command }) => ({
  // Relative asset URLs: one build runs unchanged under any path prefix.
  base: './',
  plugins: [react(), tailwindcss()],
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
