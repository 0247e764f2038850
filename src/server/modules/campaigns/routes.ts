import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  Campaign,
  CampaignInput,
  CampaignReport,
  CampaignReportQuery,
  MarkResponseInput,
  PreviewRecipient,
  RecipientPage,
  SelectionCount,
  SelectionQuery,
} from '@shared/campaigns/schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';
import type { UnsubscribeOutcome } from './responses';
import { unsubscribePage } from './unsubscribe-page';

const MANAGERS = rolesFor('campaigns.manage');

export async function campaignsRoutes(root: FastifyInstance, { campaigns }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const access = { access: { roles: MANAGERS } };
  const tags = ['campaigns'];

  app.post('/api/campaigns/selection/count', {
    config: access,
    schema: {
      tags,
      summary: 'The live count of a selection for a channel: matching, blocked, without consent or address',
      body: SelectionQuery,
      response: { 200: SelectionCount },
    },
    handler: (request) => campaigns.count(currentUser(request), request.body.channel, request.body.filter),
  });

  app.post('/api/campaigns/selection/preview', {
    config: access,
    schema: {
      tags,
      summary: 'The first matching contacts by name, each with why it would be left out',
      body: SelectionQuery,
      response: { 200: z.array(PreviewRecipient) },
    },
    handler: (request) => campaigns.preview(currentUser(request), request.body.channel, request.body.filter),
  });

  app.get('/api/campaigns/vehicle-choices', {
    config: access,
    schema: {
      tags,
      summary: 'Brands and models on record with how many vehicles each',
      response: { 200: z.array(z.object({ brand: z.string(), model: z.string(), count: z.number() })) },
    },
    handler: () => campaigns.vehicleChoices(),
  });

  app.get('/api/campaigns', {
    config: access,
    schema: { tags, summary: 'Campaigns of my locations, newest first', response: { 200: z.array(Campaign) } },
    handler: (request) => campaigns.list(currentUser(request)),
  });

  app.post('/api/campaigns', {
    config: access,
    schema: { tags, summary: 'Create a campaign (draft)', body: CampaignInput, response: { 201: Campaign } },
    handler: async (request, reply) => reply.code(201).send(await campaigns.create(currentUser(request), request.body)),
  });

  app.get('/api/campaigns/:id', {
    config: access,
    schema: { tags, summary: 'One campaign with its results', params: IdParams, response: { 200: Campaign } },
    handler: (request) => campaigns.get(currentUser(request), request.params.id),
  });

  app.put('/api/campaigns/:id', {
    config: access,
    schema: { tags, summary: 'Change a draft', params: IdParams, body: CampaignInput, response: { 200: Campaign } },
    handler: (request) => campaigns.update(currentUser(request), request.params.id, request.body),
  });

  app.delete('/api/campaigns/:id', {
    config: access,
    schema: { tags, summary: 'Delete a draft', params: IdParams },
    handler: async (request, reply) => {
      await campaigns.remove(currentUser(request), request.params.id);
      return reply.code(204).send();
    },
  });

  app.post('/api/campaigns/:id/start', {
    config: access,
    schema: {
      tags,
      summary: 'Start: freeze the recipients (the confirmed count must still hold) and send, print or plan calls',
      params: IdParams,
      body: z.object({ expectedRecipients: z.number().int().min(0) }),
      response: { 200: Campaign },
    },
    handler: (request) => campaigns.start(currentUser(request), request.params.id, request.body.expectedRecipients),
  });

  app.get('/api/campaigns/:id/recipients', {
    config: access,
    schema: {
      tags,
      summary: 'The frozen recipients in campaign order, a page at a time',
      params: IdParams,
      querystring: z.object({
        after: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: RecipientPage },
    },
    handler: (request) =>
      campaigns.recipients(currentUser(request), request.params.id, request.query.after, request.query.limit),
  });

  app.put('/api/campaigns/:id/recipients/:recipientId/response', {
    config: access,
    schema: {
      tags,
      summary: 'Mark or clear a response of a recipient',
      params: z.object({ id: z.uuid(), recipientId: z.uuid() }),
      body: MarkResponseInput,
    },
    handler: async (request, reply) => {
      const { id, recipientId } = request.params;
      await campaigns.markResponse(currentUser(request), id, recipientId, request.body.response, request.body.marked);
      return reply.code(204).send();
    },
  });

  app.get('/api/campaigns/:id/letters.pdf', {
    config: access,
    schema: { tags, summary: 'The letters as one PDF, a page per recipient, streamed', params: IdParams },
    handler: async (request, reply) => {
      const { campaign, stream } = await campaigns.letters(currentUser(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="kampagne-${campaign.id.slice(0, 8)}.pdf"`)
        .send(stream);
    },
  });

  app.get('/api/reports/campaigns', {
    config: access,
    schema: {
      tags: ['reports'],
      summary: 'Campaigns started in a period: sent, excluded, responses and conversion to requests',
      querystring: CampaignReportQuery,
      response: { 200: CampaignReport },
    },
    handler: (request) => campaigns.report(currentUser(request), request.query),
  });

  // The unsubscribe link: a page anyone holding the mail may open; only the POST changes anything,
  // so a mail scanner following links unsubscribes nobody. Mail clients post here too (RFC 8058).
  const Token = z.object({ token: z.string().min(1).max(200) });
  const page = (reply: { type(t: string): unknown }, outcome: UnsubscribeOutcome, confirm: boolean) => {
    reply.type('text/html; charset=utf-8');
    return unsubscribePage(outcome, confirm);
  };
  app.register(async (scope) => {
    // One-click unsubscribe posts a form body; its content does not matter.
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'])
      scope.addContentTypeParser(type, { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
    const open = scope.withTypeProvider<ZodTypeProvider>();
    open.get('/api/public/unsubscribe/:token', {
      config: { access: { public: true } },
      schema: { tags, summary: 'The unsubscribe page of a campaign mail', params: Token },
      handler: async (request, reply) => {
        const state = await campaigns.unsubscribeState(request.params.token);
        return page(reply, state, state === 'unsubscribed');
      },
    });
    open.post('/api/public/unsubscribe/:token', {
      config: { access: { public: true } },
      schema: { tags, summary: 'Unsubscribe: withdraws the marketing consent to e-mail', params: Token },
      handler: async (request, reply) => {
        const outcome = await campaigns.unsubscribe(request.params.token);
        if (outcome === 'unknown') reply.code(404);
        return page(reply, outcome, false);
      },
    });
  });
}
