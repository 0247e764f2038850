import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  ContactPhasesSchema,
  LifecycleReportQuery,
  LifecycleReportSchema,
  LifecycleRuleSchema,
  LifecycleRunResultSchema,
  lifecycleRuleInput,
  PrintBatchSchema,
  WaitingLettersSchema,
} from '@shared/lifecycle/rules';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';

const MANAGE = rolesFor('lifecycle.manage');
const PRINT = rolesFor('lifecycle.printLetters');
const IdParams = z.object({ id: z.uuid() });

export async function lifecycleRoutes(root: FastifyInstance, { lifecycle }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/lifecycle/rules', {
    config: { access: { roles: MANAGE } },
    schema: {
      tags: ['lifecycle'],
      summary: 'Lifecycle rules: the group-wide ones and those of my locations (administrators: all)',
      response: { 200: z.array(LifecycleRuleSchema) },
    },
    handler: (request) => lifecycle.listRules(currentUser(request)),
  });

  app.post('/api/lifecycle/rules', {
    config: { access: { roles: MANAGE } },
    schema: {
      tags: ['lifecycle'],
      summary: 'Add a lifecycle rule (managers: for one of their locations)',
      body: lifecycleRuleInput,
      response: { 201: LifecycleRuleSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await lifecycle.createRule(currentUser(request), request.body)),
  });

  app.put('/api/lifecycle/rules/:id', {
    config: { access: { roles: MANAGE } },
    schema: {
      tags: ['lifecycle'],
      summary: 'Change a lifecycle rule, e.g. turn it on or off; a rule turned on creates what is due now',
      params: IdParams,
      body: lifecycleRuleInput.extend({ version: z.number().int().min(1) }),
      response: { 200: LifecycleRuleSchema },
    },
    handler: (request) => lifecycle.updateRule(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/lifecycle/run', {
    config: { access: { roles: MANAGE } },
    schema: {
      tags: ['lifecycle'],
      summary: '"Jetzt ausführen": run all lifecycle rules now; what was done before is not done again',
      response: { 200: LifecycleRunResultSchema },
    },
    handler: (request) => lifecycle.runNow(currentUser(request)),
  });

  app.get('/api/lifecycle/settings', {
    config: { access: { roles: MANAGE } },
    schema: {
      tags: ['lifecycle'],
      summary: 'The daily cap of lifecycle actions per person',
      response: { 200: z.object({ dailyCapPerPerson: z.number().int() }) },
    },
    handler: async () => ({ dailyCapPerPerson: await lifecycle.dailyCap() }),
  });

  app.put('/api/lifecycle/settings', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['lifecycle'],
      summary: 'Set the daily cap of lifecycle actions per person (administrators)',
      body: z.object({ dailyCapPerPerson: z.number().int().min(1).max(500) }),
      response: { 200: z.object({ dailyCapPerPerson: z.number().int() }) },
    },
    handler: async (request) => ({
      dailyCapPerPerson: await lifecycle.setDailyCap(currentUser(request), request.body.dailyCapPerPerson),
    }),
  });

  const LocationParams = z.object({ locationId: z.uuid() });

  app.get('/api/lifecycle/letters/:locationId', {
    config: { access: { roles: PRINT } },
    schema: {
      tags: ['lifecycle'],
      summary: '"Briefe drucken": the lifecycle letters waiting at a location per rule, and the batches printed before',
      params: LocationParams,
      response: { 200: WaitingLettersSchema },
    },
    handler: (request) => lifecycle.waitingLetters(currentUser(request), request.params.locationId),
  });

  app.post('/api/lifecycle/letters/:locationId/batches', {
    config: { access: { roles: PRINT } },
    schema: {
      tags: ['lifecycle'],
      summary: '"PDF erstellen": put every waiting letter of the location into a print batch, marked printed',
      params: LocationParams,
      response: { 201: PrintBatchSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await lifecycle.createPrintBatch(currentUser(request), request.params.locationId)),
  });

  app.get('/api/lifecycle/print-batches/:id/letters.pdf', {
    config: { access: { roles: PRINT } },
    schema: {
      tags: ['lifecycle'],
      summary: "A print batch's letters as one PDF, a page per letter, streamed; as often as needed",
      params: IdParams,
    },
    handler: async (request, reply) => {
      const { batch, stream } = await lifecycle.printBatchPdf(currentUser(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="briefe-${batch.id.slice(0, 8)}.pdf"`)
        .send(stream);
    },
  });

  app.get('/api/reports/lifecycle', {
    config: { access: { roles: rolesFor('reports.read') } },
    schema: {
      tags: ['reports', 'lifecycle'],
      summary:
        'Lifecycle actions due in a period per rule and person (done, waiting to be sent, skipped by reason) and the re-purchase conversion',
      querystring: LifecycleReportQuery,
      response: { 200: LifecycleReportSchema },
    },
    handler: (request) => lifecycle.report(currentUser(request), request.query),
  });

  app.get('/api/contacts/:id/lifecycle', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['lifecycle'],
      summary: "A customer's lifecycle phase (the most advanced of their vehicles) and each vehicle's, with the month",
      params: IdParams,
      response: { 200: ContactPhasesSchema },
    },
    handler: (request) => lifecycle.phasesOfContact(request.params.id),
  });
}
