import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { ConflictError, NotFoundError } from '@server/http/errors';
import { activityStartsAt } from '@server/modules/activities';
import { type StoredDocument, storeOnceIn } from '@server/modules/documents';
import { demoVehicles, offers, opportunities, purchaseOrders, testDrives } from '../tables';
import { renderOffer } from './offer-pdf';
import { renderPurchaseOrder } from './order-pdf';
import { partiesOf } from './parties';
import { renderTestDriveAgreement } from './test-drive-pdf';

/*
 * Rendering a sales document and keeping it: the PDF is stored with the record it belongs to and
 * the record points to it. The same data renders the same bytes, so a re-render of an unchanged
 * record returns the document already stored instead of a copy.
 */

const PDF = 'application/pdf';

async function offerWithOpportunity(tx: DbOrTx, offerId: string) {
  const [row] = await tx
    .select({ offer: offers, opportunity: opportunities })
    .from(offers)
    .innerJoin(opportunities, eq(opportunities.id, offers.opportunityId))
    .where(eq(offers.id, offerId));
  if (!row) throw new NotFoundError('The offer');
  return row;
}

/** Renders the offer, stores it and sets the offer's documentId; returns the stored document. */
export async function renderOfferPdfIn(tx: DbOrTx, offerId: string, byId: string | null): Promise<StoredDocument> {
  const { offer, opportunity } = await offerWithOpportunity(tx, offerId);
  if (!offer.content || !offer.figures) {
    throw new ConflictError('This offer is an uploaded brand PDF; it has no content to print.');
  }
  const parties = await partiesOf(tx, opportunity.contactId, opportunity.locationId, [opportunity.ownerId]);
  const number = `${opportunity.number}/${offer.version}`;
  const content = await renderOffer(parties, {
    opportunityNumber: opportunity.number,
    version: offer.version,
    date: offer.createdAt,
    validUntil: offer.validUntil,
    consultant: parties.names.get(opportunity.ownerId) ?? '',
    content: offer.content,
    figures: offer.figures,
  });
  const doc = await storeOnceIn(tx, {
    kind: 'offer',
    ownerType: 'offer',
    ownerId: offer.id,
    fileName: `Angebot ${number}.pdf`,
    contentType: PDF,
    content,
    createdById: byId,
  });
  await tx.update(offers).set({ documentId: doc.id }).where(eq(offers.id, offer.id));
  return doc;
}

/** Renders the test-drive agreement, stores it and sets the test drive's agreementDocumentId. */
export async function renderTestDriveAgreementIn(
  tx: DbOrTx,
  testDriveId: string,
  byId: string | null,
): Promise<StoredDocument> {
  const [row] = await tx
    .select({ drive: testDrives, car: demoVehicles })
    .from(testDrives)
    .innerJoin(demoVehicles, eq(demoVehicles.id, testDrives.demoVehicleId))
    .where(eq(testDrives.id, testDriveId));
  if (!row) throw new NotFoundError('The test drive');
  const { drive, car } = row;
  const parties = await partiesOf(tx, drive.contactId, drive.locationId, [
    drive.consultantId,
    drive.licenceCheckedById,
  ]);
  const content = await renderTestDriveAgreement(parties, {
    date: drive.createdAt,
    consultant: parties.names.get(drive.consultantId) ?? '',
    startsAt: drive.startsAt,
    endsAt: drive.endsAt,
    car: { make: car.make, model: car.model, variant: car.variant, plate: car.plate, vin: car.vin },
    mileageOutKm: drive.mileageOutKm ?? car.mileageKm ?? null,
    licence: {
      number: drive.licenceNumber,
      authority: drive.licenceAuthority,
      checkedBy: drive.licenceCheckedById ? (parties.names.get(drive.licenceCheckedById) ?? null) : null,
      checkedAt: drive.licenceCheckedAt,
    },
  });
  const day = drive.startsAt.toISOString().slice(0, 10);
  const doc = await storeOnceIn(tx, {
    kind: 'test_drive_agreement',
    ownerType: 'test_drive',
    ownerId: drive.id,
    fileName: `Probefahrtvereinbarung ${car.plate} ${day}.pdf`,
    contentType: PDF,
    content,
    createdById: byId,
  });
  await tx.update(testDrives).set({ agreementDocumentId: doc.id }).where(eq(testDrives.id, drive.id));
  return doc;
}

/** Renders the purchase order from its accepted offer, stores it and sets the order's documentId. */
export async function renderPurchaseOrderPdfIn(
  tx: DbOrTx,
  purchaseOrderId: string,
  byId: string | null,
): Promise<StoredDocument> {
  const [order] = await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, purchaseOrderId));
  if (!order) throw new NotFoundError('The purchase order');
  const { offer, opportunity } = await offerWithOpportunity(tx, order.offerId);
  if (!offer.content || !offer.figures) {
    throw new ConflictError('The order comes from an uploaded brand offer; it has no content to print.');
  }
  const parties = await partiesOf(tx, order.contactId, order.locationId, [opportunity.ownerId]);
  const content = await renderPurchaseOrder(parties, {
    number: order.number,
    orderedAt: order.orderedAt,
    consultant: parties.names.get(opportunity.ownerId) ?? '',
    offer: {
      number: `${opportunity.number}/${offer.version}`,
      date: offer.createdAt,
      content: offer.content,
      figures: offer.figures,
    },
    deliveryAt: order.deliveryActivityId ? await activityStartsAt(tx, order.deliveryActivityId) : null,
  });
  const doc = await storeOnceIn(tx, {
    kind: 'purchase_order',
    ownerType: 'purchase_order',
    ownerId: order.id,
    fileName: `Bestellung ${order.number}.pdf`,
    contentType: PDF,
    content,
    createdById: byId,
  });
  await tx.update(purchaseOrders).set({ documentId: doc.id }).where(eq(purchaseOrders.id, order.id));
  return doc;
}
