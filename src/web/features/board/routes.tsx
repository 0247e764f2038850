import type { RouteObject } from 'react-router-dom';

const page = () => import('./BoardPage').then((m) => ({ Component: m.BoardPage }));

/** The Community Board: /board, a channel, a thread. */
export const boardRoutes: RouteObject[] = [
  { path: 'board', lazy: page },
  { path: 'board/channels/:channelId', lazy: page },
  { path: 'board/threads/:threadId', lazy: page },
];
