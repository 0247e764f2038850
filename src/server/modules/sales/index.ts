// The public face of sales: opportunities, test drives, offers, purchase orders and delivery.
export { createOpportunitiesService, type OpportunitiesService } from './opportunities/service';
export { advanceOpportunityIn, type Advance } from './opportunities/advance';
