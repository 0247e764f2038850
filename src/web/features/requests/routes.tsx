import type { RouteObject } from 'react-router-dom';

// Each page is loaded with its route (see app/router.tsx), so the login page and the dashboard stay small.
/** Work lists, the intake form and the request view, mounted inside the app shell. */
export const requestRoutes: RouteObject[] = [
  { path: 'requests', lazy: () => import('./list/WorkListPage').then((m) => ({ Component: m.default })) },
  { path: 'requests/new', lazy: () => import('./intake/IntakePage').then((m) => ({ Component: m.default })) },
  { path: 'requests/:id', lazy: () => import('./view/RequestPage').then((m) => ({ Component: m.default })) },
];
