import { z } from 'zod';
import { Instant, IsoDate, optionalText, page, PageQuery, UserRef } from '../common';
import { LIFECYCLE_PHASES } from '../lifecycle/phase';
import { TEXT_MAX } from '../text/limits';
import {
  ADDRESS_KINDS,
  CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  CONSENT_STATUSES,
  CONTACT_KINDS,
  EMAIL_KINDS,
  PHONE_KINDS,
  SALUTATIONS,
  CONTACT_LIFECYCLES,
} from './enums';
import { CONTACT_SORTS } from './enums';

export const PhoneInput = z.object({
  kind: z.enum(PHONE_KINDS).default('mobile'),
  /** As typed: "0171 1234567", "+49 (171) 123 45 67", "0049…". The server validates and stores E.164. */
  number: z.string().trim().min(3).max(TEXT_MAX.phone),
  isPrimary: z.boolean().default(false),
});

export const EmailInput = z.object({
  kind: z.enum(EMAIL_KINDS).default('private'),
  address: z.email().trim().toLowerCase().max(TEXT_MAX.email),
  isPrimary: z.boolean().default(false),
});

export const AddressInput = z
  .object({
    kind: z.enum(ADDRESS_KINDS).default('home'),
    street: z.string().trim().min(2).max(TEXT_MAX.street),
    postalCode: z.string().trim().min(3).max(TEXT_MAX.postalCode),
    city: z.string().trim().min(2).max(TEXT_MAX.city),
    country: z.string().trim().toUpperCase().length(2).default('DE'),
    isPrimary: z.boolean().default(false),
  })
  .refine((a) => a.country !== 'DE' || /^\d{5}$/.test(a.postalCode), {
    message: 'expected a 5-digit German postal code',
    path: ['postalCode'],
  });

/** How many phone numbers, e-mail addresses and addresses one contact may have; the form offers no more. */
export const MAX_ROWS = { phones: 10, emails: 10, addresses: 5 } as const;

/** The fields of a contact without defaults, so a partial update leaves absent fields alone. */
const contactShape = {
  kind: z.enum(CONTACT_KINDS),
  salutation: z.enum(SALUTATIONS),
  title: optionalText(TEXT_MAX.academicTitle),
  firstName: optionalText(TEXT_MAX.personName),
  lastName: optionalText(TEXT_MAX.personName),
  companyName: optionalText(TEXT_MAX.companyName),
  /** For a contact person: the company contact they belong to. */
  companyId: z.uuid().nullish(),
  position: optionalText(TEXT_MAX.position),
  dateOfBirth: IsoDate.nullish(),
  homeLocationId: z.uuid(),
  salesConsultantId: z.uuid().nullish(),
  serviceAdvisorId: z.uuid().nullish(),
  preferredChannel: z.enum(CHANNELS).nullish(),
  notes: optionalText(10_000),
  tags: z.array(z.string().trim().min(1).max(40)).max(30),
  paymentRemarks: optionalText(2_000),
  phones: z.array(PhoneInput).max(MAX_ROWS.phones),
  emails: z.array(EmailInput).max(MAX_ROWS.emails),
  addresses: z.array(AddressInput).max(MAX_ROWS.addresses),
};

const ContactFields = z.object({
  ...contactShape,
  kind: contactShape.kind.default('person'),
  salutation: contactShape.salutation.default('none'),
  tags: contactShape.tags.default([]),
  phones: contactShape.phones.default([]),
  emails: contactShape.emails.default([]),
  addresses: contactShape.addresses.default([]),
});

const needsName = (c: { kind?: string; lastName?: string | null; companyName?: string | null }) =>
  c.kind === 'company' ? Boolean(c.companyName) : Boolean(c.lastName);

export const ContactInput = ContactFields.extend({
  /** Save even though likely duplicates exist (after the user has seen them). */
  ignoreDuplicates: z.boolean().default(false),
}).superRefine((c, ctx) => {
  if (needsName(c)) return;
  const company = c.kind === 'company';
  ctx.addIssue({
    code: 'custom',
    message: company ? 'a company needs a company name' : 'a person needs a last name',
    path: [company ? 'companyName' : 'lastName'],
  });
});
export type ContactInput = z.input<typeof ContactInput>;

/** Partial update; arrays replace the stored ones. `version` guards against overwriting a colleague's edit. */
export const ContactUpdate = z
  .object(contactShape)
  .partial()
  .extend({ version: z.number().int().positive().optional() });

export const Phone = z.object({
  id: z.uuid(),
  kind: z.enum(PHONE_KINDS),
  raw: z.string(),
  e164: z.string().nullable(),
  valid: z.boolean(),
  /** For display: national format for German numbers. */
  display: z.string(),
  isPrimary: z.boolean(),
});

export const Email = z.object({ id: z.uuid(), kind: z.enum(EMAIL_KINDS), address: z.string(), isPrimary: z.boolean() });

export const Address = z.object({
  id: z.uuid(),
  kind: z.enum(ADDRESS_KINDS),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  isPrimary: z.boolean(),
});

export const ConsentState = z.object({
  channel: z.enum(CHANNELS),
  purpose: z.enum(CONSENT_PURPOSES),
  status: z.enum(CONSENT_STATUSES),
  effectiveAt: z.string(),
  source: z.enum(CONSENT_SOURCES),
});

export const ConsentInput = z.object({
  channel: z.enum(CHANNELS),
  purpose: z.enum(CONSENT_PURPOSES),
  status: z.enum(CONSENT_STATUSES),
  source: z.enum(CONSENT_SOURCES),
  /** When the customer decided; defaults to now. Not in the future. */
  effectiveAt: Instant.optional(),
  note: optionalText(1_000),
});

export const ConsentHistoryEntry = ConsentState.extend({
  id: z.uuid(),
  note: z.string().nullable(),
  recordedBy: UserRef.nullable(),
  createdAt: z.string(),
});

export const Block = z.object({
  id: z.uuid(),
  reason: z.string(),
  blockedAt: z.string(),
  blockedUntil: z.string().nullable(),
  blockedBy: UserRef.nullable(),
});

export const BlockInput = z.object({
  reason: z.string().trim().min(3).max(1_000),
  until: Instant.nullish(),
});
export const UnblockInput = z.object({ reason: optionalText(1_000) });

export const ContactRef = z.object({ id: z.uuid(), displayName: z.string(), customerNumber: z.string() });

export const Contact = z.object({
  id: z.uuid(),
  kind: z.enum(CONTACT_KINDS),
  customerNumber: z.string(),
  displayName: z.string(),
  salutation: z.enum(SALUTATIONS),
  title: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  company: ContactRef.nullable(),
  /** For companies: their contact persons. */
  contactPersons: z.array(ContactRef.extend({ position: z.string().nullable() })),
  position: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  homeLocationId: z.uuid(),
  salesConsultant: UserRef.nullable(),
  serviceAdvisor: UserRef.nullable(),
  preferredChannel: z.enum(CHANNELS).nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  paymentRemarks: z.string().nullable(),
  /** Interessent until the first purchase order, then Kunde. */
  lifecycle: z.enum(CONTACT_LIFECYCLES),
  phones: z.array(Phone),
  emails: z.array(Email),
  addresses: z.array(Address),
  /** Current consent per channel and purpose (latest decision); missing pairs were never asked. */
  consents: z.array(ConsentState),
  activeBlock: Block.nullable(),
  mergedInto: ContactRef.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactListItem = z.object({
  id: z.uuid(),
  kind: z.enum(CONTACT_KINDS),
  customerNumber: z.string(),
  displayName: z.string(),
  city: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  homeLocationId: z.uuid(),
  salesConsultant: UserRef.nullable(),
  blocked: z.boolean(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export type ContactListItem = z.infer<typeof ContactListItem>;

export { CONTACT_SORTS };

export const ContactListQuery = PageQuery.extend({
  sort: z.enum(CONTACT_SORTS).default('name'),
  /** Name prefix filter (folded like the search bar). */
  q: z.string().trim().max(100).optional(),
  locationId: z.uuid().optional(),
  kind: z.enum(CONTACT_KINDS).optional(),
  tag: z.string().trim().max(40).optional(),
  salesConsultantId: z.uuid().optional(),
  blocked: z.enum(['true', 'false']).optional(),
  /** Holds a vehicle in this lifecycle phase today. */
  phase: z.enum(LIFECYCLE_PHASES).optional(),
});

export const ContactPage = page(ContactListItem);

export const DUPLICATE_REASONS = ['phone', 'email', 'name_address', 'name'] as const;

export const DuplicateCheckInput = z.object({
  kind: z.enum(CONTACT_KINDS).default('person'),
  firstName: z.string().trim().max(80).nullish(),
  lastName: z.string().trim().max(80).nullish(),
  companyName: z.string().trim().max(160).nullish(),
  phones: z
    .array(z.object({ number: z.string().trim().max(40) }))
    .max(10)
    .default([]),
  emails: z
    .array(z.object({ address: z.string().trim().max(200) }))
    .max(10)
    .default([]),
  addresses: z
    .array(
      z.object({
        street: z.string().trim().max(200),
        postalCode: z.string().trim().max(10),
        city: z.string().trim().max(120).optional(),
      }),
    )
    .max(5)
    .default([]),
  /** When editing: the contact itself is no duplicate of itself. */
  excludeId: z.uuid().optional(),
});

export const DuplicateCandidate = ContactRef.extend({
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  blocked: z.boolean(),
  city: z.string().nullable(),
  primaryPhone: z.string().nullable(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const MergeInput = z
  .object({
    /** Merged away: it redirects to the target afterwards. */
    sourceId: z.uuid(),
    /** Kept: receives the source's vehicles, timeline, requests, phones, e-mails, addresses, consents. */
    targetId: z.uuid(),
  })
  .refine((m) => m.sourceId !== m.targetId, { message: 'cannot merge a contact into itself', path: ['targetId'] });
