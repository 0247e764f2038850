/** A small Server-Sent Events reader over fetch, for tests against a listening app. */
export interface ReceivedEvent {
  event: string;
  data: unknown;
  /** The event's id, if the server gave it one. */
  id?: string;
  /** performance.now() when the event arrived. */
  at: number;
}

export interface SseClient {
  status: number;
  contentType: string | null;
  events: ReceivedEvent[];
  /** The first event of that name not yet taken by an earlier next(). */
  next(event: string, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(
  url: string,
  cookie: string,
  options: { lastEventId?: string } = {},
): Promise<SseClient> {
  const controller = new AbortController();
  const headers: Record<string, string> = { cookie, accept: 'text/event-stream' };
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: ReceivedEvent[] = [];
  const taken = new Set<ReceivedEvent>();
  let notify = () => undefined as void;

  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = block.split('\n').filter((l) => !l.startsWith(':'));
          const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          const id = lines.find((l) => l.startsWith('id: '))?.slice(4);
          if (name && data !== undefined) {
            events.push({ event: name, data: JSON.parse(data), at: performance.now(), ...(id ? { id } : {}) });
            notify();
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();

  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    ended,
    next(event, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
          settled = true;
          reject(new Error(`no "${event}" event within ${timeoutMs} ms`));
        }, timeoutMs);
        // Stays in the notify chain after resolving: it must not take events meant for a later next().
        const check = () => {
          if (settled) return true;
          const found = events.find((e) => e.event === event && !taken.has(e));
          if (!found) return false;
          taken.add(found);
          settled = true;
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        if (check()) return;
        const previous = notify;
        notify = () => {
          previous();
          check();
        };
      });
    },
    close: () => controller.abort(),
  };
}
