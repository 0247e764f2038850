import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BlockInput,
  ConsentHistoryEntry,
  ConsentInput,
  Contact,
  ContactInput,
  ContactListQuery,
  ContactPage,
  ContactUpdate,
  DuplicateCandidate,
  DuplicateCheckInput,
  MergeInput,
  UnblockInput,
} from '@shared/contacts/schemas';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

/** Everyone reads customer data (R1.2); parts only reads; merging and blocking are for managers. */
const EDITORS = rolesFor('contacts.edit');
const MANAGERS = rolesFor('contacts.manage');

export async function contactsRoutes(root: FastifyInstance, { contacts }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['contacts'];

  app.get('/api/contacts', {
    config: { access: { roles: 'any' } },
    schema: { tags, summary: 'Contacts, keyset-paged', querystring: ContactListQuery, response: { 200: ContactPage } },
    handler: (request) => contacts.list(request.query),
  });

  app.post('/api/contacts', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags,
      summary: 'Create a contact; 409 "possible-duplicates" lists similar contacts unless ignoreDuplicates is set',
      body: ContactInput,
      response: { 201: Contact },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await contacts.create(currentUser(request), request.body)),
  });

  app.post('/api/contacts/duplicates', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags,
      summary: 'Likely duplicates of a contact being entered',
      body: DuplicateCheckInput,
      response: { 200: z.array(DuplicateCandidate) },
    },
    handler: (request) => contacts.checkDuplicates(request.body),
  });

  app.post('/api/contacts/merge', {
    config: { access: { roles: MANAGERS } },
    schema: {
      tags,
      summary: 'Merge a duplicate (source) into the contact kept (target)',
      body: MergeInput,
      response: { 200: Contact },
    },
    handler: (request) => contacts.merge(currentUser(request), request.body),
  });

  app.get('/api/contacts/:id', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'A contact; merged ones carry mergedInto to redirect',
      params: IdParams,
      response: { 200: Contact },
    },
    handler: (request) => contacts.get(request.params.id),
  });

  app.patch('/api/contacts/:id', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags,
      summary: 'Change a contact; lists replace the stored ones; 409 when `version` is outdated',
      params: IdParams,
      body: ContactUpdate,
      response: { 200: Contact },
    },
    handler: (request) => contacts.update(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/contacts/:id/consents', {
    config: { access: { roles: 'any' } },
    schema: {
      tags,
      summary: 'Consent history, newest first',
      params: IdParams,
      response: { 200: z.array(ConsentHistoryEntry) },
    },
    handler: (request) => contacts.consentHistory(request.params.id),
  });

  app.post('/api/contacts/:id/consents', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags,
      summary: 'Record a consent decision (appended to the history)',
      params: IdParams,
      body: ConsentInput,
      response: { 201: Contact },
    },
    handler: async (request, reply) => {
      await contacts.recordConsent(currentUser(request), request.params.id, request.body);
      return reply.status(201).send(await contacts.get(request.params.id));
    },
  });

  app.post('/api/contacts/:id/block', {
    config: { access: { roles: MANAGERS } },
    schema: {
      tags,
      summary: 'Block a contact (Sperre)',
      params: IdParams,
      body: BlockInput,
      response: { 200: Contact },
    },
    handler: async (request) => {
      await contacts.block(currentUser(request), request.params.id, request.body);
      return contacts.get(request.params.id);
    },
  });

  app.post('/api/contacts/:id/unblock', {
    config: { access: { roles: MANAGERS } },
    schema: {
      tags,
      summary: 'Lift the active block',
      params: IdParams,
      body: UnblockInput,
      response: { 200: Contact },
    },
    handler: async (request) => {
      await contacts.unblock(currentUser(request), request.params.id, request.body);
      return contacts.get(request.params.id);
    },
  });
}
