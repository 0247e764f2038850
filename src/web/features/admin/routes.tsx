import { can, rolesFor } from '@shared/auth/policies';
import { RequireRole } from '@web/app/guards';
import { useAuth } from '@web/app/auth';
import { NotFound } from '@web/app/shell/NotFound';
import { PageLoader } from '@web/app/shell/PageLoader';
import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';

// Administration is used by few people and rarely; keep it out of the main bundle.
const AdminLayout = lazy(() => import('./AdminLayout'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const LocationsPage = lazy(() => import('./locations/LocationsPage'));
const ApiKeysPage = lazy(() => import('./api-keys/ApiKeysPage'));
const RulesPage = lazy(() => import('./assignment/RulesPage'));
const AbsencesPage = lazy(() => import('./assignment/AbsencesPage'));
const TemplatesPage = lazy(() => import('./templates/TemplatesPage'));
const TelephonyPage = lazy(() => import('./telephony/TelephonyPage'));
const MailboxesPage = lazy(() => import('./mailboxes/MailboxesPage'));
const DeadlinesPage = lazy(() => import('./deadlines/DeadlinesPage'));
const LetterheadPage = lazy(() => import('./letterheads/LetterheadPage'));
const FollowUpRulesPage = lazy(() => import('@web/features/activities/rules/FollowUpRulesPage'));
const LocationRulesPage = lazy(() => import('./location-rules/LocationRulesPage'));
const ProcessesPage = lazy(() => import('@web/features/service-tickets/admin/ProcessesPage'));
const QuestionnairePage = lazy(() =>
  import('@web/features/surveys/QuestionnairePage').then((m) => ({ default: m.QuestionnairePage })),
);
const LifecyclePage = lazy(() => import('@web/features/lifecycle/LifecyclePage'));
const DemoVehiclesPage = lazy(() => import('@web/features/sales/test-drives/DemoVehiclesPage'));

/** Managers see only the lead-management tabs of the administration; staff only the rules, read-only. */
function AdminIndex() {
  const { user } = useAuth();
  return <Navigate to={user && can(user.role, 'org.users.manage') ? 'users' : 'assignment'} replace />;
}

/** The administration, mounted inside the app shell. */
export const adminRoutes: RouteObject[] = [
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
        path: 'letterheads',
        element: (
          <RequireRole roles={rolesFor('documents.letterheads.read')}>
            <LetterheadPage />
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
          { path: 'service-processes', element: <ProcessesPage /> },
        ],
      },
      {
        path: 'mailboxes',
        element: (
          <RequireRole roles={rolesFor('mailboxes.read')}>
            <MailboxesPage />
          </RequireRole>
        ),
      },
      {
        path: 'location-rules',
        element: (
          <RequireRole roles={rolesFor('org.duty.manage')}>
            <LocationRulesPage />
          </RequireRole>
        ),
      },
      {
        path: 'lifecycle',
        element: (
          <RequireRole roles={rolesFor('lifecycle.manage')}>
            <LifecyclePage />
          </RequireRole>
        ),
      },
      {
        path: 'demo-vehicles',
        element: (
          <RequireRole roles={rolesFor('sales.demoVehicles.manage')}>
            <DemoVehiclesPage />
          </RequireRole>
        ),
      },
      {
        path: 'follow-ups',
        element: (
          <RequireRole roles={rolesFor('activities.team')}>
            <FollowUpRulesPage />
          </RequireRole>
        ),
      },
      {
        path: 'satisfaction',
        element: (
          <RequireRole roles={rolesFor('surveys.questionnaire.manage')}>
            <QuestionnairePage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
