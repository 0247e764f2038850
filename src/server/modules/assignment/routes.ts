import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Absence,
  AbsenceInput,
  AbsencePatch,
  AbsenceQuery,
  AssignmentDecision,
  AssignmentProbe,
  AssignmentRule,
  AssignmentRuleInput,
  AssignmentRulePatch,
  PresenceEntry,
  PresenceQuery,
  RuleOrder,
} from '@shared/requests/assignment';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

const RULE_EDITORS = rolesFor('assignment.rules.edit');
/** Everyone who receives requests may see by which rules (R3.1); staff see those of their locations. */
const RULE_READERS = rolesFor('assignment.rules.read');

export async function assignmentRoutes(root: FastifyInstance, { assignment }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { rules, absences } = assignment;

  app.get('/api/assignment/rules', {
    config: { access: { roles: RULE_READERS } },
    schema: {
      tags: ['assignment'],
      summary: 'Assignment rules in the order they are tried (staff: those that apply to their locations)',
      response: { 200: z.array(AssignmentRule) },
    },
    handler: (request) => rules.list(currentUser(request)),
  });

  app.post('/api/assignment/rules', {
    config: { access: { roles: RULE_EDITORS } },
    schema: {
      tags: ['assignment'],
      summary: 'Add a rule (it goes last)',
      body: AssignmentRuleInput,
      response: { 201: AssignmentRule },
    },
    handler: async (request, reply) => reply.status(201).send(await rules.create(currentUser(request), request.body)),
  });

  app.put('/api/assignment/rules/order', {
    config: { access: { roles: RULE_EDITORS } },
    schema: {
      tags: ['assignment'],
      summary: 'Reorder the rules: the complete list of rule ids in the new order',
      body: RuleOrder,
      response: { 200: z.array(AssignmentRule) },
    },
    handler: (request) => rules.reorder(currentUser(request), request.body.ids),
  });

  app.patch('/api/assignment/rules/:id', {
    config: { access: { roles: RULE_EDITORS } },
    schema: { tags: ['assignment'], params: IdParams, body: AssignmentRulePatch, response: { 200: AssignmentRule } },
    handler: (request) => rules.update(currentUser(request), request.params.id, request.body),
  });

  app.delete('/api/assignment/rules/:id', {
    config: { access: { roles: RULE_EDITORS } },
    schema: { tags: ['assignment'], params: IdParams },
    handler: async (request, reply) => {
      await rules.remove(currentUser(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/api/assignment/probe', {
    config: { access: { roles: RULE_EDITORS } },
    schema: {
      tags: ['assignment'],
      summary: 'Who would get this request? Tries the rules without creating or moving anything',
      body: AssignmentProbe,
      response: { 200: AssignmentDecision },
    },
    handler: (request) => assignment.probe(currentUser(request), request.body),
  });

  app.get('/api/absences', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['assignment'],
      summary:
        'Absences overlapping a date range, of one person or everyone; kind and note only for the person, their managers and admins',
      querystring: AbsenceQuery,
      response: { 200: z.array(Absence) },
    },
    handler: (request) => absences.list(currentUser(request), request.query),
  });

  app.post('/api/absences', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['assignment'],
      summary: 'Record an absence (own; managers for their locations; admins for anyone)',
      body: AbsenceInput,
      response: { 201: Absence },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await absences.create(currentUser(request), request.body)),
  });

  app.patch('/api/absences/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['assignment'], params: IdParams, body: AbsencePatch, response: { 200: Absence } },
    handler: (request) => absences.update(currentUser(request), request.params.id, request.body),
  });

  app.delete('/api/absences/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['assignment'], params: IdParams },
    handler: async (request, reply) => {
      await absences.remove(currentUser(request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/users/presence', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['assignment'],
      summary: 'Who is here today: active colleagues of a location, who is on the phone, absent ones with their deputy',
      querystring: PresenceQuery,
      response: { 200: z.array(PresenceEntry) },
    },
    handler: (request) => absences.presence(currentUser(request), request.query.locationId),
  });
}
