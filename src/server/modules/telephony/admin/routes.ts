import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Connection,
  ConnectionEvent,
  ConnectionInput,
  ConnectionUpdate,
  Extension,
  ExtensionInput,
  ExtensionUpdate,
  TrackingNumber,
  TrackingNumberInput,
  TrackingNumberUpdate,
} from '@shared/telephony/schemas';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

const tags = ['telephony admin'];
const WRITE = { access: { roles: rolesFor('telephony.setup.manage') } };
// Managers see how telephony is set up at their locations (who sits where, which campaign number routes to whom)
// but change nothing.
const READ = { access: { roles: rolesFor('telephony.setup.read') } };

export async function telephonyAdminRoutes(root: FastifyInstance, { telephonyAdmin }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { connections, extensions, trackingNumbers } = telephonyAdmin;

  app.get('/api/telephony/connections', {
    config: READ,
    schema: { tags, summary: 'Phone system connections with their live state', response: { 200: z.array(Connection) } },
    handler: (request) => connections.list(currentUser(request)),
  });
  app.get('/api/telephony/connections/:id', {
    config: READ,
    schema: { tags, params: IdParams, response: { 200: Connection } },
    handler: (request) => connections.get(request.params.id, currentUser(request)),
  });
  app.post('/api/telephony/connections', {
    config: WRITE,
    schema: { tags, summary: 'Add a phone system', body: ConnectionInput, response: { 201: Connection } },
    handler: async (request, reply) =>
      reply.status(201).send(await connections.create(currentUser(request), request.body)),
  });
  app.patch('/api/telephony/connections/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, body: ConnectionUpdate, response: { 200: Connection } },
    handler: (request) => connections.update(currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/telephony/connections/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await connections.remove(currentUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/telephony/connections/:id/events', {
    config: READ,
    schema: {
      tags,
      summary: 'The last 100 events the connection received, newest first',
      params: IdParams,
      response: { 200: z.array(ConnectionEvent) },
    },
    handler: (request) => connections.events(currentUser(request), request.params.id),
  });

  app.get('/api/telephony/extensions', {
    config: READ,
    schema: {
      tags,
      summary: 'Extensions mapped to users',
      querystring: z.object({ connectionId: z.uuid().optional() }),
      response: { 200: z.array(Extension) },
    },
    handler: (request) => extensions.list({ connectionId: request.query.connectionId }, currentUser(request)),
  });
  app.post('/api/telephony/extensions', {
    config: WRITE,
    schema: { tags, body: ExtensionInput, response: { 201: Extension } },
    handler: async (request, reply) =>
      reply.status(201).send(await extensions.create(currentUser(request), request.body)),
  });
  app.patch('/api/telephony/extensions/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, body: ExtensionUpdate, response: { 200: Extension } },
    handler: (request) => extensions.update(currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/telephony/extensions/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await extensions.remove(currentUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/telephony/tracking-numbers', {
    config: READ,
    schema: {
      tags,
      summary: 'Tracking numbers per campaign or listing (R0.3)',
      response: { 200: z.array(TrackingNumber) },
    },
    handler: (request) => trackingNumbers.list(currentUser(request)),
  });
  app.post('/api/telephony/tracking-numbers', {
    config: WRITE,
    schema: { tags, body: TrackingNumberInput, response: { 201: TrackingNumber } },
    handler: async (request, reply) =>
      reply.status(201).send(await trackingNumbers.create(currentUser(request), request.body)),
  });
  app.patch('/api/telephony/tracking-numbers/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, body: TrackingNumberUpdate, response: { 200: TrackingNumber } },
    handler: (request) => trackingNumbers.update(currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/telephony/tracking-numbers/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await trackingNumbers.remove(currentUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
