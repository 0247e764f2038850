import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  LetterSearchQuery,
  PhoneLookupQuery,
  PhoneLookupResponse,
  SearchQuery,
  SearchResponse,
} from '@shared/search/schemas';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';

export async function searchRoutes(root: FastifyInstance, { search }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/search', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['search'],
      summary: 'The search bar: contacts and vehicles by name, company, phone, e-mail, customer number, plate or VIN',
      querystring: SearchQuery,
      response: { 200: SearchResponse },
    },
    handler: (request) => search.search(currentUser(request), request.query),
  });

  app.get('/api/search/letters', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['search'],
      summary: "The search bar's letters: requests whose scanned letter holds every word of the query",
      querystring: LetterSearchQuery,
      response: { 200: SearchResponse },
    },
    handler: (request) => search.searchLetters(currentUser(request), request.query),
  });

  app.get('/api/contacts/lookup-by-phone', {
    config: { access: { roles: 'any', apiKeyScopes: ['telephony'] } },
    schema: {
      tags: ['search', 'telephony'],
      summary: 'Caller id: contacts with exactly this phone number',
      querystring: PhoneLookupQuery,
      response: { 200: PhoneLookupResponse },
    },
    handler: (request) => search.lookupByPhone(request.query.number),
  });
}
