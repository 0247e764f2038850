import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PhonebookFormatParam, PhonebookSettingsInput, PhonebookStatus } from '@shared/telephony/schemas';
import type { Services } from '@server/services';
import { rolesFor } from '@shared/auth/policies';

const tags = ['phonebook'];

export async function phonebookRoutes(root: FastifyInstance, { phonebook }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/phonebook/status', {
    config: { access: { roles: rolesFor('phonebook.status.read') } },
    schema: {
      tags,
      summary: 'Which phonebook files exist, how many entries, generated when',
      response: { 200: PhonebookStatus },
    },
    handler: () => phonebook.status(),
  });

  app.post('/api/phonebook/regenerate', {
    config: { access: { roles: rolesFor('phonebook.manage') } },
    schema: { tags, summary: 'Build every phonebook format now', response: { 200: PhonebookStatus } },
    handler: (request) => phonebook.regenerate(request.actor!),
  });

  app.put('/api/phonebook/:format/settings', {
    config: { access: { roles: rolesFor('phonebook.manage') } },
    schema: {
      tags,
      summary: 'Choose how one export writes numbers (national 0711… or international +49711…); rebuilds it',
      params: PhonebookFormatParam,
      body: PhonebookSettingsInput,
      response: { 200: PhonebookStatus },
    },
    handler: (request) => phonebook.setNumberFormat(request.actor!, request.params.format, request.body.numberFormat),
  });

  app.get('/api/phonebook/:format', {
    // The PBX and the desk phones fetch it with an API key of scope "phonebook"; admins from the browser.
    config: { access: { roles: rolesFor('phonebook.manage'), apiKeyScopes: ['phonebook'] } },
    schema: {
      tags,
      summary:
        'The phonebook as CSV, 3CX contact CSV, vCard 3.0, Yealink remote phonebook XML, Snom tbook XML or Fritz!Box phonebook XML',
      params: PhonebookFormatParam,
    },
    handler: async (request, reply) => {
      const file = await phonebook.file(request.params.format, request.actor!);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('last-modified', file.generatedAt.toUTCString())
        .header('cache-control', 'no-cache')
        .send(file.content);
    },
  });
}
