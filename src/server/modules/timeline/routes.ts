import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NoteInput, TimelineEntry, TimelinePage, TimelineQuery } from '@shared/timeline/schemas';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';

export async function timelineRoutes(root: FastifyInstance, { timeline }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/contacts/:id/timeline', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['timeline'],
      summary: "A contact's history, newest first; kinds filters (comma-separated)",
      params: IdParams,
      querystring: TimelineQuery,
      response: { 200: TimelinePage },
    },
    handler: (request) => timeline.forContact(request.params.id, request.query),
  });

  app.get('/api/vehicles/:id/timeline', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['timeline'],
      summary: "A vehicle's history, newest first",
      params: IdParams,
      querystring: TimelineQuery,
      response: { 200: TimelinePage },
    },
    handler: (request) => timeline.forVehicle(request.params.id, request.query),
  });

  // Every role talks to customers (the parts counter too), so everyone may note what was said.
  app.post('/api/contacts/:id/notes', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['timeline'],
      summary: 'Add a note to the contact history',
      params: IdParams,
      body: NoteInput,
      response: { 201: TimelineEntry },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await timeline.addNote(currentUser(request), request.params.id, request.body)),
  });
}
