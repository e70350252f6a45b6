// Entry: the little that must run before anything else. It colours the page, reads config.json
// and registers the backends, then hands over to React (src/app/start-app.tsx, its own chunk).
//
// React and the app's pages are ~140 KB of gzip JavaScript, which a slow machine needs a few
// hundred milliseconds to fetch and run. A page opened on a trace link (the usual way into a
// trace) does not wait for them: its load starts here, as soon as config.json names the
// backend, and its first rows are drawn without React while the app's code arrives
// (src/app/boot-trace-preview.ts). React's own page replaces them.
import './index.css';
import { fetchOnceFrom, loadAppConfig } from './api/app-config';
import { registerBackends } from './api/backend-registry';
import { routerBasename } from './app/app-base';
import { compareLinkOf, prepareTraceLoading, startEarlyTraceLoad, traceLinkOf } from './app/early-trace-load';
import { isEmbedRequested } from './app/embed-mode';
import { applyInitialTheme } from './app/initial-theme';
import { createQueryClient } from './app/query-client';
import { htmlElement } from './lib/dom-element';

declare global {
  interface Window {
    /** config.json, requested by index.html's inline script while this code was still loading. */
    __skeinConfig?: Promise<Response>;
  }
}

/** The fetch for config.json: index.html's early request when there is one (taken once). */
function configFetch(): typeof fetch {
  const early = window.__skeinConfig;
  window.__skeinConfig = undefined;
  return fetchOnceFrom(early);
}

async function start(): Promise<void> {
  // Where the page was opened (the first view belongs to it, even if history moves on before React runs).
  const firstPath = `${location.pathname}${location.search}`;
  applyInitialTheme();
  const baseUri = document.baseURI;
  const basename = routerBasename(baseUri);
  const traceLink = traceLinkOf(location.pathname, location.search, basename);
  // A comparison link loads its two traces early too (its page has no first view: React at once).
  const compareLinks = traceLink === null ? compareLinkOf(location.pathname, location.search, basename) : null;
  if (traceLink !== null || compareLinks !== null) prepareTraceLoading(compareLinks?.length ?? 1);
  // The rows drawn before React (only trace links need that code; asked for after the trace-load
  // worker and the backends' code, which the load itself waits for).
  const bootPreview = traceLink?.timeline === true ? import('./app/boot-trace-preview').catch(() => null) : null;
  // Every other page needs React at once: its code downloads while config.json is read.
  const earlyApp = traceLink === null ? import('./app/start-app') : null;
  earlyApp?.catch(() => undefined); // (a failure is reported below, where it is awaited)
  // (The comparison page's code too: the router would ask for it only once React has run.)
  if (compareLinks !== null) void import('./routes/compare-route').catch(() => undefined);
  const result = await loadAppConfig(baseUri, configFetch());
  if (!result.ok) {
    const container = await appRootElement();
    try {
      await (await (earlyApp ?? import('./app/start-app'))).showConfigError(container, result.error);
    } catch (error) {
      showStartFailure(container, error);
    }
    return;
  }
  registerBackends(result.config.backends, result.config.defaultBackend);
  const queryClient = createQueryClient();
  const early = traceLink === null ? null : startEarlyTraceLoad(queryClient, traceLink);
  for (const link of compareLinks ?? []) startEarlyTraceLoad(queryClient, link, { previews: false });
  const container = await appRootElement();
  const previewCode = early === null || bootPreview === null ? null : await bootPreview;
  const embedded = isEmbedRequested(new URLSearchParams(location.search));
  const preview = early === null || !previewCode ? null : previewCode.startBootTracePreview({ ...early, appRoot: container, embedded });
  // React's code runs in tasks of tens of milliseconds, which would hold up the first rows: it
  // starts once they are drawn (or the load has ended), or when they are slow to come.
  if (preview !== null) {
    await Promise.race([preview.firstRows, delay(FIRST_ROWS_WAIT_MS)]);
    // …and once they are on screen: the frame that paints them comes first.
    if (preview.shown) await afterNextPaint();
  }
  const app = earlyApp ?? import('./app/start-app');
  // The trace page's code too, at the same time (the router asks for the same module later).
  if (traceLink !== null) void import('./routes/trace-route').catch(() => undefined);
  let appModule: Awaited<typeof app>;
  try {
    appModule = await app;
  } catch (error) {
    preview?.dismiss();
    showStartFailure(container, error);
    return;
  }
  // Evaluating the app's code was one task; drawing it is the next (each stays short).
  await delay(0);
  await appModule.startApp({
    container,
    basename,
    queryClient,
    linkPatterns: result.config.linkPatterns,
    ...(preview !== null ? { onLeaveFirstLocation: { path: firstPath, onLeave: () => preview.dismiss() } } : {}),
  });
}

/**
 * #root, once the document has been parsed that far (this script is `async`: it may run before)
 * and its stylesheet has loaded: index.html's script inserts it with `blocking="render"`, which
 * browsers other than Chromium ignore, so nothing is drawn into the page before it applies.
 */
async function appRootElement(): Promise<HTMLElement> {
  if (document.readyState === 'loading') {
    await new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  }
  await stylesheetsLoaded();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  return container;
}

/**
 * The page's stylesheets that are still loading. One that failed before this looked has no sheet
 * and fires no more events, so the wait is bounded: the page still works without its styles.
 */
function stylesheetsLoaded(): Promise<unknown> {
  const pending = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => link.sheet === null);
  if (pending.length === 0) return Promise.resolve();
  const loads = pending.map(
    (link) =>
      new Promise<void>((resolve) => {
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
      }),
  );
  return Promise.race([Promise.all(loads), delay(STYLESHEET_WAIT_MS)]);
}

/** How long the first drawing waits for a stylesheet that has not loaded (nor failed, as far as it can tell). */
const STYLESHEET_WAIT_MS = 3000;

/** How long React's start waits for a trace link's first rows (a slow backend: the app shows progress). */
const FIRST_ROWS_WAIT_MS = 400;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After the frame that paints what is in the DOM now, and the start of the one after it: React's
 * code (one task of tens of milliseconds) then cannot hold back the frame that shows the rows.
 */
const afterNextPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** The app's own code did not arrive (the network dropped, or a deploy replaced its files). */
function showStartFailure(container: HTMLElement, error: unknown): void {
  const box = htmlElement(
    document,
    'main',
    'm-6 max-w-2xl space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100',
  );
  box.setAttribute('role', 'alert');
  const title = htmlElement(document, 'h1', 'text-base font-semibold', 'Skein could not load its code');
  const text = htmlElement(document, 'p', '', `${error instanceof Error ? error.message : String(error)}. Check the connection, then reload the page.`);
  box.append(title, text);
  container.replaceChildren(box);
}

void start();
