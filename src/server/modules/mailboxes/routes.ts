import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConnectionTest,
  ConnectionTestInput,
  FetchResult,
  InboundMail,
  Mailbox,
  MailboxInput,
  MailboxUpdate,
} from '@shared/mailboxes/schemas';
import { rolesFor } from '@shared/auth/policies';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const tags = ['mailboxes'];
const READ = { access: { roles: rolesFor('mailboxes.read') } };
const WRITE = { access: { roles: rolesFor('mailboxes.manage') } };

export async function mailboxesRoutes(root: FastifyInstance, { mailboxes }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/mailboxes', {
    config: READ,
    schema: {
      tags,
      summary: 'Mailboxes read into requests, with their live state',
      response: { 200: z.array(Mailbox) },
    },
    handler: (request) => mailboxes.list(currentUser(request)),
  });
  app.get('/api/mailboxes/:id', {
    config: READ,
    schema: { tags, params: IdParams, response: { 200: Mailbox } },
    handler: (request) => mailboxes.get(currentUser(request), request.params.id),
  });
  app.post('/api/mailboxes', {
    config: WRITE,
    schema: { tags, summary: 'Add a mailbox', body: MailboxInput, response: { 201: Mailbox } },
    handler: async (request, reply) =>
      reply.status(201).send(await mailboxes.create(currentUser(request), request.body)),
  });
  app.patch('/api/mailboxes/:id', {
    config: WRITE,
    schema: { tags, params: IdParams, body: MailboxUpdate, response: { 200: Mailbox } },
    handler: (request) => mailboxes.update(currentUser(request), request.params.id, request.body),
  });
  app.post('/api/mailboxes/test', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Connect, log in and open the folder, without saving',
      body: ConnectionTestInput,
      response: { 200: ConnectionTest },
    },
    handler: (request) => mailboxes.test(currentUser(request), request.body),
  });
  app.post('/api/mailboxes/:id/fetch', {
    config: WRITE,
    schema: { tags, summary: 'Read the mailbox now', params: IdParams, response: { 200: FetchResult } },
    handler: (request) => mailboxes.fetchNow(currentUser(request), request.params.id),
  });

  app.get('/api/requests/:id/inbound-mails', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'The mails a request came with',
      params: IdParams,
      response: { 200: z.array(InboundMail) },
    },
    handler: (request) => mailboxes.mailsOfRequest(currentUser(request), request.params.id),
  });
  app.get('/api/inbound-mails/:id/original', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'The mail as it arrived (.eml)', params: IdParams },
    handler: async (request, reply) => {
      const mail = await mailboxes.original(currentUser(request), request.params.id);
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="mail-${request.params.id.slice(0, 8)}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(mail.raw));
    },
  });
}
