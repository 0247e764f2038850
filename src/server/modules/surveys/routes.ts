import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  PhoneSurveyInput,
  PublicAnswerInput,
  PublicSurvey,
  Questionnaire,
  QuestionnaireInput,
  SatisfactionQuery,
  SatisfactionReport,
  SurveyInvitation,
  SurveyInvitationInput,
  SurveyResponse,
  SurveyToken,
} from '@shared/surveys/schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';
import { createPublicLimit } from './public-limit';

const ASKERS = rolesFor('surveys.answer');
const tags = ['surveys'];

export async function surveysRoutes(root: FastifyInstance, { surveys }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const limit = createPublicLimit();

  app.get('/api/surveys/questionnaire', {
    config: { access: { roles: ASKERS } },
    schema: { tags, summary: 'The current questionnaire version', response: { 200: Questionnaire } },
    handler: () => surveys.questionnaires.currentView(),
  });

  app.put('/api/surveys/questionnaire', {
    config: { access: { roles: rolesFor('surveys.questionnaire.manage') } },
    schema: {
      tags,
      summary: 'Change the questionnaire: writes the next version, answers keep the version they answered',
      body: QuestionnaireInput,
      response: { 200: Questionnaire },
    },
    handler: (request) => surveys.questionnaires.save(currentUser(request), request.body),
  });

  app.post('/api/surveys/responses', {
    config: { access: { roles: ASKERS } },
    schema: {
      tags,
      summary: 'Answers taken down on the phone; completes the satisfaction call it answers',
      body: PhoneSurveyInput,
      response: { 201: SurveyResponse },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await surveys.answerByPhone(currentUser(request), request.body)),
  });

  app.post('/api/surveys/invitations', {
    config: { access: { roles: ASKERS } },
    schema: {
      tags,
      summary: 'E-mail the customer a personal link to the survey (needs consent to marketing e-mail)',
      body: SurveyInvitationInput,
      response: { 201: SurveyInvitation },
    },
    handler: async (request, reply) => reply.status(201).send(await surveys.invite(currentUser(request), request.body)),
  });

  app.get('/api/contacts/:id/surveys', {
    config: { access: { roles: ASKERS } },
    schema: {
      tags,
      summary: "The customer's survey answers, newest first",
      params: IdParams,
      response: { 200: z.array(SurveyResponse) },
    },
    handler: (request) => surveys.forContact(currentUser(request), request.params.id),
  });

  app.get('/api/reports/satisfaction', {
    config: { access: { roles: rolesFor('reports.read') } },
    schema: {
      tags: ['reports'],
      summary: 'Satisfaction and NPS of a period per location and consultant, with the answer rate of e-mailed links',
      querystring: SatisfactionQuery,
      response: { 200: SatisfactionReport },
    },
    handler: (request) => surveys.report(currentUser(request), request.query),
  });

  app.get('/api/public/surveys/:token', {
    config: { access: { public: true } },
    schema: {
      tags,
      summary: "The customer's survey behind their link: 409 when answered, 410 when expired",
      params: SurveyToken,
      response: { 200: PublicSurvey },
    },
    handler: (request) => {
      limit(request);
      return surveys.publicView(request.params.token);
    },
  });

  app.post('/api/public/surveys/:token', {
    config: { access: { public: true } },
    bodyLimit: 64 * 1024,
    schema: {
      tags,
      summary: 'The customer sends their answers; once only (409 after), not after expiry (410)',
      params: SurveyToken,
      body: PublicAnswerInput,
      response: { 201: z.object({ thanks: z.literal(true) }) },
    },
    handler: async (request, reply) => {
      limit(request);
      return reply.status(201).send(await surveys.publicAnswer(request.params.token, request.body.answers));
    },
  });
}
