// The public face of sales: opportunities, test drives, offers, purchase orders and delivery.
export {
  createOffersService,
  createOfferSendService,
  markOfferSentIn,
  type OfferSendService,
  type OffersService,
} from './offers';
export { createOpportunitiesService, type OpportunitiesService } from './opportunities/service';
export { advanceOpportunityIn, type Advance } from './opportunities/advance';
export { moveSalesContactIn } from './merge';
export { createOrdersService, type OrdersService } from './orders/service';
export { createTestDrivesService, type TestDrivesService } from './test-drives/service';
export {
  createSalesDocuments,
  renderOfferPdfIn,
  renderPurchaseOrderPdfIn,
  type SalesDocuments,
  renderTestDriveAgreementIn,
} from './documents';
export {
  FUNNEL_STEPS,
  type FunnelFilter,
  type FunnelRow,
  type FunnelStep,
  type FunnelBreakdownRow,
  type FunnelDimension,
  salesFunnel,
  salesFunnelBreakdown,
  salesLostReasons,
  salesConversionSql,
  salesOpenPipeline,
} from './read-model';
export {
  insertDemoVehicleBlockRows,
  insertDemoVehicleRows,
  insertOfferRows,
  insertOpportunityRows,
  insertOpportunityStageChangeRows,
  insertPurchaseOrderRows,
  insertTestDriveRows,
  setSalesNumberCounters,
} from './bulk';
