import type { CustomerEmailLocale } from '@shared/correspondence/schemas';
import type { DbOrTx } from '@server/db/client';
import type { MailService } from '@server/integrations/mail/service';
import { emailBouncedAt, emailReachIn } from '@server/modules/contacts';
import { locationSenderIn } from '@server/modules/org';
import { requestRefs } from '@server/modules/requests';
import { customerEmailTemplateIn, fillCustomerEmail } from '@server/modules/templates';
import type { Deps } from '@server/deps';
import type { createSender } from './send';

export interface AcknowledgementInput {
  requestId: string;
  locale: CustomerEmailLocale;
  /** The first contact promised, already in words in `locale`. */
  deadline: string;
  /** The address the customer wrote from; else their primary address. */
  to?: string | null;
  /** The mailbox the request came in through: the customer's reply goes back there. */
  replyTo?: string | null;
}

export type AcknowledgementOutcome =
  { sent: true; id: string; to: string } | { sent: false; reason: 'no_address' | 'address_invalid' | 'blocked' };

/**
 * The acknowledgement (Eingangsbestätigung): the location's own mail with the request number and
 * the promised deadline. The customer wrote to us, so it goes out as asked-for; never to an address
 * the outbox gave up on, never to a blocked customer. It says why it did not go instead of throwing.
 */
export function createAcknowledgement({ clock }: Deps, mail: MailService, sender: ReturnType<typeof createSender>) {
  return async function sendAcknowledgementIn(
    tx: DbOrTx,
    input: AcknowledgementInput,
  ): Promise<AcknowledgementOutcome> {
    const request = (await requestRefs(tx, [input.requestId])).get(input.requestId);
    if (!request?.contactId) return { sent: false, reason: 'no_address' };
    const reach = await emailReachIn(tx, request.contactId, clock.now());
    if (!reach) return { sent: false, reason: 'no_address' };
    if (reach.blocked) return { sent: false, reason: 'blocked' };
    const wanted = input.to?.trim().toLowerCase();
    const to = wanted ? reach.addresses.find((a) => a.toLowerCase() === wanted) : reach.addresses[0];
    if (!to) return { sent: false, reason: 'no_address' };
    // Dead: our outbox gave up on it, or a mailbox got the bounce for it.
    if ((await mail.deliveryFailedTo(tx, to)) || (await emailBouncedAt(tx, to)))
      return { sent: false, reason: 'address_invalid' };

    const location = await locationSenderIn(tx, request.locationId);
    const template = await customerEmailTemplateIn(tx, 'acknowledgement', input.locale, request.type);
    const filled = fillCustomerEmail(
      template,
      {
        customer: reach,
        consultant: { name: location?.name ?? '', phone: location?.phone ?? null, email: location?.email ?? null },
        location: location ? { name: location.name, phone: location.phone } : null,
        request: { number: request.number, subject: request.subject, deadline: input.deadline },
      },
      input.locale,
    );
    const sent = await sender.sendCustomerEmailIn(tx, {
      contactId: reach.contactId,
      sentById: null,
      to,
      replyTo: input.replyTo ?? null,
      subject: filled.subject,
      text: filled.body,
      requestId: request.id,
      askedInRequest: true,
      templateKey: 'acknowledgement',
    });
    return { sent: true, id: sent.id, to: sent.to };
  };
}
