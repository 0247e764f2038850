import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CustomerRequest } from '@shared/requests/schemas';
import { InputRepair } from '@shared/text/repairs';
import {
  Call,
  CallAttemptInput,
  CallbackProposal,
  CallListQuery,
  CallNoteInput,
  CallPage,
  CallPop,
  CallRequestInput,
  ChooseContactInput,
  ClickToCallInput,
  ClickToCallResponse,
  WebhookCallEvent,
} from '@shared/telephony/schemas';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';

const ConnectionParam = z.object({ connectionId: z.uuid() });
const CallWithRequest = z.object({ call: Call, request: CustomerRequest });

export async function telephonyRoutes(root: FastifyInstance, { telephony }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/telephony/webhook/:connectionId', {
    config: { access: { apiKeyScopes: ['telephony'] }, machineInput: true },
    schema: {
      tags: ['telephony'],
      summary: 'Generic webhook: one call event from any PBX or virtual PBX; a repeated eventId changes nothing',
      params: ConnectionParam,
      body: WebhookCallEvent,
      response: {
        200: z.object({
          callId: z.string(),
          applied: z.boolean(),
          /** What had to be left out or changed so the event could be stored. */
          warnings: z.array(InputRepair).optional(),
        }),
      },
    },
    handler: async (request) => ({
      ...(await telephony.receiveWebhook(request.params.connectionId, request.body)),
      ...(request.inputRepairs.length > 0 ? { warnings: request.inputRepairs } : {}),
    }),
  });

  app.get('/api/calls', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Calls, newest first',
      querystring: CallListQuery,
      response: { 200: CallPage },
    },
    handler: (request) => telephony.list(currentUser(request), request.query),
  });

  app.get('/api/calls/live', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'My calls ringing or going on now (restores an open pop after a reload)',
      response: { 200: z.object({ items: z.array(Call) }) },
    },
    handler: async (request) => ({ items: await telephony.live(currentUser(request)) }),
  });

  app.get('/api/calls/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['telephony'], summary: 'One call', params: IdParams, response: { 200: Call } },
    handler: (request) => telephony.get(currentUser(request), request.params.id),
  });

  app.get('/api/calls/:id/pop', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'The screen pop: the call and the customers its number matched, with blocks, open requests, history',
      params: IdParams,
      response: { 200: CallPop },
    },
    handler: (request) => telephony.pop(currentUser(request), request.params.id),
  });

  app.put('/api/calls/:id/contact', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Choose which customer is on the line',
      params: IdParams,
      body: ChooseContactInput,
      response: { 200: Call },
    },
    handler: (request) => telephony.chooseContact(currentUser(request), request.params.id, request.body.contactId),
  });

  app.put('/api/calls/:id/note', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Save the note pad of a call (goes into the customer history)',
      params: IdParams,
      body: CallNoteInput,
      response: { 200: Call },
    },
    handler: (request) => telephony.saveNote(currentUser(request), request.params.id, request.body.note),
  });

  app.get('/api/calls/:id/callback-proposal', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Who a callback from this call would go to by the assignment rules (the user may choose another)',
      params: IdParams,
      response: { 200: CallbackProposal },
    },
    handler: (request) => telephony.callbackProposal(currentUser(request), request.params.id),
  });

  app.post('/api/calls/:id/request', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Make a callback, service appointment, complaint … request from the call',
      params: IdParams,
      body: CallRequestInput,
      response: { 201: CallWithRequest },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await telephony.makeRequest(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/calls/:id/attempt', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Log the call as a contact attempt on an open request',
      params: IdParams,
      body: CallAttemptInput,
      response: { 201: CallWithRequest },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await telephony.logAttempt(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/telephony/click-to-call', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['telephony'],
      summary: 'Dial a number from my extension through the phone system, or get a tel: link',
      body: ClickToCallInput,
      response: { 200: ClickToCallResponse },
    },
    handler: (request) => telephony.clickToCall(currentUser(request), request.body),
  });
}
