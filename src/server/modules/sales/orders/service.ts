import type { z } from 'zod';
import { DELIVERY_CHECKLIST, type DeliveryChecklistItem, type PurchaseOrderStatus } from '@shared/sales/enums';
import type { PurchaseOrder, PurchaseOrderInput, PurchaseOrderUpdate } from '@shared/sales/orders';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import type { ActivitiesService } from '@server/modules/activities';
import { berlinDay } from '@server/modules/activities';
import { contactRefs, setContactLifecycleIn } from '@server/modules/contacts';
import type { OrgService } from '@server/modules/org';
import { recordTimeline } from '@server/modules/timeline';
import { deliverVehicleIn } from '@server/modules/vehicles';
import { advanceOpportunityIn } from '../opportunities/advance';
import { reopenAtNegotiationIn } from './reopen';
import * as repo from './repo';
import { DELIVERY_MINUTES, defaultDeliveryAt } from './schedule';

export interface OrdersPorts {
  activities: ActivitiesService;
  org: OrgService;
}

export type OrdersService = ReturnType<typeof createOrdersService>;

const missingOf = (checklist: readonly string[]): DeliveryChecklistItem[] =>
  DELIVERY_CHECKLIST.filter((item) => !checklist.includes(item));

/**
 * Purchase orders (Kaufvertrag / verbindliche Bestellung): an accepted offer becomes a binding
 * order, the prospect a customer and the handover an appointment in the consultant's calendar;
 * the delivery makes the car the customer's and wins the opportunity.
 */
export function createOrdersService({ db, clock }: Deps, { activities, org }: OrdersPorts) {
  /** Sales work: consultants on their own opportunities, managers and admins at their locations. */
  // The delivery appointment moved in the calendar: the order's planned handover moves with it.
  activities.onChange(async (tx, { kind, activity }) => {
    if (kind === 'moved' && activity.type === 'delivery') {
      await repo.followAppointment(tx, activity.id, activity.startsAt);
    }
  });

  function assertMayWork(actor: UserActor, opportunity: repo.OpportunityRow) {
    if (!hasLocation(actor, opportunity.locationId)) {
      throw new ForbiddenError('This opportunity belongs to another location.');
    }
    if (actor.role === 'sales' && opportunity.ownerId !== actor.userId) {
      throw new ForbiddenError('This opportunity is a colleague’s; their manager may act on it.');
    }
  }

  async function present(tx: DbOrTx, rows: repo.OrderRow[]): Promise<PurchaseOrder[]> {
    const [offers, opportunities, names] = await Promise.all([
      repo.offersByIds(
        tx,
        rows.map((r) => r.offerId),
      ),
      repo.opportunitiesByIds(
        tx,
        rows.map((r) => r.opportunityId),
      ),
      contactRefs(
        tx,
        rows.map((r) => r.contactId),
      ),
    ]);
    const offerOf = new Map(offers.map((o) => [o.id, o]));
    const oppOf = new Map(opportunities.map((o) => [o.id, o]));
    return rows.map((r) => {
      const offer = offerOf.get(r.offerId);
      const opp = oppOf.get(r.opportunityId)!;
      const v = offer?.content?.vehicle;
      const checklist = DELIVERY_CHECKLIST.filter((i) => r.checklist.includes(i));
      return {
        id: r.id,
        number: r.number,
        opportunityId: r.opportunityId,
        opportunityNumber: opp.number,
        offerId: r.offerId,
        contactId: r.contactId,
        contactName: names.get(r.contactId)?.displayName ?? '',
        locationId: r.locationId,
        consultantId: opp.ownerId,
        status: r.status as PurchaseOrderStatus,
        orderedAt: r.orderedAt.toISOString(),
        plannedDeliveryAt: r.plannedDeliveryAt?.toISOString() ?? null,
        deliveryActivityId: r.deliveryActivityId,
        checklist,
        missing: missingOf(checklist),
        deliveredAt: r.deliveredAt?.toISOString() ?? null,
        vehicleId: r.vehicleId,
        vehicle: {
          make: v?.make ?? opp.interestMake ?? '',
          model: v?.model ?? opp.interestModel ?? '',
          variant: v?.variant ?? null,
          vin: v?.vin ?? null,
        },
        grossCents: offer?.grossCents ?? null,
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
        cancelReason: r.cancelReason,
        version: r.version,
      };
    });
  }

  async function one(tx: DbOrTx, row: repo.OrderRow) {
    return (await present(tx, [row]))[0]!;
  }

  /** The order with its opportunity, locked, for a change by the actor. */
  async function forChange(tx: DbOrTx, actor: UserActor, id: string, version?: number) {
    const order = await repo.findOrder(tx, id, true);
    if (!order) throw new NotFoundError('Purchase order');
    const opportunity = (await repo.findOpportunity(tx, order.opportunityId, true))!;
    assertMayWork(actor, opportunity);
    if (version !== undefined && version !== order.version) {
      throw new ConflictError('The purchase order was changed by someone else in the meantime; reload it.');
    }
    if (order.status !== 'ordered') {
      throw new ConflictError(
        order.status === 'delivered'
          ? 'The car of this purchase order has already been delivered.'
          : 'This purchase order was cancelled.',
      );
    }
    return { order, opportunity };
  }

  function deliverySubject(order: { number: string }, vehicle: string) {
    return `Auslieferung ${order.number}${vehicle ? `: ${vehicle}` : ''}`.slice(0, 200);
  }

  return {
    async place(actor: UserActor, offerId: string, input: z.output<typeof PurchaseOrderInput>) {
      // The location's hours are read before the transaction: org reads through its own connection.
      const known = await repo.findOffer(db, offerId);
      if (!known) throw new NotFoundError('Offer');
      const locationId = (await repo.findOpportunity(db, known.opportunityId))!.locationId;
      const location = await org.getLocation(locationId);
      return db.transaction(async (tx) => {
        const offer = await repo.findOffer(tx, offerId, true);
        if (!offer) throw new NotFoundError('Offer');
        const opportunity = (await repo.findOpportunity(tx, offer.opportunityId, true))!;
        assertMayWork(actor, opportunity);
        const existing = await repo.orderOfOffer(tx, offerId);
        if (existing) {
          throw new ConflictError(`This offer already became purchase order ${existing.number}.`);
        }
        if (offer.status !== 'accepted') {
          throw new ValidationError([
            {
              field: 'offerId',
              in: 'params',
              code: 'offer_not_accepted',
              params: { status: offer.status },
              message: `only an accepted offer becomes a purchase order; this one is ${offer.status}`,
            },
          ]);
        }
        if (opportunity.status !== 'open') {
          throw new ConflictError(`Opportunity ${opportunity.number} is ${opportunity.status}; it takes no order.`);
        }
        const now = clock.now();
        const plannedAt = input.plannedDeliveryAt
          ? new Date(input.plannedDeliveryAt)
          : defaultDeliveryAt({ openingHours: location.openingHours, federalState: location.federalState }, now);
        if (plannedAt.getTime() < now.getTime()) {
          throw new ValidationError([
            { field: 'plannedDeliveryAt', in: 'body', code: 'must_be_future', message: 'must not be in the past' },
          ]);
        }
        const number = await repo.nextOrderNumber(tx);
        const v = offer.content?.vehicle;
        const label = [v?.make, v?.model, v?.variant].filter(Boolean).join(' ');
        const appointment = await activities.planIn(
          tx,
          { userId: actor.userId },
          null,
          {
            type: 'delivery',
            subject: deliverySubject({ number }, label),
            note: 'Zulassung, Papiere, Schlüssel, Einweisung',
            priority: 'normal',
            ownerId: opportunity.ownerId,
            contactId: opportunity.contactId,
            allDay: false,
            startsAt: plannedAt.toISOString(),
            endsAt: new Date(plannedAt.getTime() + DELIVERY_MINUTES * 60_000).toISOString(),
            place: location.name,
          },
          { locationId: opportunity.locationId },
        );
        const order = await repo.insertOrder(tx, {
          number,
          opportunityId: opportunity.id,
          offerId,
          contactId: opportunity.contactId,
          locationId: opportunity.locationId,
          orderedAt: now,
          plannedDeliveryAt: plannedAt,
          deliveryActivityId: appointment.id,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await setContactLifecycleIn(tx, opportunity.contactId, 'customer', now);
        await recordTimeline(tx, {
          contactId: opportunity.contactId,
          kind: 'purchase_order',
          occurredAt: now,
          authorId: actor.userId,
          ...timelineText('timeline.purchaseOrderPlaced', { number, opportunity: opportunity.number }),
          data: { purchaseOrderId: order.id, offerId },
          sourceType: 'purchase_order',
          sourceId: order.id,
        });
        await advanceOpportunityIn(tx, {
          opportunityId: opportunity.id,
          toStage: 'contract',
          byId: actor.userId,
          at: now,
          data: { purchaseOrderId: order.id },
        });
        return one(tx, order);
      });
    },

    async get(actor: UserActor, id: string) {
      const order = await repo.findOrder(db, id);
      if (!order) throw new NotFoundError('Purchase order');
      if (!hasLocation(actor, order.locationId)) throw new ForbiddenError('This order belongs to another location.');
      return one(db, order);
    },

    async ofOpportunity(actor: UserActor, opportunityId: string) {
      const opportunity = await repo.findOpportunity(db, opportunityId);
      if (!opportunity) throw new NotFoundError('Opportunity');
      if (!hasLocation(actor, opportunity.locationId))
        throw new ForbiddenError('This opportunity belongs to another location.');
      return { items: await present(db, await repo.ordersOfOpportunity(db, opportunityId)) };
    },

    async list(actor: UserActor, locationId: string, status?: PurchaseOrderStatus) {
      if (!hasLocation(actor, locationId)) throw new ForbiddenError('You do not work at this location.');
      return { items: await present(db, await repo.ordersAt(db, locationId, status)) };
    },

    /**
     * Ticks checklist items. A new planned date moves the delivery appointment through the
     * calendar (which checks who may move it); the order follows the appointment (see onChange).
     */
    async update(actor: UserActor, id: string, input: z.output<typeof PurchaseOrderUpdate>) {
      if (input.plannedDeliveryAt) {
        const order = await db.transaction((tx) => forChange(tx, actor, id, input.version).then((r) => r.order));
        const at = new Date(input.plannedDeliveryAt);
        if (order.deliveryActivityId) {
          await activities.update(actor, order.deliveryActivityId, {
            startsAt: at.toISOString(),
            endsAt: new Date(at.getTime() + DELIVERY_MINUTES * 60_000).toISOString(),
          } as Parameters<ActivitiesService['update']>[2]);
        } else {
          await repo.setPlannedDelivery(db, order.id, at);
        }
      }
      return db.transaction(async (tx) => {
        const { order } = await forChange(tx, actor, id);
        if (!input.checklist) return one(tx, order);
        const checklist = DELIVERY_CHECKLIST.filter((i) => input.checklist!.includes(i));
        return one(tx, await repo.updateOrder(tx, id, { checklist, updatedAt: clock.now() }));
      });
    },

    /** The handover: the car becomes the customer's from today and the opportunity is won, all at once. */
    async deliver(actor: UserActor, id: string) {
      return db.transaction(async (tx) => {
        const { order, opportunity } = await forChange(tx, actor, id);
        const missing = missingOf(order.checklist);
        if (missing.length) {
          throw new ValidationError([
            {
              field: 'checklist',
              in: 'body',
              code: 'checklist_incomplete',
              params: { missing: missing.join(',') },
              message: `still to tick: ${missing.join(', ')}`,
            },
          ]);
        }
        const now = clock.now();
        const offer = (await repo.findOffer(tx, order.offerId))!;
        const v = offer.content?.vehicle;
        const make = v?.make ?? opportunity.interestMake ?? '';
        const model = v?.model ?? opportunity.interestModel ?? '';
        const vehicleId = await deliverVehicleIn(tx, {
          make,
          model,
          variant: v?.variant ?? null,
          vin: v?.vin ?? null,
          contactId: order.contactId,
          at: now,
          deliveredOn: berlinDay(now),
          locationId: order.locationId,
          byId: actor.userId,
        });
        if (order.deliveryActivityId) {
          await activities.completeIn(tx, order.deliveryActivityId, actor.userId, 'kept', null);
        }
        const after = await repo.updateOrder(tx, id, {
          status: 'delivered',
          deliveredAt: now,
          vehicleId,
          updatedAt: now,
        });
        await recordTimeline(tx, {
          contactId: order.contactId,
          vehicleId,
          kind: 'purchase_order',
          occurredAt: now,
          authorId: actor.userId,
          ...timelineText('timeline.purchaseOrderDelivered', {
            number: order.number,
            vehicle: [make, model].filter(Boolean).join(' '),
          }),
          data: { purchaseOrderId: id },
          sourceType: 'purchase_order',
          sourceId: id,
        });
        await advanceOpportunityIn(tx, {
          opportunityId: opportunity.id,
          toStage: 'delivered',
          byId: actor.userId,
          at: now,
          data: { purchaseOrderId: id, vehicleId },
        });
        return one(tx, after);
      });
    },

    /** Withdrawn: the opportunity goes back to negotiation and the handover leaves the calendar. */
    async cancel(actor: UserActor, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const { order, opportunity } = await forChange(tx, actor, id);
        const now = clock.now();
        if (order.deliveryActivityId) await activities.cancelIn(tx, order.deliveryActivityId, actor.userId, reason);
        const after = await repo.updateOrder(tx, id, {
          status: 'cancelled',
          cancelledAt: now,
          cancelReason: reason,
          updatedAt: now,
        });
        await recordTimeline(tx, {
          contactId: order.contactId,
          kind: 'purchase_order',
          occurredAt: now,
          authorId: actor.userId,
          ...timelineText('timeline.purchaseOrderCancelled', { number: order.number }),
          body: reason,
          data: { purchaseOrderId: id },
          sourceType: 'purchase_order',
          sourceId: id,
        });
        await reopenAtNegotiationIn(tx, opportunity, actor.userId, now, { purchaseOrderId: id });
        return one(tx, after);
      });
    },
  };
}
