import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { getLiveStatus, subscribeLiveStatus } from '@web/features/notifications/live-bus';

/**
 * On a cold load the page's own data goes first. The browser opens only six connections to the
 * server; the shell's counts, duty, reminders, live calls and the event stream (which keeps one
 * connection for good) would otherwise queue in front of the list or the record the user asked for.
 *
 * - `page`: only the page asks for data.
 * - `stream`: the page's first answer is in (or a moment has passed): the event stream opens.
 * - `shell`: the stream is live or has failed (or a moment has passed): the counts and the rest
 *   are asked for. Asked after the stream is there, they miss nothing that happened in between,
 *   and the stream's `ready` needs to fetch nothing again.
 *
 * Only the app itself holds the work back (main.tsx); components rendered on their own, as in the
 * tests, do everything at once.
 */
export type ShellStage = 'page' | 'stream' | 'shell';
const ORDER: Record<ShellStage, number> = { page: 0, stream: 1, shell: 2 };

/** A page whose data is slow, or that has none, does not keep the counts back for longer than this. */
const PAGE_WAIT_MS = 1500;
/** Nor does a stream that takes long to answer. */
const STREAM_WAIT_MS = 1500;

let stage: ShellStage = 'shell';
const listeners = new Set<() => void>();

function advance(next: ShellStage) {
  if (ORDER[next] <= ORDER[stage]) return;
  stage = next;
  for (const listener of listeners) listener();
}

/** Returns what lets go of the hold at once (tests). */
export function holdShellWork(queryClient: QueryClient, sessionKey: string): () => void {
  stage = 'page';
  let streamWait: ReturnType<typeof setTimeout> | undefined;
  const toShell = () => {
    clearTimeout(streamWait);
    offStatus();
    advance('shell');
  };
  const toStream = () => {
    if (stage !== 'page') return;
    clearTimeout(pageWait);
    offCache();
    advance('stream');
    streamWait = setTimeout(toShell, STREAM_WAIT_MS);
  };
  const offCache = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey[0] === sessionKey) return;
    if (event.action.type === 'success' || event.action.type === 'error') toStream();
  });
  const offStatus = subscribeLiveStatus(() => {
    if (getLiveStatus() !== 'connecting') toShell();
  });
  const pageWait = setTimeout(toStream, PAGE_WAIT_MS);
  return () => {
    clearTimeout(pageWait);
    offCache();
    toShell();
  };
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Whether the shell's work of this stage may start. */
export function useShellWork(needed: Exclude<ShellStage, 'page'>): boolean {
  const current = useSyncExternalStore(subscribe, () => stage);
  return ORDER[current] >= ORDER[needed];
}
