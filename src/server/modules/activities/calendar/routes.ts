import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaldavSettings,
  CaldavSettingsInput,
  CaldavTestResult,
  CalendarFeed,
  CalendarFeedCreate,
  CalendarFeedUpdate,
  InvitationInput,
  InvitationSent,
  InvitationState,
} from '@shared/activities/calendar-sync';
import { rolesFor } from '@shared/auth/policies';
import { currentUser } from '@server/http/access';
import { NotFoundError } from '@server/http/errors';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const PLANNERS = rolesFor('activities.plan');
const FeedFile = z.object({ file: z.string().max(100) });

export async function calendarRoutes(root: FastifyInstance, { calendar }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const { feeds, caldav, invitations } = calendar;

  app.get('/api/calendar/feed', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "The caller's private calendar feed (the URL itself is only shown when created)",
      response: { 200: CalendarFeed },
    },
    handler: (request) => feeds.state(currentUser(request).userId),
  });

  app.post('/api/calendar/feed', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Create the feed or give it a new secret URL (the old one stops working); the URL is returned once',
      body: CalendarFeedCreate,
      response: { 200: CalendarFeed },
    },
    handler: (request) => feeds.rotate(currentUser(request).userId, request.body.includeDetails),
  });

  app.patch('/api/calendar/feed', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "Show the note, place and customer's phone in the feed and the CalDAV copy, or not",
      body: CalendarFeedUpdate,
      response: { 200: CalendarFeed },
    },
    handler: (request) => feeds.setDetails(currentUser(request).userId, request.body.includeDetails),
  });

  app.delete('/api/calendar/feed', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'Revoke the feed: its URL stops working at once' },
    handler: async (request, reply) => {
      await feeds.revoke(currentUser(request).userId);
      return reply.status(204).send();
    },
  });

  app.get('/api/calendar/feed/:file', {
    config: { access: { public: true } },
    schema: {
      tags,
      summary: 'The iCalendar feed behind a secret URL (…/<token>.ics), for Outlook, Google and phones',
      params: FeedFile,
      produces: ['text/calendar'],
    },
    handler: async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/i, '');
      const body = await feeds.render(token);
      if (body === null) throw new NotFoundError('Calendar feed');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="kalender.ics"')
        .send(body);
    },
  });

  app.get('/api/calendar/caldav', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "The caller's CalDAV calendar and the state of the push",
      response: { 200: CaldavSettings },
    },
    handler: (request) => caldav.state(currentUser(request).userId),
  });

  app.put('/api/calendar/caldav', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Push activities to this CalDAV calendar (password write-only; left out it stays)',
      body: CaldavSettingsInput,
      response: { 200: CaldavSettings },
    },
    handler: (request) => caldav.save(currentUser(request).userId, request.body),
  });

  app.delete('/api/calendar/caldav', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'Stop pushing to the CalDAV calendar' },
    handler: async (request, reply) => {
      await caldav.remove(currentUser(request).userId);
      return reply.status(204).send();
    },
  });

  app.post('/api/calendar/caldav/test', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Ask the CalDAV server for the calendar, with the stored settings or the ones given',
      body: CaldavSettingsInput.partial().optional(),
      response: { 200: CaldavTestResult },
    },
    handler: (request) => {
      const b = request.body;
      return caldav.test(
        currentUser(request).userId,
        b?.url && b.username ? { url: b.url, username: b.username, password: b.password } : undefined,
      );
    },
  });

  app.get('/api/activities/:id/invitation', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Whether the customer was sent an invitation',
      params: IdParams,
      response: { 200: InvitationState },
    },
    handler: async (request) => {
      const row = await invitations.of(currentUser(request), request.params.id);
      return {
        invited: Boolean(row),
        email: row?.email ?? null,
        reason: (row?.reason as 'consent' | 'asked' | undefined) ?? null,
        lastMethod: row?.lastMethod ?? null,
        lastSentAt: row?.lastSentAt.toISOString() ?? null,
      };
    },
  });

  app.post('/api/activities/:id/invitation', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags,
      summary:
        'E-mail the appointment to the customer as a calendar invitation (needs consent to e-mail, or reason "asked"); moves and cancellation follow by themselves',
      params: IdParams,
      body: InvitationInput,
      response: { 202: InvitationSent },
    },
    handler: async (request, reply) =>
      reply.status(202).send(await invitations.invite(currentUser(request), request.params.id, request.body.reason)),
  });
}
