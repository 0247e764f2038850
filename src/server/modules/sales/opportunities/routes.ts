import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rolesFor } from '@shared/auth/policies';
import {
  Board,
  BoardQuery,
  CustomerOpportunities,
  OpportunityDetail,
  OpportunityInput,
  OpportunityList,
  OpportunityListQuery,
  OpportunityLoss,
  OpportunityReopen,
  OpportunityStageMove,
  OpportunityUpdate,
} from '@shared/sales/opportunity-schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { OpportunitiesService } from './service';

const SELLERS = rolesFor('sales.work');
const CREATORS = rolesFor('sales.create');
const EVERYONE = rolesFor('sales.customerRead');

export async function opportunitiesRoutes(
  root: FastifyInstance,
  { opportunities }: { opportunities: OpportunitiesService },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['sales'];

  app.get('/api/opportunities/board', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: "A location's pipeline board: open opportunities by stage with count, value and next activity",
      querystring: BoardQuery,
      response: { 200: Board },
    },
    handler: (request) => opportunities.board(currentUser(request), request.query),
  });

  app.get('/api/opportunities', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Opportunities per location, consultant, stage, status and source, with the pipeline value',
      querystring: OpportunityListQuery,
      response: { 200: OpportunityList },
    },
    handler: (request) => opportunities.list(currentUser(request), request.query),
  });

  app.post('/api/opportunities', {
    config: { access: { roles: CREATORS } },
    schema: {
      tags,
      summary: 'Open an opportunity from a sales lead, the customer record or a walk-in',
      body: OpportunityInput,
      response: { 201: OpportunityDetail },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await opportunities.create(currentUser(request), request.body)),
  });

  app.get('/api/opportunities/:id', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'An opportunity with its stage changes and current offer',
      params: IdParams,
      response: { 200: OpportunityDetail },
    },
    handler: (request) => opportunities.get(currentUser(request), request.params.id),
  });

  app.patch('/api/opportunities/:id', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Edit the interest, value, date, source or consultant (409 on a stale version)',
      params: IdParams,
      body: OpportunityUpdate,
      response: { 200: OpportunityDetail },
    },
    handler: (request) => opportunities.update(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/opportunities/:id/stage', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Move to another stage, forward or back; 400 naming what the stage needs and is missing',
      params: IdParams,
      body: OpportunityStageMove,
      response: { 200: OpportunityDetail },
    },
    handler: (request) => opportunities.moveStage(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/opportunities/:id/lost', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Mark lost with a reason (bought elsewhere: which brand; other: a note)',
      params: IdParams,
      body: OpportunityLoss,
      response: { 200: OpportunityDetail },
    },
    handler: (request) => opportunities.lose(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/opportunities/:id/reopen', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Open a lost opportunity again',
      params: IdParams,
      body: OpportunityReopen,
      response: { 200: OpportunityDetail },
    },
    handler: (request) => opportunities.reopen(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/contacts/:id/opportunities', {
    config: { access: { roles: EVERYONE } },
    schema: {
      tags,
      summary: "The customer's open opportunities with their current offer (customer record, walk-in panel)",
      params: IdParams,
      response: { 200: CustomerOpportunities },
    },
    handler: (request) => opportunities.ofCustomer(request.params.id),
  });
}
