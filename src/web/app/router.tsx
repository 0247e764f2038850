import { IconMapPinQuestion } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { customerRoutes } from '../features/customers/routes';
import { requestRoutes } from '../features/requests/routes';
import { FullPageLoader } from './components/FullPageLoader';
import { StatusPage } from './components/StatusPage';
import { useAuth } from './auth';
import { RequireAuth, RequireRole } from './guards';
import { PageLoader } from './shell/PageLoader';
import { RouteError } from './shell/RouteError';
import { can, rolesFor } from '@shared/auth/policies';

/*
 * Each screen loads what it shows. Routes name their code with `lazy`: on a reload the router fetches
 * the app shell and the page at the same time (no waterfall) and renders once both are there. The
 * login page comes without the shell's search, call cards and notifications.
 */

// Administration is used by few people and rarely; keep it out of the main bundle.
const AdminLayout = lazy(() => import('../features/admin/AdminLayout'));
const UsersPage = lazy(() => import('../features/admin/users/UsersPage'));
const LocationsPage = lazy(() => import('../features/admin/locations/LocationsPage'));
const ApiKeysPage = lazy(() => import('../features/admin/api-keys/ApiKeysPage'));
const RulesPage = lazy(() => import('../features/admin/assignment/RulesPage'));
const AbsencesPage = lazy(() => import('../features/admin/assignment/AbsencesPage'));
const TemplatesPage = lazy(() => import('../features/admin/templates/TemplatesPage'));
const TelephonyPage = lazy(() => import('../features/admin/telephony/TelephonyPage'));
const DeadlinesPage = lazy(() => import('../features/admin/deadlines/DeadlinesPage'));

/** Managers see only the lead-management tabs of the administration; staff only the rules, read-only. */
function AdminIndex() {
  const { user } = useAuth();
  return <Navigate to={user && can(user.role, 'org.users.manage') ? 'users' : 'assignment'} replace />;
}

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
  // The first screen of every visit is part of the main bundle.
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    hydrateFallbackElement: <FullPageLoader />,
    errorElement: <RouteError />,
    children: [
      {
        lazy: () => import('./shell/AppLayout').then((m) => ({ Component: m.AppLayout })),
        children: [
          {
            index: true,
            lazy: () => import('../features/dashboard/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
          },
          ...customerRoutes,
          ...requestRoutes,
          {
            path: 'calendar',
            lazy: () =>
              import('../features/placeholders/PlaceholderPage').then((m) => ({
                element: <m.PlaceholderPage module="calendar" />,
              })),
          },
          {
            element: <RequireRole roles={rolesFor('reports.read')} />,
            children: [
              {
                path: 'reports',
                lazy: () => import('../features/reports/ReportsPage').then((m) => ({ Component: m.default })),
              },
            ],
          },
          {
            path: 'admin',
            element: (
              <RequireRole roles={rolesFor('assignment.rules.read')}>
                <Suspense fallback={<PageLoader />}>
                  <AdminLayout />
                </Suspense>
              </RequireRole>
            ),
            children: [
              { index: true, element: <AdminIndex /> },
              {
                path: 'users',
                element: (
                  <RequireRole roles={rolesFor('org.users.manage')}>
                    <UsersPage />
                  </RequireRole>
                ),
              },
              {
                path: 'locations',
                element: (
                  <RequireRole roles={rolesFor('org.locations.manage')}>
                    <LocationsPage />
                  </RequireRole>
                ),
              },
              {
                path: 'api-keys',
                element: (
                  <RequireRole roles={rolesFor('auth.apiKeys.manage')}>
                    <ApiKeysPage />
                  </RequireRole>
                ),
              },
              { path: 'assignment', element: <RulesPage /> },
              {
                element: <RequireRole roles={rolesFor('administration.open')} />,
                children: [
                  { path: 'absences', element: <AbsencesPage /> },
                  { path: 'templates', element: <TemplatesPage /> },
                  { path: 'telephony', element: <TelephonyPage /> },
                  { path: 'deadlines', element: <DeadlinesPage /> },
                ],
              },
              { path: '*', element: <NotFound /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
