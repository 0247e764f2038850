import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@web/ui/api';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not fix themselves by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

let appClient: QueryClient | undefined;

/** The app's one client (main.tsx), which the router's prefetches fill too. */
export function createAppQueryClient(): QueryClient {
  appClient = createQueryClient();
  return appClient;
}

/** Undefined where no app runs (tests render with a client of their own and prefetch nothing). */
export function appQueryClient(): QueryClient | undefined {
  return appClient;
}
