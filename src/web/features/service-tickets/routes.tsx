import type { RouteObject } from 'react-router-dom';

/** Service tickets: the list (mine, location, overdue) and one ticket with its steps. */
export const serviceTicketRoutes: RouteObject[] = [
  { path: 'service-tickets', lazy: () => import('./TicketsListPage').then((m) => ({ Component: m.default })) },
  { path: 'service-tickets/:id', lazy: () => import('./TicketPage').then((m) => ({ Component: m.default })) },
];
