import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { MarkReadInput, NotificationPage, NotificationQuery, UnreadCount } from '@shared/notifications/schemas';
import { z } from 'zod';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { SESSIONS_ENDED_CHANNEL } from '@server/modules/auth';
import type { LiveEvent } from './live';
import { watchSessions } from './session-watch';
import { SseStreams } from './sse';

/** An event id as the browser sends it back (Last-Event-ID); anything else is no id. */
function eventId(value: unknown): number | null {
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

export async function notificationsRoutes(root: FastifyInstance, { notifications, events, auth }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const streams = new SseStreams();
  const sessions = watchSessions({
    streams,
    openSessions: (ids) => auth.openSessions(ids),
    bus: events,
    endedChannel: SESSIONS_ENDED_CHANNEL,
    everyMs: root.config.session.liveCheckSeconds * 1000,
    log: root.log as unknown as Logger,
  });
  // Open streams never finish by themselves; end them so shutdown does not wait for clients.
  app.addHook('preClose', async () => {
    await sessions.stop();
    streams.endAll();
  });
  app.addHook('onClose', async () => events.close());

  app.get('/api/notifications', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['notifications'],
      summary: 'My notifications, newest first',
      querystring: NotificationQuery,
      response: { 200: NotificationPage },
    },
    handler: (request) => notifications.list(currentUser(request).userId, request.query),
  });

  app.get('/api/notifications/unread-count', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['notifications'],
      summary: 'How many of my notifications are unread',
      response: { 200: UnreadCount },
    },
    handler: async (request) => ({ unreadCount: await notifications.unreadCount(currentUser(request).userId) }),
  });

  app.post('/api/notifications/read', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['notifications'],
      summary: 'Mark some or all of my notifications read',
      body: MarkReadInput,
      response: { 200: z.object({ updated: z.number().int(), unreadCount: z.number().int() }) },
    },
    handler: (request) =>
      notifications.markRead(currentUser(request).userId, request.body.all ? 'all' : request.body.ids!),
  });

  app.get('/api/events', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['notifications'],
      summary:
        'Live events for me as Server-Sent Events (text/event-stream): ready, notification, notifications.read, ' +
        'call, resync. A reconnecting client names the last event id it saw (Last-Event-ID, or lastEventId) ' +
        'and is sent what came after; the stream ends when my session does.',
      querystring: z.object({ lastEventId: z.string().max(20).optional() }),
    },
    handler: async (request, reply) => {
      const { userId, sessionId } = currentUser(request);
      const lastEventId = eventId(request.headers['last-event-id'] ?? request.query.lastEventId);
      const stream = streams.start(reply, request.id, sessionId);
      sessions.start();
      try {
        const send = (event: LiveEvent) => stream.send(event.type, event.data, event.id);
        const unsubscribe = await notifications.subscribe(userId, send);
        stream.onClose(unsubscribe);
        // Listening first, then the catch-up: an event in between comes twice, and the browser knows it by id.
        if (lastEventId !== null) await notifications.liveEventsSince(userId, lastEventId, send);
        // Sent once listening: a client may rely on anything published after it arriving.
        stream.send('ready', { unreadCount: await notifications.unreadCount(userId) });
      } catch (err) {
        request.log.error({ err }, 'could not open the live event stream');
        stream.end();
      }
    },
  });
}
