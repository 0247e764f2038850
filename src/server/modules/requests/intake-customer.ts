import type { ContactLifecycle } from '@shared/contacts/enums';
import { randomUUID } from 'node:crypto';
import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';
import { countryCodeOf } from '@shared/contacts/countries';
import type { PhoneKind } from '@shared/contacts/enums';
import { formatPhone, parsePhone, phoneKindFor } from '@shared/contacts/normalize';
import type { NewCustomer } from '@shared/requests/schemas';
import type { ContactMatchRecord, SubmittedCustomer } from '@shared/requests/submitted';
import type { Location } from '@shared/org/schemas';
import { timelineText } from '@shared/texts/timeline';
import type { Actor } from '@server/http/access';
import type { ContactAdditions, PreparedContact, SharedDetailCandidate } from '@server/modules/contacts';
import type { RequestsContext } from './context';
import { additionsFor, decideContact, MAX_PER_CONTACT } from './customer-match';
import { contactAddressOf } from './submitted-view';
import * as repo from './repo';

/** The contact a request goes to: one we have (perhaps with details to add), or a new one. */
export type ContactChoice =
  { id: string; matched: 'phone' | 'email' | null; additions?: ContactDetails | null } | { create: PreparedContact };

export interface CustomerIntake {
  contact: ContactChoice;
  displayName: string;
  newContactId: string | null;
  numbers: { requestNumber: string; customerNumber: number | null } | null;
  submitted: SubmittedCustomer;
  match: ContactMatchRecord;
}

interface LeadPhone {
  raw: string;
  stated: PhoneKind | null;
  e164: string | null;
  valid: boolean;
}

/** The country the customer's numbers and address are in: the one they name, else Germany. */
export function customerRegion(country: string | null | undefined): CountryCode {
  const code = countryCodeOf(country);
  return code && isSupportedCountry(code) ? code : 'DE';
}

/** Every number of the customer, the main one first, read in their country. */
export function leadPhones(c: NewCustomer, region: CountryCode): LeadPhone[] {
  const given = [
    ...(c.phone ? [{ number: c.phone, kind: null }] : []),
    ...(c.phones ?? []).map((p) => ({ number: p.number, kind: p.kind ?? null })),
  ];
  return given.map((p) => ({ ...parsePhone(p.number, region), raw: p.number, stated: p.kind }));
}

export const leadEmails = (c: NewCustomer) =>
  [...(c.email ? [c.email] : []), ...(c.emails ?? [])].map((raw) => ({ raw, lower: raw.trim().toLowerCase() }));

/** What the customer sent, as sent: the record kept on the request. */
export function submittedOf(c: NewCustomer, region: CountryCode): SubmittedCustomer {
  const address = {
    street: c.street,
    postalCode: c.postalCode,
    city: c.city,
    region: null,
    country: c.country ?? null,
  };
  return {
    salutation: c.salutation === 'none' ? null : c.salutation,
    firstName: c.firstName,
    lastName: c.lastName,
    fullName: null,
    companyName: c.companyName,
    phones: leadPhones(c, region).map((p) => ({ number: p.raw, kind: p.stated, e164: p.e164 })),
    emails: leadEmails(c).map((e) => e.raw),
    address: Object.values(address).some(Boolean) ? address : null,
  };
}

/** The details of a lead to add to the contact it matched; the history line comes with the writing. */
type ContactDetails = Omit<ContactAdditions, 'summary' | 'text'>;

/** "Möglicherweise dieselbe Person wie Müller, Hans (STR-100001): gleiche Telefonnummer …" — for the new contact's history. */
const possibleDuplicateText = (possible: SharedDetailCandidate[], requestNumber: string) =>
  timelineText('timeline.possibleDuplicate', {
    number: requestNumber,
    candidates: possible.map((c) => ({
      name: c.displayName,
      customerNumber: c.customerNumber,
      same: [...(c.byPhone ? ['phone' as const] : []), ...(c.byEmail ? ['email' as const] : [])],
    })),
  });

/**
 * The contact of a lead that names its customer: matched only when certain (customer-match.ts);
 * else a new contact, flagged in its history as a possible duplicate of those sharing a phone
 * or e-mail. What the lead sent is kept either way; a match gains the lead's new numbers and
 * e-mail addresses where that is safe.
 */
export function createCustomerIntake(ctx: RequestsContext) {
  const { deps, contacts } = ctx;

  return async function chooseContact(
    actor: Actor,
    c: NewCustomer,
    location: Location,
    options: { lenientPhones?: boolean; submitted?: SubmittedCustomer | null; lifecycle?: ContactLifecycle },
  ): Promise<CustomerIntake> {
    const region = customerRegion(c.country);
    const phones = leadPhones(c, region);
    const emails = leadEmails(c);
    const submitted = options.submitted ?? submittedOf(c, region);
    const candidates = await contacts.sharingDetails(
      phones.map((p) => p.e164).filter((e): e is string => Boolean(e)),
      emails.map((e) => e.lower),
    );
    const decision = decideContact(
      {
        firstName: c.firstName,
        lastName: c.lastName,
        companyName: c.companyName,
        e164s: phones.flatMap((p) => (p.e164 ? [p.e164] : [])),
        emails: emails.map((e) => e.lower),
      },
      candidates,
    );

    if (decision.kind === 'matched') {
      const found = decision.contact;
      const add = additionsFor(found, candidates, phones, emails);
      const additions =
        add.phones.length || add.emails.length
          ? {
              phones: add.phones.map((p) => ({
                kind: phoneKindFor(p.e164, p.stated),
                number: p.raw,
                isPrimary: false,
              })),
              emails: add.emails.map((e) => e.raw),
              addresses: [],
              region,
            }
          : null;
      return {
        contact: { id: found.id, matched: decision.matchedBy[0] ?? null, additions },
        displayName: found.displayName,
        newContactId: null,
        numbers: null,
        submitted,
        match: {
          outcome: 'matched',
          matchedBy: decision.matchedBy,
          possibleDuplicateOf: [],
          added: { phones: add.phones.map((p) => p.raw), emails: add.emails.map((e) => e.raw) },
        },
      };
    }

    const possible = decision.possibleDuplicates;
    const newContactId = randomUUID();
    const numbers = await repo.reserveNumbers(deps.db, contacts.customerNumberStep(location.id));
    const address = contactAddressOf(submittedOf(c, region).address);
    const create = await contacts.prepareCreate(
      actor,
      {
        kind: c.lastName || !c.companyName ? 'person' : 'company',
        salutation: c.salutation ?? 'none',
        title: null,
        firstName: c.firstName ?? null,
        lastName: c.lastName ?? null,
        companyName: c.companyName ?? null,
        position: null,
        homeLocationId: location.id,
        tags: [],
        notes: null,
        paymentRemarks: null,
        // A contact holds ten of each; a lead with more keeps them all on the request, offered.
        phones: phones
          .slice(0, MAX_PER_CONTACT)
          .map((p, i) => ({ kind: phoneKindFor(p.e164, p.stated), number: p.raw, isPrimary: i === 0 })),
        emails: uniqueEmails(emails)
          .slice(0, MAX_PER_CONTACT)
          .map((e, i) => ({ kind: 'private', address: e.lower, isPrimary: i === 0 })),
        addresses: address ? [{ ...address, isPrimary: true }] : [],
        ignoreDuplicates: true,
      } as Parameters<typeof contacts.prepareCreate>[1],
      {
        skipDuplicateCheck: true,
        allowInvalidPhones: options.lenientPhones,
        id: newContactId,
        customerNumber: numbers.customerNumber!,
        homeLocationCode: location.code,
        phoneRegion: region,
        lifecycle: options.lifecycle,
        alsoRecord: possible.length
          ? [
              {
                kind: 'possible_duplicate',
                ...possibleDuplicateText(possible, numbers.requestNumber),
                data: { contactIds: possible.map((p) => p.id), requestNumber: numbers.requestNumber },
              },
            ]
          : [],
      },
    );
    return {
      contact: { create },
      displayName: newCustomerName(c),
      newContactId,
      numbers,
      submitted,
      match: {
        outcome: possible.length ? 'possible_duplicate' : 'new',
        matchedBy: [],
        possibleDuplicateOf: possible.map((p) => p.id),
        added: { phones: [], emails: [] },
      },
    };
  };
}

const uniqueEmails = (emails: Array<{ raw: string; lower: string }>) =>
  emails.filter((e, i) => emails.findIndex((o) => o.lower === e.lower) === i);

const newCustomerName = (c: NewCustomer) =>
  c.lastName ? [c.firstName, c.lastName].filter(Boolean).join(' ') : (c.companyName ?? '');

/**
 * The history line of details added to a contact from a request, at intake ("added") or by a
 * colleague later ("takenOver"): "Telefon 0211 123456, E-Mail a@b.de aus Anliegen A-100042 hinzugefügt".
 */
export function additionsText(add: ContactDetails, requestNumber: string, how: 'added' | 'takenOver') {
  return timelineText('timeline.detailsAdded', {
    number: requestNumber,
    how,
    phones: add.phones.map((p) => formatPhone(parsePhone(p.number, add.region).e164, p.number)),
    emails: add.emails.map((e) => e.trim().toLowerCase()),
    addresses: add.addresses.map((a) => `${a.street}, ${a.postalCode} ${a.city}`),
  });
}
