import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttemptInput,
  EmailReplyInput,
  BulkReassign,
  CustomerRequest,
  Reassign,
  RequestCreate,
  RequestEvent,
  RequestListItem,
  RequestListQuery,
  RequestPage,
  StatusChange,
  WorkListCounts,
} from '@shared/requests/schemas';
import { REQUEST_TYPES } from '@shared/requests/enums';
import { TypeSetting, TypeSettingInput } from '@shared/requests/settings';
import { TakeOverInput } from '@shared/requests/submitted';
import { RenderedTemplate } from '@shared/requests/templates';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { attachmentRoutes } from './attachment-routes';
import { intakeRoutes } from './intake-routes';
import { letterRoutes } from './letters/routes';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

const TypeParams = z.object({ type: z.enum(REQUEST_TYPES) });
/** Those who may change a customer's contact data (as on the customer record). */

export async function requestsRoutes(root: FastifyInstance, services: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { requests } = services;

  app.get('/api/requests', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Work lists: mine, team, location, all',
      querystring: RequestListQuery,
      response: { 200: RequestPage },
    },
    handler: (request) => requests.list(currentUser(request), request.query),
  });

  app.get('/api/requests/type-settings', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Settings per request type: the first-contact deadline',
      response: { 200: z.array(TypeSetting) },
    },
    handler: () => requests.typeSettings.list(),
  });

  // The deadlines hold for every location of the group: one location's manager must not set them for the others.
  app.put('/api/requests/type-settings/:type', {
    config: { access: { roles: rolesFor('requests.typeSettings.manage') } },
    schema: {
      tags: ['requests'],
      summary: 'Set the first-contact deadline of a request type (working days or working hours)',
      params: TypeParams,
      body: TypeSettingInput,
      response: { 200: z.array(TypeSetting) },
    },
    handler: (request) => requests.typeSettings.update(currentUser(request), request.params.type, request.body),
  });

  app.delete('/api/requests/type-settings/:type', {
    config: { access: { roles: rolesFor('requests.typeSettings.manage') } },
    schema: {
      tags: ['requests'],
      summary: 'Back to the default deadline (one working day)',
      params: TypeParams,
      response: { 200: z.array(TypeSetting) },
    },
    handler: (request) => requests.typeSettings.reset(currentUser(request), request.params.type),
  });

  app.get('/api/requests/counts', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['requests'], summary: 'Counts for the navigation badges', response: { 200: WorkListCounts } },
    handler: (request) => requests.counts(currentUser(request)),
  });

  app.post('/api/requests', {
    config: { access: { roles: rolesFor('requests.create') } },
    schema: {
      tags: ['requests'],
      summary: 'Take a request in (form, phone, walk-in): an existing contact or a new customer',
      body: RequestCreate,
      response: { 201: CustomerRequest },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requests.create(currentUser(request), request.body)),
  });

  app.get('/api/requests/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['requests'], params: IdParams, response: { 200: CustomerRequest } },
    handler: (request) => requests.get(currentUser(request), request.params.id),
  });

  app.get('/api/requests/:id/events', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: "The request's history",
      params: IdParams,
      response: { 200: z.array(RequestEvent) },
    },
    handler: (request) => requests.events(currentUser(request), request.params.id),
  });

  app.post('/api/requests/:id/status', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Move the request on: in progress, waiting, done, lost, reopen',
      params: IdParams,
      body: StatusChange,
      response: { 200: CustomerRequest },
    },
    handler: (request) => requests.changeStatus(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/requests/:id/attempts', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Record a contact attempt with its verbatim note',
      params: IdParams,
      body: AttemptInput,
      response: { 201: CustomerRequest },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requests.recordAttempt(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/requests/:id/email-reply', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary:
        'Answer the customer by e-mail: sent from the current user, threaded to their mail, recorded as an attempt',
      params: IdParams,
      body: EmailReplyInput,
      response: { 201: CustomerRequest },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requests.replyByEmail(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/requests/:id/submitted/take-over', {
    config: { access: { roles: rolesFor('requests.takeOverSubmitted') } },
    schema: {
      tags: ['requests'],
      summary: "Add phones, e-mail addresses or the address the lead's customer sent to the request's contact",
      params: IdParams,
      body: TakeOverInput,
      response: { 200: CustomerRequest },
    },
    handler: (request) => requests.takeOverSubmitted(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/requests/:id/templates', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Phone script, voicemail and e-mail filled in for this request',
      params: IdParams,
      response: { 200: z.array(RenderedTemplate) },
    },
    handler: (request) => requests.templates(currentUser(request), request.params.id),
  });

  app.post('/api/requests/:id/reassign', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: 'Give the request to a colleague, with a reason',
      params: IdParams,
      body: Reassign,
      response: { 200: CustomerRequest },
    },
    handler: (request) =>
      requests.reassign(currentUser(request), request.params.id, request.body.assigneeId, request.body.reason),
  });

  app.post('/api/requests/bulk-reassign', {
    config: { access: { roles: rolesFor('requests.manage') } },
    schema: { tags: ['requests'], body: BulkReassign, response: { 200: z.object({ reassigned: z.number().int() }) } },
    handler: (request) =>
      requests.bulkReassign(currentUser(request), request.body.ids, request.body.assigneeId, request.body.reason),
  });

  app.get('/api/contacts/:id/requests', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['requests'],
      summary: "A customer's requests, for the customer record and before the call",
      params: IdParams,
      querystring: z.object({ status: z.enum(['open', 'all']).default('open') }),
      response: { 200: z.array(RequestListItem) },
    },
    handler: (request) => requests.forContact(currentUser(request), request.params.id, request.query.status),
  });

  await app.register(intakeRoutes, services);
  await app.register(attachmentRoutes, services);
  await app.register(letterRoutes, services);
}
