import type { RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { adminRoutes } from '@web/features/admin/routes';
import { customerRoutes } from '../features/customers/routes';
import { requestRoutes } from '../features/requests/routes';
import { FullPageLoader } from './components/FullPageLoader';
import { RequireAuth, RequireRole } from './guards';
import { NotFound } from './shell/NotFound';
import { RouteError } from './shell/RouteError';
import { rolesFor } from '@shared/auth/policies';

/*
 * Each screen loads what it shows. Routes name their code with `lazy`: on a reload the router fetches
 * the app shell and the page at the same time (no waterfall) and renders once both are there. The
 * login page comes without the shell's search, call cards and notifications.
 */

export const routes: RouteObject[] = [
  // The first screen of every visit is part of the main bundle.
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    hydrateFallbackElement: <FullPageLoader />,
    errorElement: <RouteError />,
    children: [
      {
        lazy: () => import('./shell/AppLayout').then((m) => ({ Component: m.AppLayout })),
        children: [
          {
            index: true,
            lazy: () => import('../features/dashboard/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
          },
          ...customerRoutes,
          ...requestRoutes,
          {
            path: 'calendar',
            lazy: () =>
              import('../features/placeholders/PlaceholderPage').then((m) => ({
                element: <m.PlaceholderPage module="calendar" />,
              })),
          },
          {
            element: <RequireRole roles={rolesFor('reports.read')} />,
            children: [
              {
                path: 'reports',
                lazy: () => import('../features/reports/ReportsPage').then((m) => ({ Component: m.default })),
              },
            ],
          },
          ...adminRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
