import { z } from 'zod';

/**
 * A lead as read from an ADF ("Auto-lead Data Format", XML 1.0) document, normalised:
 * enumerations mapped onto one spelling, dates as ISO strings, names split into parts.
 * Shared so that the intake API and the web app show the same shape.
 */

export const ADF_PROSPECT_STATUSES = ['new', 'resend'] as const;
export const ADF_INTERESTS = ['buy', 'lease', 'sell', 'trade-in', 'test-drive'] as const;
export const ADF_VEHICLE_STATUSES = ['new', 'used'] as const;
export const ADF_PHONE_KINDS = ['mobile', 'landline', 'fax', 'other'] as const;
export const ADF_CONTACT_TIMES = ['morning', 'afternoon', 'evening', 'day', 'nopreference'] as const;

/**
 * What kind of trouble a problem or warning reports:
 * - not_xml / malformed / not_adf: the document as a whole cannot be read;
 * - missing: something the ADF DTD requires (or a lead needs) is absent;
 * - unusable: a value is present but cannot be understood; it was left out;
 * - normalised: a value strayed from the DTD but its meaning was clear;
 * - inferred: a value was taken from elsewhere (a VIN from the comments, a name split in two);
 * - ignored: content that the lead has no place for (a second contact, an unknown element value).
 */
export const ADF_PROBLEM_CODES = [
  'not_xml',
  'malformed',
  'not_adf',
  'missing',
  'unusable',
  'normalised',
  'inferred',
  'ignored',
] as const;

export const AdfProblem = z.object({
  code: z.enum(ADF_PROBLEM_CODES),
  /** Where, e.g. "prospect[0].customer.contact.name" or "document". */
  path: z.string(),
  /** Plain English, e.g. "unusable date '31.02.2026' in prospect[0].requestdate". */
  message: z.string(),
});
export type AdfProblem = z.infer<typeof AdfProblem>;
/** Same shape as a problem; a warning does not stop the lead from being taken in. */
export const AdfWarning = AdfProblem;
export type AdfWarning = AdfProblem;

export const AdfExternalId = z.object({
  source: z.string().nullable(),
  sequence: z.number().int().nullable(),
  value: z.string(),
});
export type AdfExternalId = z.infer<typeof AdfExternalId>;

export const AdfVehicle = z.object({
  interest: z.enum(ADF_INTERESTS),
  /** null when the document does not say (the DTD would assume "new"; portals for used cars often omit it). */
  status: z.enum(ADF_VEHICLE_STATUSES).nullable(),
  year: z.number().int().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  trim: z.string().nullable(),
  vin: z.string().nullable(),
  stock: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  odometerKm: z.number().int().nullable(),
  comments: z.string().nullable(),
});
export type AdfVehicle = z.infer<typeof AdfVehicle>;

export const AdfPhone = z.object({
  number: z.string(),
  kind: z.enum(ADF_PHONE_KINDS),
  preferredTime: z.enum(ADF_CONTACT_TIMES).nullable(),
  preferred: z.boolean(),
});
export type AdfPhone = z.infer<typeof AdfPhone>;

export const AdfAddress = z.object({
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  /** ISO 3166 alpha-2 when recognised ("Deutschland" → "DE"), else as given. */
  country: z.string().nullable(),
});
export type AdfAddress = z.infer<typeof AdfAddress>;

export const AdfCustomer = z.object({
  kind: z.enum(['person', 'company']),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  fullName: z.string().nullable(),
  companyName: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(AdfPhone),
  address: AdfAddress.nullable(),
  comments: z.string().nullable(),
  timeframe: z
    .object({
      description: z.string().nullable(),
      /** Calendar dates (YYYY-MM-DD, Europe/Berlin). */
      earliest: z.string().nullable(),
      latest: z.string().nullable(),
    })
    .nullable(),
});
export type AdfCustomer = z.infer<typeof AdfCustomer>;

export const AdfVendor = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type AdfVendor = z.infer<typeof AdfVendor>;

export const AdfProvider = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  service: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type AdfProvider = z.infer<typeof AdfProvider>;

export const AdfLead = z.object({
  /** "resend" repeats an earlier lead: dedupe by (source, id value) from externalIds. */
  status: z.enum(ADF_PROSPECT_STATUSES),
  externalIds: z.array(AdfExternalId),
  /** When the customer asked, as an ISO instant (UTC); null when absent or unusable. */
  requestDate: z.iso.datetime().nullable(),
  vehicles: z.array(AdfVehicle),
  customer: AdfCustomer,
  vendor: AdfVendor.nullable(),
  provider: AdfProvider.nullable(),
});
export type AdfLead = z.infer<typeof AdfLead>;

export const AdfParseResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), leads: z.array(AdfLead), warnings: z.array(AdfWarning) }),
  z.object({ ok: z.literal(false), errors: z.array(AdfProblem) }),
]);
export type AdfParseResult = z.infer<typeof AdfParseResult>;
