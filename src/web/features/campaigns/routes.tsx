import { rolesFor } from '@shared/auth/policies';
import { RequireRole } from '@web/app/guards';
import type { RouteObject } from 'react-router-dom';

/** Kampagnen, for managers and administrators. */
export const campaignRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={rolesFor('campaigns.manage')} />,
    children: [
      { path: 'campaigns', lazy: () => import('./CampaignsPage').then((m) => ({ Component: m.default })) },
      { path: 'campaigns/new', lazy: () => import('./CampaignPage').then((m) => ({ Component: m.default })) },
      { path: 'campaigns/:id', lazy: () => import('./CampaignPage').then((m) => ({ Component: m.default })) },
    ],
  },
];
