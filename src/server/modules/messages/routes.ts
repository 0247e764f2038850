import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  BlockPolicy,
  CustomerMessage,
  InboxQuery,
  MessageInput,
  MessageList,
  MessageListQuery,
  MessagePeople,
} from '@shared/messages/schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const WRITERS = rolesFor('messages.write');
const MANAGERS = rolesFor('messages.manage');
const LocationParams = z.object({ locationId: z.uuid() });

export async function messagesRoutes(root: FastifyInstance, { messages }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];

  app.post('/api/messages', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Write an internal customer message; a 400 names every missing field of its type at once',
      body: MessageInput,
      response: { 201: CustomerMessage },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await messages.create(currentUser(request), request.body)),
  });

  app.get('/api/messages/inbox', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "My messages: the caller's as responsible, not archived (by default not yet acknowledged)",
      querystring: InboxQuery,
      response: { 200: MessageList },
    },
    handler: (request) => messages.inbox(currentUser(request), request.query),
  });

  app.get('/api/messages', {
    config: { access: { roles: MANAGERS } },
    schema: {
      tags,
      summary: "A location's messages by type, responsible, customer and period",
      querystring: MessageListQuery,
      response: { 200: MessageList },
    },
    handler: (request) => messages.list(currentUser(request), request.query),
  });

  app.get('/api/messages/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'One message', params: IdParams, response: { 200: CustomerMessage } },
    handler: (request) => messages.get(currentUser(request), request.params.id),
  });

  app.post('/api/messages/:id/board', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Take the message to the board: a thread quoting it, created once',
      params: IdParams,
      response: { 200: z.object({ threadId: z.uuid(), created: z.boolean() }) },
    },
    handler: (request) => messages.toBoard(currentUser(request), request.params.id),
  });

  app.post('/api/messages/:id/acknowledge', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'The responsible confirms having read it',
      params: IdParams,
      response: { 200: CustomerMessage },
    },
    handler: (request) => messages.acknowledge(currentUser(request), request.params.id),
  });

  app.post('/api/messages/:id/archive', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "Archive: gone from inboxes and lists, kept on the customer's timeline",
      params: IdParams,
      response: { 200: CustomerMessage },
    },
    handler: (request) => messages.archive(currentUser(request), request.params.id),
  });

  app.post('/api/messages/:id/confirm-unblock', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "Confirm a pending unblock (as the location's block policy allows): the block ends",
      params: IdParams,
      response: { 200: CustomerMessage },
    },
    handler: (request) => messages.confirmUnblock(currentUser(request), request.params.id),
  });

  app.get('/api/messages/locations/:locationId/people', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Colleagues who may be named as having entered a message at the location',
      params: LocationParams,
      response: { 200: MessagePeople },
    },
    handler: (request) => messages.people(currentUser(request), request.params.locationId),
  });

  app.get('/api/messages/locations/:locationId/block-policy', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Who may block and who lifts a block at once at the location',
      params: LocationParams,
      response: { 200: BlockPolicy },
    },
    handler: (request) => messages.policy(currentUser(request), request.params.locationId),
  });

  app.put('/api/messages/locations/:locationId/block-policy', {
    config: { access: { roles: MANAGERS } },
    schema: {
      tags,
      summary: "Change the location's block policy",
      params: LocationParams,
      body: BlockPolicy,
      response: { 200: BlockPolicy },
    },
    handler: (request) => messages.setPolicy(currentUser(request), request.params.locationId, request.body),
  });
}
