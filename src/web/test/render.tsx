import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, MemoryRouter, type RouteObject, RouterProvider } from 'react-router-dom';
import { useAuth } from '../app/auth';
import { Providers } from '../app/providers';
import { routes } from '../app/router';
import { loadScreenPop } from '../features/telephony/pop/CallCardsSlot';

/**
 * In the browser each route's code arrives with the route (and the router commits a navigation once
 * it is there). Here it is loaded once before any test runs, so that pages render and navigations
 * commit at once and each test's waiting time goes to what it tests, not to loading modules.
 */
async function loadedRoutes(list: RouteObject[]): Promise<RouteObject[]> {
  return Promise.all(
    list.map(async ({ lazy, ...route }) => {
      const loaded = typeof lazy === 'function' ? await lazy() : {};
      const children = route.children ? { children: await loadedRoutes(route.children) } : {};
      return { ...route, ...loaded, ...children } as RouteObject;
    }),
  );
}
const testRoutes = await loadedRoutes(routes);
// The call cards, too, come as a chunk of their own in the browser.
await loadScreenPop();

function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The whole app with its real routes, starting at `path`. */
export function renderApp(path: string) {
  const router = createMemoryRouter(testRoutes, { initialEntries: [path] });
  const view = render(
    <Providers queryClient={testQueryClient()} env="test">
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...view, router };
}

/** Renders its children once the (stubbed) session has loaded, as the route guard would. */
function WhenSignedIn({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user ? children : null;
}

/** One component inside all providers and a session, for components that are not a page of their own. */
export function renderWithProviders(ui: ReactElement) {
  return render(
    <Providers queryClient={testQueryClient()} env="test">
      <MemoryRouter>
        <WhenSignedIn>{ui}</WhenSignedIn>
      </MemoryRouter>
    </Providers>,
  );
}
