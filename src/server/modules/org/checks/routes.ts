import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  CheckEntry,
  CheckEntryInput,
  ChecksQuery,
  DailyCheck,
  DailyCheckInput,
  LocationChecks,
  MissingCheck,
} from '@shared/org/duty';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

export async function checksRoutes(root: FastifyInstance, { checks }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/locations/:id/checks', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: "A location's daily checks: due today, entries and days without an entry",
      params: IdParams,
      querystring: ChecksQuery,
      response: { 200: LocationChecks },
    },
    handler: (request) => checks.forLocation(currentUser(request), request.params.id, request.query),
  });

  app.post('/api/locations/:id/checks', {
    config: { access: { roles: rolesFor('org.duty.manage') } },
    schema: {
      tags: ['org'],
      summary: 'Set up a daily check (managers: at their locations)',
      params: IdParams,
      body: DailyCheckInput,
      response: { 201: DailyCheck },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await checks.create(currentUser(request), request.params.id, request.body)),
  });

  app.put('/api/checks/:id', {
    config: { access: { roles: rolesFor('org.duty.manage') } },
    schema: { tags: ['org'], params: IdParams, body: DailyCheckInput, response: { 200: DailyCheck } },
    handler: (request) => checks.update(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/checks/:id/entries', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: "Record a day's check: findings as written, ok or not; one entry per day",
      params: IdParams,
      body: CheckEntryInput,
      response: { 201: CheckEntry },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await checks.record(currentUser(request), request.params.id, request.body)),
  });

  app.get('/api/checks/missing', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: 'Days of the last week without an entry, of the checks I run or manage',
      response: { 200: z.array(MissingCheck) },
    },
    handler: (request) => checks.missingFor(currentUser(request)),
  });
}
