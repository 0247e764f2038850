import { rolesFor } from '@shared/auth/policies';
import { RequireRole } from '@web/app/guards';
import type { RouteObject } from 'react-router-dom';

/** The reports, for those the policies let read them (managers and administrators). */
export const reportRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={rolesFor('reports.read')} />,
    children: [{ path: 'reports', lazy: () => import('./ReportsPage').then((m) => ({ Component: m.default })) }],
  },
];
