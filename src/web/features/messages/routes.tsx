import { rolesFor } from '@shared/auth/policies';
import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '@web/app/guards';

/** "Meine Nachrichten": internal customer messages addressed to me; managers also the location's list. */
export const messageRoutes: RouteObject[] = [
  { path: 'messages', lazy: () => import('./InboxPage').then((m) => ({ Component: m.InboxPage })) },
  {
    path: 'messages/all',
    element: <RequireRole roles={rolesFor('messages.manage')} />,
    children: [
      { index: true, lazy: () => import('./MessagesListPage').then((m) => ({ Component: m.MessagesListPage })) },
    ],
  },
];
