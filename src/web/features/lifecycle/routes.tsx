import { rolesFor } from '@shared/auth/policies';
import { RequireRole } from '@web/app/guards';
import type { RouteObject } from 'react-router-dom';

/** "Briefe drucken", for the managers and reception of a location. */
export const lifecycleRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={rolesFor('lifecycle.printLetters')} />,
    children: [{ path: 'letters', lazy: () => import('./LettersPage').then((m) => ({ Component: m.default })) }],
  },
];
