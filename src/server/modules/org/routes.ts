import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES, ROLES } from '@shared/org/enums';
import { publicHolidays } from '@server/lib/working-time';
import {
  Location,
  LocationInput,
  LocationUpdate,
  PasswordReset,
  User,
  UserCreate,
  UserUpdate,
} from '@shared/org/schemas';
import { assertLocation, currentUser, hasLocation } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

export const DirectoryEntry = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: z.enum(ROLES),
  homeLocationId: z.uuid(),
  locationIds: z.array(z.uuid()),
  active: z.boolean(),
});

export async function orgRoutes(root: FastifyInstance, { org }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/locations', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['org'], summary: 'All locations', response: { 200: z.array(Location) } },
    handler: () => org.listLocations(),
  });

  app.get('/api/locations/:id', {
    config: { access: { roles: 'any' } },
    schema: { tags: ['org'], params: IdParams, response: { 200: Location } },
    handler: (request) => org.getLocation(request.params.id),
  });

  app.get('/api/locations/:id/holidays', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: "The public holidays of a location's federal state in a year (for the calendar)",
      params: IdParams,
      querystring: z.object({
        year: z.coerce.number().int().min(2000).max(2100),
        lang: z.enum(LOCALES).default('de'),
      }),
      response: { 200: z.array(z.object({ date: z.string(), name: z.string() })) },
    },
    handler: async (request) => {
      const location = await org.getLocation(request.params.id);
      return publicHolidays(location.federalState, request.query.year, request.query.lang);
    },
  });

  app.post('/api/locations', {
    config: { access: { roles: rolesFor('org.locations.manage') } },
    schema: { tags: ['org'], summary: 'Create a location', body: LocationInput, response: { 201: Location } },
    handler: async (request, reply) =>
      reply.status(201).send(await org.createLocation(currentUser(request), request.body)),
  });

  app.patch('/api/locations/:id', {
    config: { access: { roles: rolesFor('org.locations.manage') } },
    schema: { tags: ['org'], params: IdParams, body: LocationUpdate, response: { 200: Location } },
    handler: (request) => org.updateLocation(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/users', {
    config: { access: { roles: rolesFor('org.users.read') } },
    schema: { tags: ['org'], summary: 'Users (managers see their locations)', response: { 200: z.array(User) } },
    handler: (request) => org.listUsers(currentUser(request)),
  });

  app.get('/api/users/directory', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['org'],
      summary: 'Colleagues for pickers: names and roles only',
      response: { 200: z.array(DirectoryEntry) },
    },
    handler: () => org.directory(),
  });

  app.get('/api/users/:id', {
    config: { access: { roles: rolesFor('org.users.read') } },
    schema: { tags: ['org'], params: IdParams, response: { 200: User } },
    handler: async (request) => {
      const user = await org.getUser(request.params.id);
      // The same colleagues the user list shows: anyone working at one of the manager's locations.
      const actor = currentUser(request);
      if (!user.locationIds.some((id) => hasLocation(actor, id))) assertLocation(actor, user.homeLocationId);
      return user;
    },
  });

  app.post('/api/users', {
    config: { access: { roles: rolesFor('org.users.manage') } },
    schema: {
      tags: ['org'],
      summary: 'Create a user; without a password a one-time password is generated and returned',
      body: UserCreate,
      response: { 201: z.object({ user: User, initialPassword: z.string().optional() }) },
    },
    handler: async (request, reply) => reply.status(201).send(await org.createUser(currentUser(request), request.body)),
  });

  app.patch('/api/users/:id', {
    config: { access: { roles: rolesFor('org.users.manage') } },
    schema: { tags: ['org'], params: IdParams, body: UserUpdate, response: { 200: User } },
    handler: (request) => org.updateUser(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/users/:id/password', {
    config: { access: { roles: rolesFor('org.users.manage') } },
    schema: {
      tags: ['org'],
      summary: 'Reset a password; without one, a one-time password is generated',
      params: IdParams,
      body: PasswordReset,
      response: { 200: z.object({ password: z.string() }) },
    },
    handler: (request) => org.resetPassword(currentUser(request), request.params.id, request.body.password),
  });
}
