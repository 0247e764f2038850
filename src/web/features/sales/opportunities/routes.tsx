import type { RouteObject } from 'react-router-dom';

/** "Verkauf": the pipeline board and list, and one opportunity. */
export const salesRoutes: RouteObject[] = [
  { path: 'sales', lazy: () => import('./SalesPage').then((m) => ({ Component: m.SalesPage })) },
  { path: 'sales/:id', lazy: () => import('./OpportunityPage').then((m) => ({ Component: m.OpportunityPage })) },
];
