import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { BoardChannel, BoardPost, BoardThread, BoardThreadSummary } from '@shared/board/schemas';
import { subscribeLive } from '@web/features/notifications/live-bus';
import { useShellWork } from '@web/app/shell-work';
import { api, uploadFile } from '@web/ui/api';
import { withShortLocationNames } from './words';

export type { BoardChannel, BoardPost, BoardThread, BoardThreadSummary };
export const BOARD_KEY = ['board'] as const;
const CHANNELS_KEY = [...BOARD_KEY, 'channels'] as const;

export interface BoardPerson {
  id: string;
  name: string;
}
export interface BoardSearchHit {
  threadId: string;
  channelId: string;
  title: string;
  postId: string | null;
  excerpt: string;
  at: string;
}

/** `enabled: false` holds the request back (the navigation's count waits for the page's data). */
export function useBoardChannels(enabled = true) {
  return useQuery({
    queryKey: CHANNELS_KEY,
    enabled,
    queryFn: ({ signal }) => api.get<{ items: BoardChannel[] }>('/board/channels', signal),
    select: (data) => withShortLocationNames(data.items),
  });
}

/** Unread posts over all the channels the user reads, for the navigation. */
export function useBoardUnread(): number {
  const channels = useBoardChannels(useShellWork('shell'));
  return (channels.data ?? []).reduce((sum, c) => sum + c.unread, 0);
}

export function useChannelThreads(channelId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...BOARD_KEY, 'threads', channelId],
    enabled: Boolean(channelId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: BoardThreadSummary[]; nextCursor: string | null }>(
        `/board/channels/${channelId}/threads${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`,
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useBoardThread(threadId: string | undefined) {
  return useQuery({
    queryKey: [...BOARD_KEY, 'thread', threadId],
    enabled: Boolean(threadId),
    queryFn: ({ signal }) => api.get<BoardThread>(`/board/threads/${threadId}`, signal),
  });
}

export function useChannelReaders(channelId: string | undefined) {
  return useQuery({
    queryKey: [...BOARD_KEY, 'readers', channelId],
    enabled: Boolean(channelId),
    queryFn: ({ signal }) => api.get<{ items: BoardPerson[] }>(`/board/channels/${channelId}/readers`, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useBoardSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...BOARD_KEY, 'search', query],
    enabled: query.length >= 2,
    queryFn: ({ signal }) =>
      api.get<{ items: BoardSearchHit[] }>(`/board/search?q=${encodeURIComponent(query)}`, signal),
    select: (data) => data.items,
  });
}

export function useContactBoardThreads(contactId: string) {
  return useQuery({
    queryKey: [...BOARD_KEY, 'contact', contactId],
    queryFn: ({ signal }) => api.get<{ items: BoardThreadSummary[] }>(`/contacts/${contactId}/board-threads`, signal),
    select: (data) => data.items,
  });
}

export interface NewThreadInput {
  channelId: string;
  title: string;
  body: string;
  contactId?: string;
  mentions: string[];
  files?: File[];
}

/** A post with files goes as a form: its text fields, then the files. */
function postForm(fields: Record<string, string | string[] | undefined>, files: File[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    form.append(name, Array.isArray(value) ? JSON.stringify(value) : value);
  }
  for (const file of files) form.append('files', file, file.name);
  return form;
}

export function useCreateThread() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ channelId, files = [], ...body }: NewThreadInput) =>
      files.length > 0
        ? uploadFile<BoardThreadSummary>(`/board/channels/${channelId}/threads/with-files`, postForm(body, files))
        : api.post<BoardThreadSummary>(`/board/channels/${channelId}/threads`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: BOARD_KEY }),
  });
}

export function useReply(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ files = [], ...body }: { body: string; mentions: string[]; files?: File[] }) =>
      files.length > 0
        ? uploadFile<BoardPost>(`/board/threads/${threadId}/posts/with-files`, postForm(body, files))
        : api.post<BoardPost>(`/board/threads/${threadId}/posts`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: BOARD_KEY }),
  });
}

export function useReact(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, emoji }: { postId: string; emoji: string }) =>
      api.post<BoardPost>(`/board/posts/${postId}/reactions`, { emoji }),
    onSuccess: (post) =>
      client.setQueryData<BoardThread>([...BOARD_KEY, 'thread', threadId], (old) =>
        old ? { ...old, items: old.items.map((p) => (p.id === post.id ? post : p)) } : old,
      ),
  });
}

/** Opening a channel reads it: its unread count goes back to nought. */
export function useMarkChannelRead(channelId: string | undefined, lastPostAt: string | null | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    if (!channelId) return;
    void api
      .post(`/board/channels/${channelId}/read`)
      .then(() =>
        client.setQueryData<{ items: BoardChannel[] }>(CHANNELS_KEY, (old) =>
          old ? { items: old.items.map((c) => (c.id === channelId ? { ...c, unread: 0 } : c)) } : old,
        ),
      )
      .catch(() => undefined);
  }, [channelId, lastPostAt, client]);
}

/**
 * New posts and reactions reach the board as they happen: the lists, the open thread and the
 * unread counts are fetched again. Mounted once, in the navigation badge.
 */
export function useBoardLiveUpdates() {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = (data: unknown) => {
      const event = data as { threadId?: string } | null;
      void client.invalidateQueries({ queryKey: CHANNELS_KEY });
      void client.invalidateQueries({ queryKey: [...BOARD_KEY, 'threads'] });
      void client.invalidateQueries({ queryKey: [...BOARD_KEY, 'contact'] });
      if (event?.threadId) void client.invalidateQueries({ queryKey: [...BOARD_KEY, 'thread', event.threadId] });
    };
    const offs = [
      subscribeLive('board.post', refresh),
      subscribeLive('board.reaction', refresh),
      subscribeLive('ready', () => void client.invalidateQueries({ queryKey: BOARD_KEY })),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);
}
