/**
 * The user's one event stream (/api/events) carries more than notifications.
 * Other features subscribe here to its named events instead of opening a
 * second stream; `ready` is published on every (re)connect, so subscribers can
 * fetch what they missed while it was down.
 */
type Listener = (data: unknown) => void;

const listeners = new Map<string, Set<Listener>>();

export function subscribeLive(type: string, listener: Listener): () => void {
  const set = listeners.get(type) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(type, set);
  return () => {
    set.delete(listener);
  };
}

export function publishLive(type: string, data: unknown) {
  for (const listener of listeners.get(type) ?? []) listener(data);
}

/** Event types the stream forwards to subscribers, besides its own notification events. */
export const FORWARDED_EVENTS = ['call', 'duty', 'board.post', 'board.reaction'] as const;

/**
 * Notifications are published too: `notification` with the Notification, `notifications.read`
 * with `{ ids: string[] | 'all', unreadCount }`. Kinds named here are shown by their own
 * feature (a reminder card with its buttons) instead of the general toast.
 */
export const KINDS_WITH_OWN_CARD: ReadonlySet<string> = new Set(['activity.reminder']);

/**
 * Whether live updates are flowing: `live` once the stream said `ready`, `interrupted` from
 * an error until it is back. The header shows the user when they are interrupted.
 */
export type LiveStatus = 'connecting' | 'live' | 'interrupted';

let status: LiveStatus = 'connecting';
const statusListeners = new Set<() => void>();

export function getLiveStatus(): LiveStatus {
  return status;
}

export function setLiveStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  for (const listener of statusListeners) listener();
}

export function subscribeLiveStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => {
    statusListeners.delete(listener);
  };
}
