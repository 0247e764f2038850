import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/guards';

// Loaded on first use, so the login page and the dashboard stay small; the app shell's Suspense shows the loader.
const CustomerListPage = lazy(() => import('./list/CustomerListPage'));
const NewCustomerPage = lazy(() => import('./form/NewCustomerPage'));
const CustomerPage = lazy(() => import('./record/CustomerPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));
const VehiclePage = lazy(() => import('../vehicles/VehiclePage'));
const SearchPage = lazy(() => import('../search/SearchPage'));

/** Customers, vehicles and the search page, mounted inside the app shell. */
export const customerRoutes: RouteObject[] = [
  { path: 'customers', element: <CustomerListPage /> },
  { path: 'customers/new', element: <NewCustomerPage /> },
  {
    path: 'customers/import',
    element: (
      <RequireRole roles={['admin', 'manager']}>
        <ImportPage />
      </RequireRole>
    ),
  },
  { path: 'customers/:id', element: <CustomerPage /> },
  { path: 'vehicles/:id', element: <VehiclePage /> },
  { path: 'search', element: <SearchPage /> },
];
