import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type SseStream, SseStreams } from './sse';

/** A bare server with one event stream, to drive the stream's ends directly. */
async function serveOneStream(): Promise<{ app: FastifyInstance; url: string; stream: Promise<SseStream> }> {
  const app = Fastify();
  const streams = new SseStreams();
  let opened!: (stream: SseStream) => void;
  const stream = new Promise<SseStream>((resolve) => (opened = resolve));
  app.get('/events', async (request, reply) => opened(streams.start(reply, request.id, 'session-1')));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/events`, stream };
}

let apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.map((app) => app.close()));
  apps = [];
});

describe('a live event stream', () => {
  it('takes events sent after it was ended, or to a client that went away, without an error', async () => {
    const { app, url, stream } = await serveOneStream();
    apps.push(app);
    const response = await fetch(url);
    const live = await stream;
    live.send('ready', { unreadCount: 0 });
    // Ended (as on shutdown) and an event arriving before the socket has closed.
    live.end();
    live.send('notification', { title: 'Neuer Lead' });
    live.send('notification', { title: 'noch einer' });
    expect(await response.text()).toContain('event: ready');

    const second = await serveOneStream();
    apps.push(second.app);
    const controller = new AbortController();
    await fetch(second.url, { signal: controller.signal });
    const gone = await second.stream;
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.send('notification', { title: 'to nobody' });
    gone.end();
    // A later event loop turn is where an unhandled 'error' would surface.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
