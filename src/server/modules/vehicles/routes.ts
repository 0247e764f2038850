import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContactVehicle,
  Vehicle,
  VehicleInput,
  VehicleLinkEndInput,
  VehicleLinkInput,
  VehicleListQuery,
  VehiclePage,
  VehicleTransferInput,
  VehicleUpdate,
} from '@shared/vehicles/schemas';
import { MileageReadingInput, VehicleMileage } from '@shared/vehicles/mileage';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { IdParams } from '@server/http/params';
import { rolesFor } from '@shared/auth/policies';

const LinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

/** Everyone reads vehicles (R1.2); parts staff only look them up. */
const EDITORS = rolesFor('vehicles.edit');

export async function vehiclesRoutes(root: FastifyInstance, { vehicles }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/vehicles', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['vehicles'],
      summary: 'Vehicles, keyset-paged',
      querystring: VehicleListQuery,
      response: { 200: VehiclePage },
    },
    handler: (request) => vehicles.list(request.query),
  });

  app.post('/api/vehicles', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags: ['vehicles'],
      summary: 'Create a vehicle, optionally linked to contacts',
      body: VehicleInput,
      response: { 201: Vehicle },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await vehicles.create(currentUser(request), request.body)),
  });

  app.get('/api/vehicles/:id', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['vehicles'],
      summary: 'A vehicle with its current contacts and former ones',
      params: IdParams,
      response: { 200: Vehicle },
    },
    handler: (request) => vehicles.get(request.params.id),
  });

  app.patch('/api/vehicles/:id', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags: ['vehicles'],
      summary: 'Change a vehicle; pass version to refuse overwriting a newer change (409)',
      params: IdParams,
      body: VehicleUpdate,
      response: { 200: Vehicle },
    },
    handler: (request) => vehicles.update(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/vehicles/:id/mileage', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['vehicles'],
      summary: 'Mileage readings, newest first, and the kilometres a year estimated from them',
      params: IdParams,
      response: { 200: VehicleMileage },
    },
    handler: (request) => vehicles.mileage(request.params.id),
  });

  app.post('/api/vehicles/:id/mileage', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags: ['vehicles'],
      summary: 'Record a mileage reading: not in the future, not below an earlier one unless confirmed',
      params: IdParams,
      body: MileageReadingInput,
      response: { 201: VehicleMileage },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await vehicles.addMileageReading(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/vehicles/:id/links', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags: ['vehicles'],
      summary: 'Link a contact to the vehicle in a role',
      params: IdParams,
      body: VehicleLinkInput,
      response: { 201: Vehicle },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await vehicles.link(currentUser(request), request.params.id, request.body)),
  });

  app.post('/api/vehicles/:id/links/:linkId/end', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags: ['vehicles'],
      summary: 'End a link; it stays in the vehicle history',
      params: LinkParams,
      body: VehicleLinkEndInput.nullish(),
      response: { 200: Vehicle },
    },
    handler: (request) =>
      vehicles.endLink(currentUser(request), request.params.id, request.params.linkId, request.body ?? {}),
  });

  app.post('/api/vehicles/:id/transfer', {
    config: { access: { roles: EDITORS } },
    schema: {
      tags: ['vehicles'],
      summary: 'Change of hands: end the current links of a role and link the new contact',
      params: IdParams,
      body: VehicleTransferInput,
      response: { 200: Vehicle },
    },
    handler: (request) => vehicles.transfer(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/contacts/:id/vehicles', {
    config: { access: { roles: 'any' } },
    schema: {
      tags: ['vehicles'],
      summary: "A contact's vehicles: current first, then former ones",
      params: IdParams,
      response: { 200: z.array(ContactVehicle) },
    },
    handler: (request) => vehicles.forContact(request.params.id),
  });
}
