import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  Complaint,
  ComplaintClose,
  ComplaintCosts,
  ComplaintListItem,
  ComplaintListQuery,
  ComplaintOpen,
  ComplaintPassOn,
  ComplaintQualification,
  ComplaintReport,
  ComplaintReportQuery,
  ComplaintStepInput,
  ComplaintStepUpdate,
  SimilarComplaint,
  SimilarQuery,
} from '@shared/complaints/schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const WORKERS = rolesFor('complaints.work');
const REPORTERS = rolesFor('reports.read');

export async function complaintsRoutes(root: FastifyInstance, { complaints }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints'];
  const StepParams = z.object({ id: z.uuid(), stepId: z.uuid() });

  app.post('/api/complaints', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Open a request\'s complaint case ("Als Reklamation qualifizieren"); 200 with the existing one',
      body: ComplaintOpen,
      response: { 200: Complaint, 201: Complaint },
    },
    handler: async (request, reply) => {
      const { complaint, created } = await complaints.open(currentUser(request), request.body.requestId);
      return reply.status(created ? 201 : 200).send(complaint);
    },
  });

  app.get('/api/complaints', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Complaints at the caller’s locations: open, overdue, mine or all',
      querystring: ComplaintListQuery,
      response: { 200: z.object({ items: z.array(ComplaintListItem) }) },
    },
    handler: (request) => complaints.list(currentUser(request), request.query),
  });

  app.get('/api/complaints/report', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags: ['reports', ...tags],
      summary: 'Complaints by category, location, model and department; times, costs, repeat complaints',
      querystring: ComplaintReportQuery,
      response: { 200: ComplaintReport },
    },
    handler: (request) => complaints.report(currentUser(request), request.query),
  });

  app.get('/api/requests/:id/complaint', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: "The request's complaint case; 404 when it has none",
      params: IdParams,
      response: { 200: Complaint },
    },
    handler: (request) => complaints.ofRequest(currentUser(request), request.params.id),
  });

  app.get('/api/complaints/:id', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'A complaint case with steps, costs and history',
      params: IdParams,
      response: { 200: Complaint },
    },
    handler: (request) => complaints.get(currentUser(request), request.params.id),
  });

  app.get('/api/complaints/:id/similar', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Earlier complaints of the same customer, car, model and category, or with similar words, with outcomes',
      params: IdParams,
      querystring: SimilarQuery,
      response: { 200: z.object({ items: z.array(SimilarComplaint) }) },
    },
    handler: (request) => complaints.similar(currentUser(request), request.params.id, request.query),
  });

  app.put('/api/complaints/:id/qualification', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Qualify the complaint',
      params: IdParams,
      body: ComplaintQualification,
      response: { 200: Complaint },
    },
    handler: (request) => complaints.qualify(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/complaints/:id/steps', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Add a remedy step',
      params: IdParams,
      body: ComplaintStepInput,
      response: { 201: Complaint },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await complaints.addStep(currentUser(request), request.params.id, request.body)),
  });

  app.patch('/api/complaints/:id/steps/:stepId', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Mark a step done or open, forward it to a colleague, move its deadline',
      params: StepParams,
      body: ComplaintStepUpdate,
      response: { 200: Complaint },
    },
    handler: (request) =>
      complaints.updateStep(currentUser(request), request.params.id, request.params.stepId, request.body),
  });

  app.put('/api/complaints/:id/costs', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Costs, goodwill (cents) and time spent',
      params: IdParams,
      body: ComplaintCosts,
      response: { 200: Complaint },
    },
    handler: (request) => complaints.setCosts(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/complaints/:id/pass-on', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Pass the case on to product management or the manufacturer',
      params: IdParams,
      body: ComplaintPassOn,
      response: { 200: Complaint },
    },
    handler: (request) => complaints.passOn(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/complaints/:id/close', {
    config: { access: { roles: WORKERS } },
    schema: {
      tags,
      summary: 'Close with outcome and satisfaction',
      params: IdParams,
      body: ComplaintClose,
      response: { 200: Complaint },
    },
    handler: (request) => complaints.close(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/complaints/:id/pdf', {
    config: { access: { roles: WORKERS } },
    schema: { tags, summary: 'The case file as PDF on the location’s letterhead', params: IdParams },
    handler: async (request, reply) => {
      const { pdf, fileName } = await complaints.pdf(currentUser(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  });
}
