import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REQUEST_TYPES, TEMPLATE_KINDS } from '@shared/requests/enums';
import { RenderedTemplate, Template, TemplatePreview, TemplateUpdate } from '@shared/requests/templates';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { rolesFor } from '@shared/auth/policies';

const TemplateParams = z.object({ requestType: z.enum(REQUEST_TYPES), kind: z.enum(TEMPLATE_KINDS) });

export async function templatesRoutes(root: FastifyInstance, { templates }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/templates', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['templates'],
      summary: 'Phone scripts, voicemail texts and e-mails for every request type (defaults filled in)',
      response: { 200: z.array(Template) },
    },
    handler: () => templates.list(),
  });

  app.put('/api/templates/:requestType/:kind', {
    config: { access: { roles: rolesFor('templates.edit') } },
    schema: {
      tags: ['templates'],
      summary: 'Save a template',
      params: TemplateParams,
      body: TemplateUpdate,
      response: { 200: Template },
    },
    handler: (request) =>
      templates.update(currentUser(request), request.params.requestType, request.params.kind, request.body),
  });

  app.delete('/api/templates/:requestType/:kind', {
    config: { access: { roles: rolesFor('templates.edit') } },
    schema: {
      tags: ['templates'],
      summary: 'Back to the built-in text',
      params: TemplateParams,
      response: { 200: Template },
    },
    handler: (request) => templates.reset(currentUser(request), request.params.requestType, request.params.kind),
  });

  app.post('/api/templates/preview', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['templates'],
      summary: 'An unsaved text filled with example data',
      body: TemplatePreview,
      response: { 200: RenderedTemplate },
    },
    handler: (request) => templates.preview(request.body),
  });
}
