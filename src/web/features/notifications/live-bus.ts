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
export const FORWARDED_EVENTS = ['call'] as const;
