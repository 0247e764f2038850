import type { RouteObject } from 'react-router-dom';

/** "Meine Nachrichten": internal customer messages addressed to me. */
export const messageRoutes: RouteObject[] = [
  { path: 'messages', lazy: () => import('./InboxPage').then((m) => ({ Component: m.InboxPage })) },
];
