import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ForbiddenError, NotFoundError } from '@server/http/errors';
import type { DocumentsService, StoredDocument } from '@server/modules/documents';
import { mayRead, mayRender, type SalesOwnerType } from './access';
import { renderOfferPdfIn, renderPurchaseOrderPdfIn, renderTestDriveAgreementIn } from './render';

export type SalesDocuments = ReturnType<typeof createSalesDocuments>;

const WHAT: Record<SalesOwnerType, string> = {
  offer: 'The offer',
  test_drive: 'The test drive',
  purchase_order: 'The purchase order',
};

/**
 * The sales module's documents: offers, test-drive agreements and purchase orders as PDFs. It
 * tells the documents module who may download them, so documents needs to know nothing of sales.
 */
export function createSalesDocuments({ db }: Deps, documents: DocumentsService) {
  for (const ownerType of ['offer', 'test_drive', 'purchase_order'] as const) {
    documents.registerOwner(ownerType, (tx, actor, id) => mayRead(tx, actor, ownerType, id));
  }

  async function render(
    actor: UserActor,
    ownerType: SalesOwnerType,
    id: string,
    renderIn: typeof renderOfferPdfIn,
  ): Promise<StoredDocument> {
    const may = await mayRender(db, actor, ownerType, id);
    if (may === 'unknown') throw new NotFoundError(WHAT[ownerType]);
    if (may === 'forbidden') throw new ForbiddenError('This record belongs to a location you do not work at.');
    return db.transaction((tx) => renderIn(tx, id, actor.userId));
  }

  return {
    offerPdf: (actor: UserActor, offerId: string) => render(actor, 'offer', offerId, renderOfferPdfIn),
    testDriveAgreement: (actor: UserActor, testDriveId: string) =>
      render(actor, 'test_drive', testDriveId, renderTestDriveAgreementIn),
    purchaseOrderPdf: (actor: UserActor, orderId: string) =>
      render(actor, 'purchase_order', orderId, renderPurchaseOrderPdfIn),
  };
}
