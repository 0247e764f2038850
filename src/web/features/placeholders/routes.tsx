import type { RouteObject } from 'react-router-dom';

/** Screens of modules still to come: a page saying so instead of a dead link. */
export const placeholderRoutes: RouteObject[] = [
  {
    path: 'calendar',
    lazy: () => import('./PlaceholderPage').then((m) => ({ element: <m.PlaceholderPage module="calendar" /> })),
  },
];
