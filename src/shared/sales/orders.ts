import { z } from 'zod';
import { Instant } from '../common';
import { DELIVERY_CHECKLIST, PURCHASE_ORDER_STATUSES } from './enums';

export const ORDER_TEXT_MAX = { cancelReason: 2000 } as const;

/** Turning an accepted offer into a purchase order; without a time the handover is planned 14 days on at 10:00. */
export const PurchaseOrderInput = z.object({
  plannedDeliveryAt: Instant.optional(),
});

/** Tick checklist items or move the planned handover; `version` refuses to overwrite a newer change. */
export const PurchaseOrderUpdate = z.object({
  checklist: z.array(z.enum(DELIVERY_CHECKLIST)).max(DELIVERY_CHECKLIST.length).optional(),
  plannedDeliveryAt: Instant.optional(),
  version: z.number().int().positive().optional(),
});

export const PurchaseOrderCancellation = z.object({
  reason: z.string().trim().min(1).max(ORDER_TEXT_MAX.cancelReason),
});

export const PurchaseOrderListQuery = z.object({
  locationId: z.uuid(),
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
});

export const PurchaseOrder = z.object({
  id: z.uuid(),
  number: z.string(),
  opportunityId: z.uuid(),
  opportunityNumber: z.string(),
  offerId: z.uuid(),
  contactId: z.uuid(),
  contactName: z.string(),
  locationId: z.uuid(),
  consultantId: z.uuid(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  orderedAt: z.string(),
  plannedDeliveryAt: z.string().nullable(),
  deliveryActivityId: z.uuid().nullable(),
  checklist: z.array(z.enum(DELIVERY_CHECKLIST)),
  /** Checklist items still to tick before the car can be handed over. */
  missing: z.array(z.enum(DELIVERY_CHECKLIST)),
  deliveredAt: z.string().nullable(),
  vehicleId: z.uuid().nullable(),
  vehicle: z.object({
    make: z.string(),
    model: z.string(),
    variant: z.string().nullable(),
    vin: z.string().nullable(),
  }),
  grossCents: z.number().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number(),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const PurchaseOrderList = z.object({ items: z.array(PurchaseOrder) });
