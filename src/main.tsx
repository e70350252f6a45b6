// Entry: read config.json, register the backends, then start the router. A broken config shows
// an explanation instead of the app (never a blank page).
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './index.css';
import { fetchOnceFrom, loadAppConfig, type ConfigError } from './api/app-config';
import { registerBackends } from './api/backend-registry';
import { AppProviders, createQueryClient } from './app/providers';
import { startEarlyTraceLoad, traceLinkOf } from './app/early-trace-load';
import { createAppRouter } from './app/router';
import { routerBasename } from './app/app-base';
import { applyInitialTheme } from './app/theme';

/** The config error page is its own chunk: a working deployment never downloads it. */
async function showConfigError(root: Root, error: ConfigError): Promise<void> {
  let page: ReactNode;
  try {
    const { ConfigErrorPage } = await import('./app/config-error-page');
    page = <ConfigErrorPage error={error} />;
  } catch {
    // Its chunk did not load either (the network is down?): the same facts, unstyled.
    page = (
      <main role="alert">
        <h1>Skein cannot start</h1>
        <p>{error.summary}</p>
        <ul>
          {error.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <p>{error.hint}</p>
      </main>
    );
  }
  root.render(<StrictMode>{page}</StrictMode>);
}

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
  applyInitialTheme();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  const baseUri = document.baseURI;
  const basename = routerBasename(baseUri);
  const traceLink = traceLinkOf(location.pathname, location.search, basename);
  // Opened on a trace: fetch the trace page's code while config.json loads (the router asks for
  // the same module later and gets this one).
  if (traceLink !== null) void import('./routes/trace-route').catch(() => undefined);
  const result = await loadAppConfig(baseUri, configFetch());
  if (!result.ok) {
    await showConfigError(root, result.error);
    return;
  }
  registerBackends(result.config.backends, result.config.defaultBackend);
  // The pattern reader loads only when config.json has patterns (trace pages share its chunk), and
  // before the first render, so a trace opened by a link already shows them.
  if (result.config.linkPatterns.length > 0) {
    try {
      const { registerLinkPatterns } = await import('./api/link-pattern-registry');
      registerLinkPatterns(result.config.linkPatterns);
    } catch (error) {
      console.warn('Skein: could not load the link pattern reader; traces show no configured links.', error);
    }
  }
  const queryClient = createQueryClient();
  if (traceLink !== null) startEarlyTraceLoad(queryClient, traceLink);
  const router = createAppRouter(basename);
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
