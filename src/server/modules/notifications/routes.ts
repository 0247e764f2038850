import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MarkReadInput, NotificationPage, NotificationQuery, UnreadCount } from '../../../shared/notifications/schemas';
import { z } from 'zod';
import { currentUser } from '../../http/access';
import type { Services } from '../../services';
import { SseStreams } from './sse';

export async function notificationsRoutes(root: FastifyInstance, { notifications, events }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const streams = new SseStreams();
  // Open streams never finish by themselves; end them so shutdown does not wait for clients.
  app.addHook('preClose', async () => streams.endAll());
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
      summary: 'Live events for me as Server-Sent Events (text/event-stream): ready, notification, notifications.read',
    },
    handler: async (request, reply) => {
      const { userId } = currentUser(request);
      const stream = streams.start(reply, request.id);
      try {
        const unsubscribe = await notifications.subscribe(userId, (event) => stream.send(event.type, event.data));
        stream.onClose(unsubscribe);
        // Sent once listening: a client may rely on anything published after it arriving.
        stream.send('ready', { unreadCount: await notifications.unreadCount(userId) });
      } catch (err) {
        request.log.error({ err }, 'could not open the live event stream');
        stream.end();
      }
    },
  });
}
