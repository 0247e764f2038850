import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesFor } from '@shared/auth/policies';
import {
  DemoVehicle,
  DemoVehicleBlock,
  DemoVehicleBlockInput,
  DemoVehicleInput,
  DemoVehicleListQuery,
  DemoVehicleUpdate,
  Schedule,
  ScheduleQuery,
  TestDrive,
  TestDriveBack,
  TestDriveBooked,
  TestDriveCancel,
  TestDriveInput,
  TestDriveLicence,
  TestDriveListQuery,
  TestDriveMove,
  TestDriveOut,
} from '@shared/sales/test-drives';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

const BOOKERS = rolesFor('sales.testDrives.book');
const READERS = rolesFor('sales.testDrives.schedule');
const KEEPERS = rolesFor('sales.demoVehicles.manage');

export async function testDrivesRoutes(root: FastifyInstance, { testDrives }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const cars = testDrives.demoVehicles;
  const tags = ['test drives'];

  app.get('/api/demo-vehicles', {
    config: { access: { roles: READERS } },
    schema: {
      tags,
      summary: "A location's demo cars with their coming blocked times",
      querystring: DemoVehicleListQuery,
      response: { 200: z.object({ items: z.array(DemoVehicle) }) },
    },
    handler: (request) => cars.list(currentUser(request), request.query.locationId, request.query.includeInactive),
  });

  app.post('/api/demo-vehicles', {
    config: { access: { roles: KEEPERS } },
    schema: { tags, summary: 'Add a demo car', body: DemoVehicleInput, response: { 201: DemoVehicle } },
    handler: async (request, reply) => reply.status(201).send(await cars.create(currentUser(request), request.body)),
  });

  app.get('/api/demo-vehicles/:id', {
    config: { access: { roles: READERS } },
    schema: { tags, summary: 'A demo car', params: IdParams, response: { 200: DemoVehicle } },
    handler: (request) => cars.get(currentUser(request), request.params.id),
  });

  app.patch('/api/demo-vehicles/:id', {
    config: { access: { roles: KEEPERS } },
    schema: {
      tags,
      summary: 'Change or retire a demo car',
      params: IdParams,
      body: DemoVehicleUpdate,
      response: { 200: DemoVehicle },
    },
    handler: (request) => cars.update(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/demo-vehicles/:id/blocks', {
    config: { access: { roles: KEEPERS } },
    schema: {
      tags,
      summary: 'Block a demo car for a time (workshop, fair …)',
      params: IdParams,
      body: DemoVehicleBlockInput,
      response: { 201: DemoVehicleBlock },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await cars.addBlock(currentUser(request), request.params.id, request.body)),
  });

  app.delete('/api/demo-vehicles/:id/blocks/:blockId', {
    config: { access: { roles: KEEPERS } },
    schema: {
      tags,
      summary: "Remove a demo car's blocked time",
      params: z.object({ id: z.uuid(), blockId: z.uuid() }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await cars.removeBlock(currentUser(request), request.params.id, request.params.blockId);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/test-drives', {
    config: { access: { roles: BOOKERS } },
    schema: {
      tags,
      summary: 'Book a test drive; 409 naming the booking or block in the way',
      body: TestDriveInput,
      response: { 201: TestDriveBooked },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await testDrives.book(currentUser(request), request.body)),
  });

  app.get('/api/test-drives', {
    config: { access: { roles: READERS } },
    schema: {
      tags,
      summary: "An opportunity's or customer's test drives at the caller's locations",
      querystring: TestDriveListQuery,
      response: { 200: z.object({ items: z.array(TestDrive) }) },
    },
    handler: (request) => testDrives.list(currentUser(request), request.query),
  });

  app.get('/api/test-drives/:id', {
    config: { access: { roles: READERS } },
    schema: { tags, summary: 'A test drive', params: IdParams, response: { 200: TestDrive } },
    handler: (request) => testDrives.get(currentUser(request), request.params.id),
  });

  app.post('/api/test-drives/:id/move', {
    config: { access: { roles: BOOKERS } },
    schema: {
      tags,
      summary: 'Move a test drive to another time or car, checked like a booking',
      params: IdParams,
      body: TestDriveMove,
      response: { 200: TestDriveBooked.omit({ invitation: true }) },
    },
    handler: (request) => testDrives.move(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/test-drives/:id/cancel', {
    config: { access: { roles: BOOKERS } },
    schema: {
      tags,
      summary: 'Cancel a test drive with a reason',
      params: IdParams,
      body: TestDriveCancel,
      response: { 200: TestDrive },
    },
    handler: (request) => testDrives.cancel(currentUser(request), request.params.id, request.body),
  });

  app.put('/api/test-drives/:id/licence', {
    config: { access: { roles: BOOKERS } },
    schema: {
      tags,
      summary: "Record the driver's licence as seen",
      params: IdParams,
      body: TestDriveLicence,
      response: { 200: TestDrive },
    },
    handler: (request) => testDrives.recordLicence(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/test-drives/:id/out', {
    config: { access: { roles: BOOKERS } },
    schema: {
      tags,
      summary: 'The car goes out (licence required)',
      params: IdParams,
      body: TestDriveOut,
      response: { 200: TestDrive },
    },
    handler: (request) => testDrives.out(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/test-drives/:id/back', {
    config: { access: { roles: BOOKERS } },
    schema: { tags, summary: 'The car is back', params: IdParams, body: TestDriveBack, response: { 200: TestDrive } },
    handler: (request) => testDrives.back(currentUser(request), request.params.id, request.body),
  });

  app.get('/api/locations/:id/test-drive-schedule', {
    config: { access: { roles: READERS } },
    schema: {
      tags,
      summary: "A location's demo cars with their bookings and blocked times in a day or week",
      params: IdParams,
      querystring: ScheduleQuery,
      response: { 200: Schedule },
    },
    handler: (request) => testDrives.schedule(currentUser(request), request.params.id, request.query),
  });
}
