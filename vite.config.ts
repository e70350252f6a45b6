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
 * Modules src/main.ts imports at once on a trace or comparison link, to load the trace (through
 * prepareTraceLoading in src/app/early-trace-load.ts). scripts/early-chunks.test.ts checks that
 * these lists name what that code imports.
 */
export const TRACE_LOAD_MODULES = ['src/api/http/trace-decoding.ts', 'src/api/jaeger/jaeger-backend.ts', 'src/api/tempo/tempo-backend.ts'];
/** …and on a trace link that opens the waterfall, to draw its first rows before React. */
export const FIRST_VIEW_MODULES = ['src/app/boot-trace-preview.ts'];

/**
 * index.html's inline script sets <base> from the URL, so a build runs under any path prefix. A
 * static <script src="./assets/…"> would be fetched by the browser's preload scanner before that
 * script has run, at a URL relative to the page (`/prefix/trace/assets/…`: a wasted request
 * answered with index.html), and the code a trace link needs next would wait for the entry to run.
 * So the build removes the entry and stylesheet tags and names the files in <meta name="skein-boot">,
 * and the inline script asks for them once <base> is set: the entry and stylesheet on every page,
 * and on a trace or comparison link the chunks that load the trace (and draw its first rows) as
 * well, as <link rel="modulepreload">.
 */
function bootFilesMeta(): Plugin {
  return {
    name: 'skein-boot-files-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        const bundle = context.bundle;
        if (bundle === undefined) throw new Error('skein-boot-files-meta: no bundle');
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (entry === undefined) throw new Error('skein-boot-files-meta: no entry chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        /** The chunks of these modules and every chunk they import, but not the entry. */
        const closure = (modules: string[], exclude: Set<string>): string[] => {
          const found = new Set<string>();
          const visit = (fileName: string): void => {
            if (fileName === entry.fileName || found.has(fileName) || exclude.has(fileName)) return;
            found.add(fileName);
            for (const imported of byFile.get(fileName)?.imports ?? []) visit(imported);
          };
          for (const module of modules) {
            const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/${module}`));
            if (chunk === undefined) throw new Error(`skein-boot-files-meta: ${module} is not a chunk of its own`);
            visit(chunk.fileName);
          }
          return [...found];
        };
        const load = closure(TRACE_LOAD_MODULES, new Set());
        const firstView = closure(FIRST_VIEW_MODULES, new Set(load));
        const styles = [...(entry.viteMetadata?.importedCss ?? [])];

        const entryTag = /\s*<script type="module"[^>]*src="[^"]*"><\/script>/;
        const styleTag = /\s*<link rel="stylesheet"[^>]*>/g;
        if (!entryTag.test(html)) throw new Error('skein-boot-files-meta: no entry script in index.html');
        const attribute = (name: string, files: string[]) => ` data-${name}="${files.join(' ')}"`;
        const meta =
          '<meta name="skein-boot"' +
          attribute('entry', [entry.fileName]) +
          attribute('styles', styles) +
          attribute('load', load) +
          attribute('first-view', firstView) +
          ' />';
        const charset = '<meta charset="utf-8" />';
        if (!html.includes(charset)) throw new Error('skein-boot-files-meta: no charset meta in index.html');
        return html.replace(entryTag, '').replace(styleTag, '').replace(charset, `${charset}\n    ${meta}`);
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
  plugins: [react(), tailwindcss(), devConfigFromEnv(), bootFilesMeta()],
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
  // terser rather than esbuild's minifier: 2.7 KB less gzip on the first screen (the bench's goal is
  // 150 KB and the app sat at 149.6), for about 15 s more build time.
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false }, minify: 'terser' },
}));
