import type { RouteObject } from 'react-router-dom';

/** The test-drive schedule of a location. */
export const testDriveRoutes: RouteObject[] = [
  { path: 'test-drives', lazy: () => import('./TestDrivesPage').then((m) => ({ Component: m.TestDrivesPage })) },
];
