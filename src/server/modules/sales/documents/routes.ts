import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DocumentMeta } from '@shared/documents/letterhead';
import { currentUser } from '@server/http/access';
import { IdParams } from '@server/http/params';
import type { StoredDocument } from '@server/modules/documents';
import type { Services } from '@server/services';
import { RENDER_ROLES } from './access';

const meta = (doc: StoredDocument): DocumentMeta => ({
  id: doc.id,
  kind: doc.kind,
  fileName: doc.fileName,
  contentType: doc.contentType,
  size: doc.size,
  sha256: doc.sha256,
  createdAt: doc.createdAt.toISOString(),
});

/** Render and store an offer, test-drive agreement or purchase order; download them at /api/documents/:id. */
export async function salesDocumentRoutes(root: FastifyInstance, { salesDocuments }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const access = { roles: RENDER_ROLES };
  const response = { 200: DocumentMeta };

  app.post('/api/offers/:id/pdf', {
    config: { access },
    schema: {
      tags: ['offers'],
      summary: 'Render the offer as PDF on the letterhead and store it',
      params: IdParams,
      response,
    },
    handler: async (request) => meta(await salesDocuments.offerPdf(currentUser(request), request.params.id)),
  });

  app.post('/api/test-drives/:id/agreement', {
    config: { access },
    schema: {
      tags: ['test-drives'],
      summary: 'Render the test-drive agreement (Probefahrtvereinbarung) as PDF and store it',
      params: IdParams,
      response,
    },
    handler: async (request) => meta(await salesDocuments.testDriveAgreement(currentUser(request), request.params.id)),
  });

  app.post('/api/purchase-orders/:id/pdf', {
    config: { access },
    schema: {
      tags: ['purchase-orders'],
      summary: 'Render the purchase order (verbindliche Bestellung) as PDF and store it',
      params: IdParams,
      response,
    },
    handler: async (request) => meta(await salesDocuments.purchaseOrderPdf(currentUser(request), request.params.id)),
  });
}
