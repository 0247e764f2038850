import type { QueryClient } from '@tanstack/react-query';
import { fetchSession, SESSION_KEY } from './auth';
import { appQueryClient } from './query-client';

/**
 * A route's loader: starts the page's data as soon as the session is known, while the browser
 * still loads the page's code, instead of once the page has rendered. It does not wait for the
 * answer (the page shows its own loading state); without a session it asks for nothing.
 */
export function prefetchWhenLoggedIn(start: (client: QueryClient) => Promise<unknown>): null {
  const client = appQueryClient();
  if (!client) return null;
  client
    .ensureQueryData({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity })
    .then((session) => (session && !session.user.mustChangePassword ? start(client) : undefined))
    .catch(() => undefined);
  return null;
}
