// Entry: read config.json, register the backends, then start the router. A broken config shows
// an explanation instead of the app (never a blank page).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './index.css';
import { loadAppConfig } from './api/app-config';
import { registerBackends } from './api/backend-registry';
import { registerLinkPatterns } from './api/link-pattern-registry';
import { ConfigErrorPage } from './app/config-error-page';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { routerBasename } from './app/app-base';
import { applyInitialTheme } from './app/theme';

async function start(): Promise<void> {
  applyInitialTheme();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  const baseUri = document.baseURI;
  const result = await loadAppConfig(baseUri);
  if (!result.ok) {
    root.render(
      <StrictMode>
        <ConfigErrorPage error={result.error} />
      </StrictMode>,
    );
    return;
  }
  registerBackends(result.config.backends, result.config.defaultBackend);
  registerLinkPatterns(result.config.linkPatterns);
  const router = createAppRouter(routerBasename(baseUri));
  root.render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
