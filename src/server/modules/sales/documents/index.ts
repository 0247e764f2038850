// Sales documents: offer, test-drive agreement and purchase order as PDFs on the location's letterhead.
export { createSalesDocuments, type SalesDocuments } from './service';
export { renderOfferPdfIn, renderPurchaseOrderPdfIn, renderTestDriveAgreementIn } from './render';
