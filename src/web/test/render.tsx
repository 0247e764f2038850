import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router-dom';
import { useAuth } from '../app/auth';
import { Providers } from '../app/providers';
import { routes } from '../app/router';

// The router loads the app shell and the home page with their routes. Loading them here, before any
// test runs, keeps each test's waiting time for what it tests rather than for the module graph.
await Promise.all([import('../app/shell/AppLayout'), import('../features/dashboard/DashboardPage')]);

function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The whole app with its real routes, starting at `path`. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
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
