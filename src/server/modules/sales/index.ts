// The public face of sales: opportunities, test drives, offers, purchase orders and delivery.
export { createOffersService, markOfferSentIn, type OffersService } from './offers';
