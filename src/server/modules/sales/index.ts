// The public face of sales: opportunities, test drives, offers, purchase orders and delivery.
export { createOrdersService, type OrdersService } from './orders/service';
