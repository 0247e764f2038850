// Offers of an opportunity: versions built here or uploaded from a brand tool, their figures and decisions.
export { createOffersService, type OffersService } from './service';
export { markOfferSentIn } from './store';
export { createOfferSendService, type OfferSendService } from './send';
