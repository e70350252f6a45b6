// A module loaded on first need and kept: code that the first screen does not show (the results
// view, the TraceQL tools) stays out of the first download. Unlike React.lazy there is no Suspense
// boundary, whose fallback React keeps on screen for a minimum time even when the code is already
// there; here the component renders the moment both the code and its data have arrived.
import { useEffect, useState } from 'react';

export interface LazyModule<T> {
  /** Starts the download (once); resolves to the module. */
  load: () => Promise<T>;
  /**
   * The module when `enabled`, once loaded; null while loading and when not enabled. A failed
   * download is thrown during render, so the route's error page explains it.
   */
  useLoaded: (enabled: boolean) => T | null;
}

export function lazyModule<T>(importModule: () => Promise<T>): LazyModule<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;

  const load = (): Promise<T> => {
    loading ??= importModule().then(
      (module) => (loaded = module),
      (error: unknown) => {
        // A failed chunk download may succeed on the next try (e.g. after a network blip).
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  const useLoaded = (enabled: boolean): T | null => {
    const [module, setModule] = useState<T | null>(loaded);
    useEffect(() => {
      if (!enabled || module) return;
      let live = true;
      load().then(
        (next) => {
          if (live) setModule(() => next);
        },
        (error: unknown) => {
          if (live)
            setModule(() => {
              throw error;
            });
        },
      );
      return () => {
        live = false;
      };
    }, [enabled, module]);
    return enabled ? module : null;
  };

  return { load, useLoaded };
}
