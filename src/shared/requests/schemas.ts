import { z } from 'zod';
import { Instant, optionalText, page, UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';
import { InputRepair } from '../text/repairs';
import { ATTACHMENT_MAX_FILES, AttachmentUpload } from './attachments';
import { CHANNELS, CONSENT_PURPOSES, CONSENT_STATUSES, PHONE_KINDS, SALUTATIONS } from '../contacts/enums';
import { DEPARTMENT_KINDS } from '../org/enums';
import { SubmittedView } from './submitted';
import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  LOST_REASONS,
  PRIORITIES,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from './enums';

const instant = Instant;

/**
 * A customer as a form or lead sent them (matched against the contacts on the server, and
 * kept verbatim on the request). Numbers without country code are read in `country`.
 */
export const NewCustomer = z.object({
  salutation: z.enum(SALUTATIONS).default('none'),
  firstName: optionalText(TEXT_MAX.personName),
  lastName: optionalText(TEXT_MAX.personName),
  companyName: optionalText(TEXT_MAX.companyName),
  phone: optionalText(TEXT_MAX.phone),
  /** Further numbers; `kind` when the sender knows it, else it is read from the number. */
  phones: z
    .array(z.object({ number: z.string().trim().min(1).max(TEXT_MAX.phone), kind: z.enum(PHONE_KINDS).nullish() }))
    .max(5)
    .optional(),
  /** As written: matched case-insensitively, stored on the contact in lower case. */
  email: z.email().trim().max(TEXT_MAX.email).nullish(),
  emails: z.array(z.email().trim().max(TEXT_MAX.email)).max(5).optional(),
  street: optionalText(TEXT_MAX.street),
  postalCode: optionalText(TEXT_MAX.postalCode),
  city: optionalText(TEXT_MAX.city),
  /** ISO 3166 code ("AT") or the country's name ("Österreich"); default Germany. */
  country: optionalText(TEXT_MAX.country).optional(),
});
export type NewCustomer = z.infer<typeof NewCustomer>;

const RequestFields = z.object({
  type: z.enum(REQUEST_TYPES),
  channel: z.enum(REQUEST_CHANNELS),
  source: optionalText(TEXT_MAX.source),
  campaign: optionalText(TEXT_MAX.campaign),
  locationId: z.uuid(),
  brand: optionalText(TEXT_MAX.brand),
  /** The department the customer asked for; a callback or inquiry goes to its management when no rule matches. */
  department: z.enum(DEPARTMENT_KINDS).nullish(),
  subject: z.string().trim().min(2).max(TEXT_MAX.subject),
  message: optionalText(TEXT_MAX.message),
  vehicleId: z.uuid().nullish(),
  vehicleInterest: z.record(z.string(), z.unknown()).nullish(),
  priority: z.enum(PRIORITIES).default('normal'),
  callbackFrom: instant.nullish(),
  callbackTo: instant.nullish(),
});

/** Staff intake (form, walk-in): an existing contact or a new customer. */
export const RequestCreate = RequestFields.extend({
  contactId: z.uuid().nullish(),
  customer: NewCustomer.nullish(),
  /** Assign to this colleague instead of applying the rules. */
  assigneeId: z.uuid().nullish(),
})
  .refine((r) => Boolean(r.contactId) !== Boolean(r.customer), {
    message: 'give either an existing contact or a new customer',
    path: ['contactId'],
  })
  .refine((r) => !r.callbackFrom || !r.callbackTo || r.callbackFrom < r.callbackTo, {
    message: 'must end after it starts',
    path: ['callbackTo'],
  });
export type RequestCreate = z.input<typeof RequestCreate>;

/** Machine intake (web forms, lead portals) with an API key; the location may be given by its code. */
export const IntakeBody = RequestFields.partial({ locationId: true, subject: true, channel: true }).extend({
  locationCode: z.string().trim().toUpperCase().max(6).optional(),
  customer: NewCustomer,
  vehicle: z
    .object({
      vin: optionalText(TEXT_MAX.vin),
      plate: optionalText(TEXT_MAX.plate),
      make: optionalText(TEXT_MAX.make),
      model: optionalText(TEXT_MAX.model),
    })
    .nullish(),
  consents: z
    .array(z.object({ channel: z.enum(CHANNELS), purpose: z.enum(CONSENT_PURPOSES), status: z.enum(CONSENT_STATUSES) }))
    .max(8)
    .default([]),
  /** The sender's own id for this lead; a second lead with the same id is a resend. */
  externalId: optionalText(TEXT_MAX.externalId),
  /** Files from the form, base64; see ATTACHMENT_TYPES and the size limits. */
  attachments: z.array(AttachmentUpload).max(ATTACHMENT_MAX_FILES).default([]),
});

export const RequestRef = z.object({
  id: z.uuid(),
  number: z.string(),
  subject: z.string(),
  status: z.enum(REQUEST_STATUSES),
});

export const Attempt = z.object({
  id: z.uuid(),
  at: z.string(),
  channel: z.enum(ATTEMPT_CHANNELS),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: z.string().nullable(),
  user: UserRef.nullable(),
  /** The mail sent from the CRM with this attempt, kept as sent. */
  emailId: z.uuid().nullable().optional(),
});

export const AttemptInput = z.object({
  channel: z.enum(ATTEMPT_CHANNELS),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  /** Verbatim: what was said and offered (R3.4). */
  note: optionalText(TEXT_MAX.note),
  /** When it happened, if not now. Not in the future. */
  at: instant.optional(),
  /**
   * With channel e-mail and outcome "e-mail sent": send this mail to the customer from the CRM
   * now (consent rules apply; `askedInRequest` when the customer asked for it in this request).
   */
  send: z
    .object({
      subject: z.string().trim().min(1).max(TEXT_MAX.subject),
      text: z.string().trim().min(1).max(TEXT_MAX.message),
      askedInRequest: z.boolean().default(false),
    })
    .optional(),
});

/**
 * A reply to the customer from the request view: sent from the current user, recorded as an
 * e-mail attempt. The customer wrote to us, so it needs no consent; the request number goes in
 * the subject ("[A-100123]") if it is not there yet.
 */
export const EmailReplyInput = z.object({
  /** One of the customer's addresses; the primary one when left out. */
  to: z.string().trim().max(TEXT_MAX.email).nullish(),
  subject: z.string().trim().min(1).max(TEXT_MAX.subject),
  text: z.string().trim().min(1).max(TEXT_MAX.message),
  /** Files of this request (uploaded to it first, checked there). */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
  templateKey: z.enum(['general_reply', 'failed_calls']).nullish(),
});

/** What the app proposes next after the attempts so far (R3.3). */
export const NextStep = z.object({
  /** 'call' with a suggested time of day different from the failed ones, or 'email' with the template. */
  action: z.enum(['call', 'email', 'none']),
  suggestedAt: z.string().nullable(),
  reason: z.enum(['first_contact', 'retry_other_time', 'three_failed_attempts', 'invalid_number', 'reached', 'closed']),
  failedPhoneAttempts: z.number().int(),
});

export const RequestEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.string(),
  actor: UserRef.nullable(),
  fromStatus: z.enum(REQUEST_STATUSES).nullable(),
  toStatus: z.enum(REQUEST_STATUSES).nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const CustomerRequest = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.enum(REQUEST_TYPES),
  channel: z.enum(REQUEST_CHANNELS),
  source: z.string().nullable(),
  campaign: z.string().nullable(),
  locationId: z.uuid(),
  brand: z.string().nullable(),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  subject: z.string(),
  message: z.string().nullable(),
  /** "system": the message is a text the phone system wrote (a missed call), not what the customer said. */
  messageFrom: z.enum(['customer', 'system']),
  contact: z.object({ id: z.uuid(), displayName: z.string(), customerNumber: z.string(), blocked: z.boolean() }),
  vehicle: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  vehicleInterest: z.record(z.string(), z.unknown()).nullable(),
  priority: z.enum(PRIORITIES),
  callbackFrom: z.string().nullable(),
  callbackTo: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  outcome: z.string().nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  assignee: UserRef.nullable(),
  onBehalfOf: UserRef.nullable(),
  receivedAt: z.string(),
  firstContactDueAt: z.string().nullable(),
  firstContactedAt: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  attempts: z.array(Attempt),
  nextStep: NextStep,
  /** What the lead's customer submitted, verbatim, and how it was matched; null for requests on a chosen contact. */
  submitted: SubmittedView.nullable(),
  version: z.number().int(),
});
export type CustomerRequest = z.infer<typeof CustomerRequest>;

export const RequestListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.enum(REQUEST_TYPES),
  channel: z.enum(REQUEST_CHANNELS),
  subject: z.string(),
  status: z.enum(REQUEST_STATUSES),
  priority: z.enum(PRIORITIES),
  contact: z.object({ id: z.uuid(), displayName: z.string(), blocked: z.boolean() }),
  assignee: UserRef.nullable(),
  locationId: z.uuid(),
  receivedAt: z.string(),
  firstContactDueAt: z.string().nullable(),
  /** When the customer was first contacted: the list shows it instead of a deadline that no longer matters. */
  firstContactedAt: z.string().nullable(),
  overdue: z.boolean(),
  attemptCount: z.number().int(),
});
export type RequestListItem = z.infer<typeof RequestListItem>;

export const RequestListQuery = z.object({
  /** mine: assigned to me; team: my department at my locations; location: all of my locations. */
  scope: z.enum(['mine', 'team', 'location', 'all']).default('mine'),
  status: z.enum([...REQUEST_STATUSES, 'open']).default('open'),
  type: z.enum(REQUEST_TYPES).optional(),
  locationId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** today: first contact still due by the end of today (Berlin), not yet overdue. */
  due: z.enum(['today']).optional(),
  /** true: nobody is assigned yet. */
  unassigned: z.enum(['true']).optional(),
  contactId: z.uuid().optional(),
  /** Words to find in the number, subject, message or a scanned letter's text; every word must occur. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export const RequestPage = page(RequestListItem);

export const StatusChange = z
  .object({
    status: z.enum(REQUEST_STATUSES),
    outcome: optionalText(2_000),
    lostReason: z.enum(LOST_REASONS).nullish(),
    note: optionalText(2_000),
    version: z.number().int().positive().optional(),
  })
  .refine((s) => s.status !== 'lost' || Boolean(s.lostReason), {
    message: 'a lost request needs a reason',
    path: ['lostReason'],
  })
  .refine((s) => s.status !== 'done' || Boolean(s.outcome), {
    message: 'a done request needs an outcome',
    path: ['outcome'],
  });

export const Reassign = z.object({ assigneeId: z.uuid(), reason: z.string().trim().min(3).max(500) });
export const BulkReassign = Reassign.extend({ ids: z.array(z.uuid()).min(1).max(200) });

export const WorkListCounts = z.object({
  mine: z.number().int(),
  mineOverdue: z.number().int(),
  team: z.number().int(),
  unassigned: z.number().int(),
});

/** Answer of the machine intake: the request taken in, or the earlier one when it was a resend. */
export const IntakeAnswer = z.object({
  request: RequestRef,
  /**
   * True when the lead was known already — the same externalId from the same sender, or the
   * same content within a day — and nothing was created.
   */
  duplicate: z.boolean(),
  /** What had to be changed so the lead could be stored (see InputRepair); also noted on the request. */
  warnings: z.array(InputRepair).optional(),
});
export type IntakeAnswer = z.infer<typeof IntakeAnswer>;

/** Answer of the ADF intake: one entry per prospect of the document. */
export const AdfIntakeAnswer = z.object({
  created: z.array(RequestRef),
  duplicates: z.array(RequestRef),
  /** What the ADF reader normalised or left out, and what had to be changed so the leads could be stored. */
  warnings: z.array(
    z.object({ code: z.string(), path: z.string(), message: z.string(), limit: z.number().int().optional() }),
  ),
});
export type AdfIntakeAnswer = z.infer<typeof AdfIntakeAnswer>;
