import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PurchaseOrder,
  PurchaseOrderCancellation,
  PurchaseOrderInput,
  PurchaseOrderList,
  PurchaseOrderListQuery,
  PurchaseOrderUpdate,
} from '@shared/sales/orders';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { Services } from '@server/services';

/** Sales work: consultants (their own opportunities) and managers (their locations); admins everywhere. */
const SELLERS = ['admin', 'manager', 'sales'] as const;
/** Reception reads a customer's order to answer "when is my car coming?" (R0.7). */
const READERS = ['admin', 'manager', 'sales', 'reception'] as const;

export async function purchaseOrderRoutes(root: FastifyInstance, { purchaseOrders }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['sales'];

  app.post('/api/offers/:id/purchase-order', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Turn an accepted offer into a purchase order with its delivery appointment',
      params: IdParams,
      body: PurchaseOrderInput,
      response: { 201: PurchaseOrder },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await purchaseOrders.place(currentUser(request), request.params.id, request.body)),
  });

  app.get('/api/purchase-orders', {
    config: { access: { roles: READERS } },
    schema: {
      tags,
      summary: "A location's purchase orders, newest first",
      querystring: PurchaseOrderListQuery,
      response: { 200: PurchaseOrderList },
    },
    handler: (request) => purchaseOrders.list(currentUser(request), request.query.locationId, request.query.status),
  });

  app.get('/api/opportunities/:id/purchase-orders', {
    config: { access: { roles: READERS } },
    schema: {
      tags,
      summary: "An opportunity's purchase orders (a cancelled one stays)",
      params: IdParams,
      response: { 200: PurchaseOrderList },
    },
    handler: (request) => purchaseOrders.ofOpportunity(currentUser(request), request.params.id),
  });

  app.get('/api/purchase-orders/:id', {
    config: { access: { roles: READERS } },
    schema: { tags, summary: 'A purchase order', params: IdParams, response: { 200: PurchaseOrder } },
    handler: (request) => purchaseOrders.get(currentUser(request), request.params.id),
  });

  app.patch('/api/purchase-orders/:id', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Tick delivery checklist items or move the planned delivery',
      params: IdParams,
      body: PurchaseOrderUpdate,
      response: { 200: PurchaseOrder },
    },
    handler: (request) => purchaseOrders.update(currentUser(request), request.params.id, request.body),
  });

  app.post('/api/purchase-orders/:id/deliver', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Delivery done: the car becomes the customer’s and the opportunity is won',
      params: IdParams,
      response: { 200: PurchaseOrder },
    },
    handler: (request) => purchaseOrders.deliver(currentUser(request), request.params.id),
  });

  app.post('/api/purchase-orders/:id/cancel', {
    config: { access: { roles: SELLERS } },
    schema: {
      tags,
      summary: 'Cancel a purchase order: the opportunity goes back to negotiation',
      params: IdParams,
      body: PurchaseOrderCancellation,
      response: { 200: PurchaseOrder },
    },
    handler: (request) => purchaseOrders.cancel(currentUser(request), request.params.id, request.body.reason),
  });
}
