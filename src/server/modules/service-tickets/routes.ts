import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallTicketResult,
  CallTicketStart,
  ProcessTemplate,
  ProcessTemplateInput,
  ProcessTemplateList,
  ServiceTicket,
  StepCompletion,
  TicketList,
  TicketListQuery,
  TicketReport,
  TicketReportQuery,
  TicketStart,
} from '@shared/service-tickets/schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const StepParams = z.object({ id: z.uuid(), stepId: z.uuid() });

export async function serviceTicketsRoutes(root: FastifyInstance, { serviceTickets }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['service-tickets'];
  const { templates, tickets } = serviceTickets;

  app.get('/api/service-processes', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "The current version of every service process of the caller's locations and the group",
      response: { 200: ProcessTemplateList },
    },
    handler: async (request) => ({ items: await templates.list(currentUser(request)) }),
  });

  app.get('/api/service-processes/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'One version of a service process', params: IdParams, response: { 200: ProcessTemplate } },
    handler: (request) => templates.get(currentUser(request), request.params.id),
  });

  app.post('/api/service-processes', {
    config: { access: { roles: ['admin', 'manager'] } },
    schema: {
      tags,
      summary: 'A new service process (version 1); managers for their locations or the group',
      body: ProcessTemplateInput,
      response: { 201: ProcessTemplate },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await templates.create(currentUser(request), request.body)),
  });

  app.put('/api/service-processes/:id', {
    config: { access: { roles: ['admin', 'manager'] } },
    schema: {
      tags,
      summary: 'Edit a service process: writes its next version; running tickets keep theirs (409 on an old version)',
      params: IdParams,
      body: ProcessTemplateInput,
      response: { 200: ProcessTemplate },
    },
    handler: (request) => templates.update(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/service-tickets', {
    config: { access: { roles: ['admin', 'manager', 'service', 'reception', 'parts'] } },
    schema: {
      tags,
      summary: "Start a service ticket from a request or for a customer; its first step's activity is planned",
      body: TicketStart,
      response: { 201: ServiceTicket },
    },
    handler: async (request, reply) => reply.status(201).send(await tickets.start(currentUser(request), request.body)),
  });

  app.post('/api/calls/:id/service-ticket', {
    config: { access: { roles: ['admin', 'manager', 'service', 'reception', 'parts'] } },
    schema: {
      tags: [...tags, 'telephony'],
      summary:
        "Start a service ticket from a call's note, for the call's customer at its location; once per call and process (200 with the existing one)",
      params: IdParams,
      body: CallTicketStart,
      response: { 200: CallTicketResult, 201: CallTicketResult },
    },
    handler: async (request, reply) => {
      const result = await tickets.startFromCall(currentUser(request), request.params.id, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  });

  app.get('/api/service-tickets', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Tickets: mine (a step in my hands), of a location, or overdue; or those of one request',
      querystring: TicketListQuery,
      response: { 200: TicketList },
    },
    handler: async (request) => ({ items: await tickets.list(currentUser(request), request.query) }),
  });

  app.get('/api/service-tickets/report', {
    config: { access: { roles: ['admin', 'manager'] } },
    schema: {
      tags,
      summary: 'Tickets and steps on time per process, mean lead time, expected vs actual cost',
      querystring: TicketReportQuery,
      response: { 200: TicketReport },
    },
    handler: (request) => serviceTickets.report(currentUser(request), request.query),
  });

  app.get('/api/service-tickets/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'One ticket with its steps', params: IdParams, response: { 200: ServiceTicket } },
    handler: (request) => tickets.get(currentUser(request), request.params.id),
  });

  app.post('/api/service-tickets/:id/steps/:stepId/complete', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'The step in progress is done (actual time and cost); the next one starts',
      params: StepParams,
      body: StepCompletion,
      response: { 200: ServiceTicket },
    },
    handler: (request) =>
      tickets.completeStep(currentUser(request), request.params.id, request.params.stepId, request.body),
  });
}
