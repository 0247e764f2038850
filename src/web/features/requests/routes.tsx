import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Loaded on first use; the app shell's Suspense shows the loader meanwhile.
const WorkListPage = lazy(() => import('./list/WorkListPage'));
const IntakePage = lazy(() => import('./intake/IntakePage'));
const RequestPage = lazy(() => import('./view/RequestPage'));

/** Work lists, the intake form and the request view, mounted inside the app shell. */
export const requestRoutes: RouteObject[] = [
  { path: 'requests', element: <WorkListPage /> },
  { path: 'requests/new', element: <IntakePage /> },
  { path: 'requests/:id', element: <RequestPage /> },
];
