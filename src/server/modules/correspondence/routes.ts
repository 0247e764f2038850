import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  CustomerEmailDetail,
  CustomerEmailOptions,
  CustomerEmailPreviewInput,
  CustomerEmailSummary,
  RenderedCustomerEmail,
  SendCustomerEmailInput,
} from '@shared/correspondence/schemas';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

/** Whoever works with customers may write to them; the sender is always the current user. */
const WRITERS = rolesFor('contacts.edit');

export async function correspondenceRoutes(root: FastifyInstance, { correspondence }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/contacts/:id/email-options', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags: ['correspondence'],
      summary: "The customer's e-mail addresses, consent and block, and the templates to write with",
      params: IdParams,
      response: { 200: CustomerEmailOptions },
    },
    handler: (request) => correspondence.options(currentUser(request), request.params.id),
  });

  app.post('/api/contacts/:id/emails/preview', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags: ['correspondence'],
      summary: 'A customer e-mail template filled for this customer (unknown placeholders are left and listed)',
      params: IdParams,
      body: CustomerEmailPreviewInput,
      response: { 200: RenderedCustomerEmail },
    },
    handler: (request) => correspondence.preview(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/contacts/:id/emails', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags: ['correspondence'],
      summary: 'Write to the customer: sent from the current user with Reply-To them, kept exactly as sent',
      params: IdParams,
      body: SendCustomerEmailInput,
      response: { 201: CustomerEmailSummary },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await correspondence.send(currentUser(request), request.params.id, request.body)),
  });

  app.get('/api/contacts/:id/emails', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags: ['correspondence'],
      summary: 'E-mails written to the customer, newest first, with their delivery state',
      params: IdParams,
      response: { 200: z.array(CustomerEmailSummary) },
    },
    handler: (request) => correspondence.list(currentUser(request), request.params.id),
  });

  app.get('/api/customer-emails/:id', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags: ['correspondence'],
      summary: 'A stored customer e-mail: headers as sent, text, attachments',
      params: IdParams,
      response: { 200: CustomerEmailDetail },
    },
    handler: (request) => correspondence.get(currentUser(request), request.params.id),
  });

  app.get('/api/customer-emails/:id/raw', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags: ['correspondence'],
      summary: 'The message exactly as sent, as an .eml file',
      params: IdParams,
    },
    handler: async (request, reply) => {
      const { fileName, content } = await correspondence.raw(currentUser(request), request.params.id);
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(content);
    },
  });
}
