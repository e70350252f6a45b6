// The React half of start-up, loaded by src/main.ts: the router and every page. It is its own
// chunk so that a trace link's load (and its first rows, src/app/boot-trace-preview.ts) do not
// wait for React and the app's code to arrive and run.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import type { QueryClient } from '@tanstack/react-query';
import type { ConfigError } from '../api/app-config';
import { AppProviders } from './providers';
import { createAppRouter } from './router';

export interface StartedBoot {
  container: HTMLElement;
  basename: string;
  queryClient: QueryClient;
  linkPatterns: readonly unknown[];
  /**
   * Called once the page has left the location it was opened on: `path` (pathname and search,
   * read when the page started), also when that happened before the router was made.
   */
  onLeaveFirstLocation?: { path: string; onLeave: () => void };
}

export async function startApp(boot: StartedBoot): Promise<void> {
  // The pattern reader loads only when config.json has patterns (trace pages share its chunk), and
  // before the first render, so a trace opened by a link already shows them.
  if (boot.linkPatterns.length > 0) {
    try {
      const { registerLinkPatterns } = await import('../api/link-pattern-registry');
      registerLinkPatterns(boot.linkPatterns);
    } catch (error) {
      console.warn('Skein: could not load the link pattern reader; traces show no configured links.', error);
    }
  }
  const router = createAppRouter(boot.basename);
  if (boot.onLeaveFirstLocation !== undefined) {
    const { path, onLeave } = boot.onLeaveFirstLocation;
    // The document's location, not the router's (which lacks the base path). History may have
    // moved on while this code was loading: then the router starts elsewhere, and never leaves.
    const here = (): string => `${location.pathname}${location.search}`;
    if (here() !== path) onLeave();
    else {
      const unsubscribe = router.subscribe(() => {
        if (here() === path) return;
        unsubscribe();
        onLeave();
      });
    }
  }
  createRoot(boot.container).render(
    <StrictMode>
      <AppProviders queryClient={boot.queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

/** A broken config.json: an explanation instead of the app (never a blank page). */
export async function showConfigError(container: HTMLElement, error: ConfigError): Promise<void> {
  let page: ReactNode;
  try {
    const { ConfigErrorPage } = await import('./config-error-page');
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
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
