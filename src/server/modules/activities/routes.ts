import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Activity,
  ActivityCancellation,
  ActivityCompletion,
  ActivityInput,
  ActivityList,
  ActivityListQuery,
  ActivityRangeQuery,
  ActivitySnooze,
  ActivityUpdate as ActivityUpdateBody,
  FollowUpProposal,
  FollowUpProposalQuery,
  FollowUpRules,
} from '@shared/activities/schemas';
import { rolesFor } from '@shared/auth/policies';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const PLANNERS = rolesFor('activities.plan');
const MANAGERS = rolesFor('activities.team');

const ActivityDetail = Activity.extend({
  changes: z.array(z.object({ at: z.string(), kind: z.string(), by: z.string().nullable(), data: z.unknown() })),
});

export async function activitiesRoutes(root: FastifyInstance, { activities }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];

  app.get('/api/activities/calendar', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "A calendar range: the caller's activities, a colleague's or a location's (managers)",
      querystring: ActivityRangeQuery,
      response: { 200: ActivityList },
    },
    handler: (request) => activities.range(currentUser(request), request.query),
  });

  app.get('/api/activities', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "A customer's, vehicle's or request's activities, open ones first",
      querystring: ActivityListQuery,
      response: { 200: ActivityList },
    },
    handler: (request) => activities.listLinked(request.query),
  });

  app.get('/api/activities/due', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: "The caller's overdue activities and today's, with their counts",
      response: { 200: z.object({ overdue: z.number(), today: z.number(), items: z.array(Activity) }) },
    },
    handler: (request) => activities.dueNow(currentUser(request)),
  });

  app.post('/api/activities', {
    config: { access: { roles: PLANNERS } },
    schema: { tags, summary: 'Plan an activity or appointment', body: ActivityInput, response: { 201: Activity } },
    handler: async (request, reply) =>
      reply.status(201).send(await activities.plan(currentUser(request), request.body)),
  });

  app.get('/api/activities/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'An activity with its changes', params: IdParams, response: { 200: ActivityDetail } },
    handler: (request) => activities.get(currentUser(request), request.params.id),
  });

  app.patch('/api/activities/:id', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags,
      summary: 'Edit, move or hand over an open activity; pass version to refuse overwriting a newer change (409)',
      params: IdParams,
      body: ActivityUpdateBody,
      response: { 200: Activity },
    },
    handler: (request) => activities.update(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/activities/:id/complete', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags,
      summary: 'Done with a result and note, optionally planning the follow-up at once',
      params: IdParams,
      body: ActivityCompletion,
      response: { 200: z.object({ activity: Activity, followUp: Activity.nullable() }) },
    },
    handler: (request) => activities.complete(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/activities/:id/follow-up', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags,
      summary: 'The follow-up the managers’ rules propose for completing with this result',
      params: IdParams,
      querystring: FollowUpProposalQuery,
      response: { 200: FollowUpProposal.nullable() },
    },
    handler: (request) => activities.proposeFollowUp(currentUser(request), request.params.id, request.query.result),
  });

  app.post('/api/activities/:id/cancel', {
    config: { access: { roles: PLANNERS } },
    schema: {
      tags,
      summary: 'Cancel an open activity (kept in the history)',
      params: IdParams,
      body: ActivityCancellation,
      response: { 200: Activity },
    },
    handler: (request) => activities.cancel(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/activities/:id/snooze', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Remind again in some minutes',
      params: IdParams,
      body: ActivitySnooze,
      response: { 200: Activity },
    },
    handler: (request) => activities.snooze(currentUser(request), request.params.id, request.body.minutes),
  });

  app.get('/api/activities/follow-up-rules', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'Follow-up intervals per activity type and result', response: { 200: FollowUpRules } },
    handler: async () => ({ rules: await activities.followUpRules() }),
  });

  app.put('/api/activities/follow-up-rules', {
    config: { access: { roles: MANAGERS } },
    schema: {
      tags,
      summary: 'Replace the follow-up intervals (an empty list restores the defaults)',
      body: FollowUpRules,
      response: { 200: FollowUpRules },
    },
    handler: async (request) => ({
      rules: await activities.setFollowUpRules(currentUser(request), request.body.rules),
    }),
  });
}
