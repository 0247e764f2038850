import { z } from 'zod';
import { DuplicateCandidate } from '../contacts/schemas';

/** A phone number as the customer sent it, with the kind the sender named (if any) and how we read it. */
export const SubmittedPhone = z.object({
  number: z.string(),
  kind: z.string().nullable(),
  e164: z.string().nullable(),
});
export type SubmittedPhone = z.infer<typeof SubmittedPhone>;

export const SubmittedAddress = z.object({
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  /** As sent ("Österreich", "AT"). */
  country: z.string().nullable(),
});
export type SubmittedAddress = z.infer<typeof SubmittedAddress>;

/**
 * The contact data a lead carried, verbatim (R3.4): kept on the request whichever contact it
 * was filed under, so nothing the customer wrote is lost to a match.
 */
export const SubmittedCustomer = z.object({
  salutation: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** The name as one string, when the sender wrote it so (ADF `<name part="full">`). */
  fullName: z.string().nullable(),
  companyName: z.string().nullable(),
  phones: z.array(SubmittedPhone),
  emails: z.array(z.string()),
  address: SubmittedAddress.nullable(),
});
export type SubmittedCustomer = z.infer<typeof SubmittedCustomer>;

/**
 * How the request's contact was chosen: a new contact; a contact that is certainly the
 * same person; a new contact that may be the same person as one sharing a phone or e-mail; or
 * (a call from a number several customers share) the likeliest of them, the others kept to choose from.
 */
export const CONTACT_MATCHES = ['new', 'matched', 'possible_duplicate', 'shared_number'] as const;
export type ContactMatchOutcome = (typeof CONTACT_MATCHES)[number];

/** What intake decided, stored with the request. */
export const ContactMatchRecord = z.object({
  outcome: z.enum(CONTACT_MATCHES),
  matchedBy: z.array(z.enum(['phone', 'email'])),
  possibleDuplicateOf: z.array(z.uuid()),
  /** Phones and e-mail addresses (as sent) added to the matched contact. */
  added: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }),
});
export type ContactMatchRecord = z.infer<typeof ContactMatchRecord>;

/** The request view's "What the customer submitted", next to the contact it was filed under. */
export const SubmittedView = z.object({
  customer: SubmittedCustomer,
  match: z.enum(CONTACT_MATCHES),
  matchedBy: z.array(z.enum(['phone', 'email'])),
  added: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }),
  /** For a possible duplicate: the contacts it may be, with the reasons (as the duplicate check gives them). */
  possibleDuplicates: z.array(DuplicateCandidate),
  /** What the lead carried that its contact does not have (yet): staff may take it over. */
  notOnContact: z.object({
    phones: z.array(SubmittedPhone),
    emails: z.array(z.string()),
    address: SubmittedAddress.nullable(),
  }),
});
export type SubmittedView = z.infer<typeof SubmittedView>;

/** Staff take over phones, e-mail addresses or the address a lead carried onto its contact. */
export const TakeOverInput = z.object({
  phones: z.array(z.string().max(60)).max(10).default([]),
  emails: z.array(z.string().max(320)).max(10).default([]),
  address: z.boolean().default(false),
});
