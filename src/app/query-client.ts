// The app's one QueryClient. Made by the first code that runs (src/main.ts), before React has
// loaded, so that a trace link's load can start in it at once (src/app/early-trace-load.ts).
import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../api/queries';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Traces and search results do not change when the tab regains focus.
        refetchOnWindowFocus: false,
      },
    },
  });
}
