import { IconMapPinQuestion } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { customerRoutes } from '../features/customers/routes';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { PlaceholderPage } from '../features/placeholders/PlaceholderPage';
import { StatusPage } from './components/StatusPage';
import { RequireAuth, RequireRole } from './guards';
import { AppLayout } from './shell/AppLayout';
import { PageLoader } from './shell/PageLoader';
import { RouteError } from './shell/RouteError';

// Administration is used by few people and rarely; keep it out of the main bundle.
const AdminLayout = lazy(() => import('../features/admin/AdminLayout'));
const UsersPage = lazy(() => import('../features/admin/users/UsersPage'));
const LocationsPage = lazy(() => import('../features/admin/locations/LocationsPage'));
const ApiKeysPage = lazy(() => import('../features/admin/api-keys/ApiKeysPage'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapPinQuestion />}
      title={t('errors.notFoundTitle')}
      description={t('errors.notFoundText')}
      action={{ label: t('errors.backHome'), to: '/' }}
    />
  );
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          ...customerRoutes,
          { path: 'requests', element: <PlaceholderPage module="requests" /> },
          { path: 'calendar', element: <PlaceholderPage module="calendar" /> },
          { path: 'reports', element: <PlaceholderPage module="reports" /> },
          {
            path: 'admin',
            element: (
              <RequireRole roles={['admin']}>
                <Suspense fallback={<PageLoader />}>
                  <AdminLayout />
                </Suspense>
              </RequireRole>
            ),
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', element: <UsersPage /> },
              { path: 'locations', element: <LocationsPage /> },
              { path: 'api-keys', element: <ApiKeysPage /> },
              { path: '*', element: <NotFound /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
