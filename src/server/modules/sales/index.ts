// The public face of sales: opportunities, test drives, offers, purchase orders and delivery.
export {
  createSalesDocuments,
  renderOfferPdfIn,
  renderPurchaseOrderPdfIn,
  type SalesDocuments,
  renderTestDriveAgreementIn,
} from './documents';
