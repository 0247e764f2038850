import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '@web/app/guards';
import { rolesFor } from '@shared/auth/policies';
import { prefetchWhenLoggedIn } from '@web/app/prefetch';
import { listFilters } from './list/filters';
import { contactListQuery, contactQuery } from './query-options';

// Each page is loaded with its route (see app/router.tsx), so the login page and the dashboard stay small.
/** Customers, vehicles and the search page, mounted inside the app shell. */
export const customerRoutes: RouteObject[] = [
  {
    path: 'customers',
    // The list's rows are asked for while its code loads.
    loader: ({ request }) =>
      prefetchWhenLoggedIn((client) =>
        client.prefetchInfiniteQuery(contactListQuery(listFilters(new URL(request.url).searchParams))),
      ),
    lazy: () => import('./list/CustomerListPage').then((m) => ({ Component: m.default })),
  },
  { path: 'customers/new', lazy: () => import('./form/NewCustomerPage').then((m) => ({ Component: m.default })) },
  {
    element: <RequireRole roles={rolesFor('contacts.import')} />,
    children: [
      {
        path: 'customers/import',
        lazy: () => import('./import/ImportPage').then((m) => ({ Component: m.default })),
      },
    ],
  },
  {
    path: 'customers/:id',
    loader: ({ params }) =>
      prefetchWhenLoggedIn((client) => (params.id ? client.prefetchQuery(contactQuery(params.id)) : Promise.resolve())),
    lazy: () => import('./record/CustomerPage').then((m) => ({ Component: m.default })),
  },
  { path: 'vehicles/:id', lazy: () => import('../vehicles/VehiclePage').then((m) => ({ Component: m.default })) },
  { path: 'search', lazy: () => import('../search/SearchPage').then((m) => ({ Component: m.default })) },
];
