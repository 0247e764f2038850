import type { RouteObject } from 'react-router-dom';

/** The calendar of activities and appointments. */
export const activityRoutes: RouteObject[] = [
  { path: 'calendar', lazy: () => import('./calendar/CalendarPage').then((m) => ({ Component: m.CalendarPage })) },
];
