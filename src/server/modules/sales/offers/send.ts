import type { z } from 'zod';
import type { OfferSendInput, OfferSent } from '@shared/sales/offer-api';
import type { Deps } from '@server/deps';
import { assertLocation, type UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import type { ActivitiesService } from '@server/modules/activities';
import type { CorrespondenceService } from '@server/modules/correspondence';
import { renderOfferPdfIn } from '../documents/render';
import type { OffersService } from './service';
import { assertOpen, lockOpportunity, markOfferSentIn, offerById, opportunityOf } from './store';

export interface OfferSendPorts {
  correspondence: CorrespondenceService;
  activities: ActivitiesService;
  offers: OffersService;
}

export type OfferSendService = ReturnType<typeof createOfferSendService>;

const SELLERS = new Set(['admin', 'manager', 'sales']);
/** Seed 002: an offer is followed up after ten days unless the managers' rules say otherwise. */
export const OFFER_FOLLOW_UP = { type: 'offer_follow_up', afterDays: 10 } as const;

/**
 * "Angebot senden": the offer's PDF rendered, mailed to the customer with the text the consultant
 * edited, the offer marked sent (the opportunity reaches "offer") and the follow-up planned in the
 * consultant's calendar — all in one transaction, so a refused mail (no consent, blocked, no
 * address) leaves nothing behind.
 */
export function createOfferSendService({ db, clock }: Deps, { correspondence, activities, offers }: OfferSendPorts) {
  return {
    async send(actor: UserActor, offerId: string, input: z.output<typeof OfferSendInput>): Promise<OfferSent> {
      // The follow-up day is worked out first: the location's calendar is read outside the transaction.
      const { locationId } = await opportunityOf(db, (await offerById(db, offerId)).opportunityId);
      const due = await activities.followUpForResult('offer_sent', locationId, OFFER_FOLLOW_UP);
      const sent = await db.transaction(async (tx) => {
        const opportunity = await lockOpportunity(tx, (await offerById(tx, offerId)).opportunityId);
        assertLocation(actor, opportunity.locationId);
        if (!SELLERS.has(actor.role)) {
          throw new ForbiddenError('Only sales staff and managers of the location send offers.');
        }
        assertOpen(opportunity);
        const offer = await offerById(tx, offerId);
        const now = clock.now();
        const number = `${opportunity.number}/${offer.version}`;
        // A brand tool's offer goes as uploaded; one built here is rendered on the letterhead.
        const documentId = offer.externalDocumentId ?? (await renderOfferPdfIn(tx, offer.id, actor.userId)).id;
        const email = await correspondence.sendCustomerEmailIn(tx, {
          contactId: opportunity.contactId,
          sentById: actor.userId,
          to: input.to ?? null,
          subject: input.subject,
          text: input.text,
          documentIds: [documentId],
          requestId: opportunity.requestId,
          opportunityId: opportunity.id,
          offer: { id: offer.id, number },
          askedInRequest: input.askedInRequest,
          templateKey: 'offer_sent',
          locationId: opportunity.locationId,
        });
        await markOfferSentIn(tx, offer.id, actor.userId, now);
        const followUp = await activities.planIn(
          tx,
          { userId: actor.userId },
          null,
          {
            type: due.type,
            subject: `Angebot ${number} nachfassen`,
            note: null,
            priority: 'normal',
            ownerId: opportunity.ownerId,
            contactId: opportunity.contactId,
            allDay: true,
            dueOn: due.dueOn,
            place: null,
          },
          { locationId: opportunity.locationId },
        );
        return {
          id: email.id,
          to: email.to,
          messageId: email.messageId,
          status: email.status,
          documentId,
          followUp: { activityId: followUp.id, dueOn: due.dueOn, afterDays: due.afterDays },
        };
      });
      return { ...sent, offer: await offers.get(actor, offerId) };
    },
  };
}
