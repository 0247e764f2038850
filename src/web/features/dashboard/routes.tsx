import type { RouteObject } from 'react-router-dom';

/** The home page, the index of the signed-in app. */
export const dashboardRoutes: RouteObject[] = [
  { index: true, lazy: () => import('./DashboardPage').then((m) => ({ Component: m.DashboardPage })) },
];
