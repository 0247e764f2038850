import type { Contact } from '@shared/contacts/schemas';
import type { DbOrTx } from '@server/db/client';
import { ConflictError } from '@server/http/errors';
import { loadDetail } from './detail';

/** The customer's word on e-mail: the latest consent per purpose decides; none at all is "missing". */
export type EmailConsentState = 'granted' | 'withdrawn' | 'missing';

/** Why a mail may go to the customer: their consent, or they asked for it themselves. */
export type EmailReason = 'consent' | 'asked';

export interface EmailReach {
  contactId: string;
  displayName: string;
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Primary first. */
  addresses: string[];
  consent: EmailConsentState;
  blocked: boolean;
}

type ReachSource = Pick<
  Contact,
  'id' | 'displayName' | 'salutation' | 'firstName' | 'lastName' | 'emails' | 'consents'
> & {
  activeBlock: unknown;
};

export function emailReachOf(contact: ReachSource): EmailReach {
  const emailConsents = contact.consents.filter((c) => c.channel === 'email');
  const consent: EmailConsentState = emailConsents.some((c) => c.status === 'granted')
    ? 'granted'
    : emailConsents.length > 0
      ? 'withdrawn'
      : 'missing';
  const addresses = [...contact.emails].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary)).map((e) => e.address);
  return {
    contactId: contact.id,
    displayName: contact.displayName,
    salutation: contact.salutation ?? null,
    firstName: contact.firstName ?? null,
    lastName: contact.lastName ?? null,
    addresses,
    consent,
    blocked: contact.activeBlock !== null && contact.activeBlock !== undefined,
  };
}

/** The customer as far as e-mailing them goes, read in the caller's transaction. */
export async function emailReachIn(tx: DbOrTx, contactId: string, now: Date): Promise<EmailReach | null> {
  const row = await loadDetail(tx, contactId, now);
  if (!row) return null;
  return emailReachOf({
    id: row.id,
    displayName: row.display_name,
    salutation: row.salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    emails: row.emails,
    consents: row.consents,
    activeBlock: row.active_block,
  } as ReachSource);
}

/**
 * The one rule for writing to a customer by e-mail (invitations, correspondence): an address,
 * no block, and consent to e-mail — or the customer asked for this mail themselves.
 * Returns the address to use (the one chosen, if it is the customer's; else the primary).
 */
export function assertMayEmail(reach: EmailReach, reason: EmailReason, chosen?: string | null): string {
  const address = chosen
    ? reach.addresses.find((a) => a.toLowerCase() === chosen.trim().toLowerCase())
    : reach.addresses[0];
  if (chosen && !address) {
    throw new ConflictError('This address is not one of the customer’s e-mail addresses.', [
      { field: 'to', code: 'email_missing', message: 'not an address of the customer' },
    ]);
  }
  if (!address) {
    throw new ConflictError('The customer has no e-mail address.', [
      { field: 'email', code: 'email_missing', message: 'the customer has no e-mail address' },
    ]);
  }
  if (reach.blocked) {
    throw new ConflictError('The customer is blocked from being contacted.', [
      { field: 'contactId', code: 'contact_blocked', message: 'the customer is blocked' },
    ]);
  }
  if (reason === 'consent' && reach.consent === 'withdrawn') {
    throw new ConflictError(
      'The customer has withdrawn their consent to e-mail. Send it only if the customer asked for it in this request.',
      [
        {
          field: 'reason',
          code: 'consent_withdrawn',
          message: 'consent to e-mail withdrawn; the customer must have asked',
        },
      ],
    );
  }
  if (reason === 'consent' && reach.consent !== 'granted') {
    throw new ConflictError(
      'The customer has not agreed to e-mail. Send it only if the customer asked for it (reason "asked").',
      [{ field: 'reason', code: 'consent_missing', message: 'no consent to e-mail; the customer must have asked' }],
    );
  }
  return address;
}
