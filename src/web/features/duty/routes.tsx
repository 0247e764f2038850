import type { RouteObject } from 'react-router-dom';

/** Who is on duty, and the daily checks of a location. */
export const dutyRoutes: RouteObject[] = [
  { path: 'duty', lazy: () => import('./DutyPage').then((m) => ({ Component: m.DutyPage })) },
  { path: 'checks', lazy: () => import('./ChecksPage').then((m) => ({ Component: m.ChecksPage })) },
];
