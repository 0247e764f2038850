import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '@web/app/guards';
import { rolesFor } from '@shared/auth/policies';

// Each page is loaded with its route (see app/router.tsx), so the login page and the dashboard stay small.
/** Customers, vehicles and the search page, mounted inside the app shell. */
export const customerRoutes: RouteObject[] = [
  { path: 'customers', lazy: () => import('./list/CustomerListPage').then((m) => ({ Component: m.default })) },
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
  { path: 'customers/:id', lazy: () => import('./record/CustomerPage').then((m) => ({ Component: m.default })) },
  { path: 'vehicles/:id', lazy: () => import('../vehicles/VehiclePage').then((m) => ({ Component: m.default })) },
  { path: 'search', lazy: () => import('../search/SearchPage').then((m) => ({ Component: m.default })) },
];
