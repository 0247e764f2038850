import type { Contact } from '@shared/contacts/schemas';
import type { SubmittedAddress, SubmittedCustomer, SubmittedView } from '@shared/requests/submitted';
import { countryCodeOf } from '@shared/contacts/countries';
import type { RequestsContext } from './context';
import type * as repo from './repo';

/**
 * An address complete enough for a contact: street, postal code, city (five digits in
 * Germany), in a country we recognise (none named: Germany). Anything else stays on the request.
 */
export function contactAddressOf(address: SubmittedAddress | null) {
  if (!address?.street || !address.postalCode || !address.city) return null;
  const country = address.country ? countryCodeOf(address.country) : 'DE';
  if (!country || (country === 'DE' && !/^\d{5}$/.test(address.postalCode.trim()))) return null;
  return {
    kind: 'home' as const,
    street: address.street,
    postalCode: address.postalCode.trim(),
    city: address.city,
    country,
    isPrimary: false,
  };
}

/** What the lead carried that the contact does not have: offered to staff to take over. */
export function notOnContact(submitted: SubmittedCustomer, contact: Contact | null): SubmittedView['notOnContact'] {
  const phones = contact?.phones ?? [];
  const emails = contact?.emails ?? [];
  const addresses = contact?.addresses ?? [];
  const address = contactAddressOf(submitted.address);
  const hasAddress =
    address &&
    addresses.some(
      (a) => a.postalCode === address.postalCode && a.street.toLowerCase() === address.street.toLowerCase(),
    );
  return {
    phones: submitted.phones.filter(
      (p) => !phones.some((own) => (p.e164 ? own.e164 === p.e164 : own.raw === p.number)),
    ),
    emails: submitted.emails.filter((e) => !emails.some((own) => own.address === e.trim().toLowerCase())),
    address: address && !hasAddress ? submitted.address : null,
  };
}

/**
 * "What the customer submitted" beside the contact it was filed under. A possible duplicate is
 * shown with the duplicate check of the contacts module, limited to the contacts intake named:
 * once staff merged them, or the shared number was corrected, the flag is gone.
 */
export async function presentSubmitted(
  ctx: RequestsContext,
  row: repo.RequestRow,
  contact: Contact | null,
): Promise<SubmittedView | null> {
  const submitted = row.submittedCustomer;
  const match = row.contactMatch;
  if (!submitted || !match) return null;
  const flagged = new Set(match.possibleDuplicateOf);
  const possibleDuplicates =
    (match.outcome === 'possible_duplicate' || match.outcome === 'shared_number') && flagged.size > 0
      ? (
          await ctx.contacts.checkDuplicates({
            kind: 'person',
            phones: submitted.phones.flatMap((p) => (p.e164 ? [{ number: p.e164 }] : [])).slice(0, 10),
            emails: submitted.emails.map((address) => ({ address })).slice(0, 10),
            addresses: [],
            excludeId: row.contactId,
          })
        ).filter((candidate) => flagged.has(candidate.id))
      : [];
  return {
    customer: submitted,
    match: match.outcome,
    matchedBy: match.matchedBy,
    added: match.added,
    possibleDuplicates,
    notOnContact: notOnContact(submitted, contact),
  };
}
