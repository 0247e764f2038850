import { rolesFor } from '@shared/auth/policies';
import { RequireRole } from '@web/app/guards';
import type { RouteObject } from 'react-router-dom';

/** The complaints list, for those who work on complaints. */
export const complaintRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={rolesFor('complaints.work')} />,
    children: [{ path: 'complaints', lazy: () => import('./ComplaintsPage').then((m) => ({ Component: m.default })) }],
  },
];
