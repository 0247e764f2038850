import type { RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { activityRoutes } from '@web/features/activities/routes';
import { boardRoutes } from '@web/features/board/routes';
import { messageRoutes } from '@web/features/messages/routes';
import { adminRoutes } from '@web/features/admin/routes';
import { testDriveRoutes } from '@web/features/sales/test-drives/routes';
import { dashboardRoutes } from '@web/features/dashboard/routes';
import { dutyRoutes } from '@web/features/duty/routes';
import { reportRoutes } from '@web/features/reports/routes';
import { serviceTicketRoutes } from '@web/features/service-tickets/routes';
import { campaignRoutes } from '@web/features/campaigns/routes';
import { lifecycleRoutes } from '@web/features/lifecycle/routes';
import { complaintRoutes } from '@web/features/complaints/routes';
import { salesRoutes } from '@web/features/sales/opportunities/routes';
import { customerRoutes } from '../features/customers/routes';
import { requestRoutes } from '../features/requests/routes';
import { publicSurveyRoutes, surveyRoutes } from '@web/features/surveys/routes';
import { FullPageLoader } from '@web/ui/components/FullPageLoader';
import { RequireAuth } from './guards';
import { NotFound } from './shell/NotFound';
import { RouteError } from './shell/RouteError';

/*
 * The shell and the router only: each feature registers its own routes. Each screen loads what it shows. Routes name their code with `lazy`: on a reload the router fetches
 * the app shell and the page at the same time (no waterfall) and renders once both are there. The
 * login page comes without the shell's search, call cards and notifications.
 */

export const routes: RouteObject[] = [
  // The first screen of every visit is part of the main bundle.
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // The customer's survey link: no login, no shell.
  ...publicSurveyRoutes,
  {
    element: <RequireAuth />,
    hydrateFallbackElement: <FullPageLoader />,
    errorElement: <RouteError />,
    children: [
      {
        lazy: () => import('./shell/AppLayout').then((m) => ({ Component: m.AppLayout })),
        children: [
          ...dashboardRoutes,
          ...customerRoutes,
          ...requestRoutes,
          ...activityRoutes,
          ...salesRoutes,
          ...testDriveRoutes,
          ...messageRoutes,
          ...serviceTicketRoutes,
          ...boardRoutes,
          ...reportRoutes,
          ...campaignRoutes,
          ...lifecycleRoutes,
          ...complaintRoutes,
          ...adminRoutes,
          ...dutyRoutes,
          ...surveyRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
