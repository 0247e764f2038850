import { rolesFor } from '@shared/auth/policies';
import { RequireRole } from '@web/app/guards';
import { RouteError } from '@web/app/shell/RouteError';
import type { RouteObject } from 'react-router-dom';

/** The customer's page behind the e-mailed link, outside the login. */
export const publicSurveyRoutes: RouteObject[] = [
  {
    path: '/umfrage/:token',
    errorElement: <RouteError />,
    lazy: () => import('./PublicSurveyPage').then((m) => ({ Component: m.PublicSurveyPage })),
  },
];

/** The form staff fill on the phone (from the customer record or a satisfaction call). */
export const surveyRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={rolesFor('surveys.answer')} />,
    children: [
      {
        path: 'surveys/new',
        lazy: () => import('./PhoneSurveyPage').then((m) => ({ Component: m.PhoneSurveyPage })),
      },
    ],
  },
];
