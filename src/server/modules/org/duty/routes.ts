import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckInInput,
  DutyHistoryQuery,
  DutySettings,
  DutySettingsInput,
  DutyShift,
  MyDuty,
  OnDutyEntry,
  OnDutyQuery,
} from '@shared/org/duty';
import { rolesFor } from '@shared/auth/policies';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

export async function dutyRoutes(root: FastifyInstance, { duty }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/duty/me', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: 'My open shift and the locations I may check in at',
      response: { 200: MyDuty },
    },
    handler: (request) => duty.mine(currentUser(request)),
  });

  app.post('/api/duty/check-in', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: 'Check in at one of my locations; an open shift elsewhere ends now',
      body: CheckInInput,
      response: { 200: DutyShift },
    },
    handler: (request) => duty.checkIn(currentUser(request), request.body.locationId),
  });

  app.post('/api/duty/check-out', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['org'], summary: 'Check out; 409 when not checked in', response: { 200: DutyShift } },
    handler: (request) => duty.checkOut(currentUser(request)),
  });

  app.get('/api/duty/now', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: 'Who is on duty at a location now, longest first',
      querystring: OnDutyQuery,
      response: { 200: z.array(OnDutyEntry) },
    },
    handler: (request) => duty.onDuty(request.query.locationId),
  });

  app.get('/api/duty/history', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: "Shifts, newest first: one's own; managers those at their locations",
      querystring: DutyHistoryQuery,
      response: { 200: z.array(DutyShift) },
    },
    handler: (request) => duty.history(currentUser(request), request.query),
  });

  app.get('/api/locations/:id/duty-settings', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['org'], params: IdParams, response: { 200: DutySettings } },
    handler: (request) => duty.settings(request.params.id),
  });

  app.put('/api/locations/:id/duty-settings', {
    config: { access: { roles: rolesFor('org.duty.manage') } },
    schema: {
      tags: ['org'],
      summary: 'Whether the location uses check-in and checks out at closing time (managers: their locations)',
      params: IdParams,
      body: DutySettingsInput,
      response: { 200: DutySettings },
    },
    handler: (request) => duty.saveSettings(currentUser(request), request.params.id, request.body),
  });
}
