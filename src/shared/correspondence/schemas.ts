import { z } from 'zod';
import { Instant, UserRef } from '../common';
import { TEXT_MAX } from '../text/limits';

/** The mails to customers that have a template (Administration → Vorlagen). */
export const CUSTOMER_EMAIL_TEMPLATE_KEYS = [
  'offer_sent',
  'test_drive_confirmation',
  'purchase_order',
  'general_reply',
  /** The acknowledgement of a request that came in by e-mail or web form, with its number and deadline. */
  'acknowledgement',
  /** The e-mail after three failed calls: the request type's e-mail template. */
  'failed_calls',
] as const;
export type CustomerEmailTemplateKey = (typeof CUSTOMER_EMAIL_TEMPLATE_KEYS)[number];

export const CUSTOMER_EMAIL_LOCALES = ['de', 'en'] as const;
export type CustomerEmailLocale = (typeof CUSTOMER_EMAIL_LOCALES)[number];

/** Placeholders a customer e-mail may use; anything else stays visible in the text and is reported. */
export const CUSTOMER_EMAIL_PLACEHOLDERS = [
  'customer.salutation',
  'customer.name',
  'customer.firstName',
  'customer.lastName',
  'consultant.name',
  'consultant.phone',
  'consultant.email',
  'offer.number',
  'location.name',
  'location.phone',
  'request.number',
  'request.subject',
  /** The promised first contact in words: "Montag, 7. Dezember, 12:00 Uhr". */
  'request.deadline',
  'vehicle',
  // The names the request templates use, so the three-failed-calls text fills the same way.
  'user.name',
  'user.phone',
] as const;
export type CustomerEmailPlaceholder = (typeof CUSTOMER_EMAIL_PLACEHOLDERS)[number];

export const CUSTOMER_EMAIL_LIMITS = { subject: TEXT_MAX.subject, text: TEXT_MAX.message, attachments: 10 } as const;

export const CustomerEmailTemplate = z.object({
  key: z.enum(CUSTOMER_EMAIL_TEMPLATE_KEYS),
  locale: z.enum(CUSTOMER_EMAIL_LOCALES),
  subject: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  updatedAt: z.string(),
});

export const CustomerEmailTemplateUpdate = z.object({
  subject: z.string().trim().min(1).max(CUSTOMER_EMAIL_LIMITS.subject),
  body: z.string().trim().min(1).max(10_000),
});

/** A template filled for one customer. */
export const RenderedCustomerEmail = z.object({
  subject: z.string(),
  body: z.string(),
  /** Known placeholders this customer has no value for (shown as "[Nachname]" …). */
  missing: z.array(z.string()),
  /** Placeholders nobody knows; left in the text as written. */
  unknown: z.array(z.string()),
});

export const CustomerEmailPreviewInput = z.object({
  templateKey: z.enum(CUSTOMER_EMAIL_TEMPLATE_KEYS),
  locale: z.enum(CUSTOMER_EMAIL_LOCALES).default('de'),
  requestId: z.uuid().nullish(),
  /** Fills {{offer.number}} when the mail is about an offer (e.g. V-100001/2). */
  offerNumber: z.string().trim().max(40).nullish(),
});

export const EMAIL_CONSENT_STATES = ['granted', 'withdrawn', 'missing'] as const;

/** Before writing: to whom it can go, and whether it may. */
export const CustomerEmailOptions = z.object({
  addresses: z.array(z.string()),
  consent: z.enum(EMAIL_CONSENT_STATES),
  blocked: z.boolean(),
  templates: z.array(z.object({ key: z.enum(CUSTOMER_EMAIL_TEMPLATE_KEYS) })),
});

export const SendCustomerEmailInput = z.object({
  to: z.string().trim().max(TEXT_MAX.email).nullish(),
  templateKey: z.enum(CUSTOMER_EMAIL_TEMPLATE_KEYS).nullish(),
  subject: z.string().trim().min(1).max(CUSTOMER_EMAIL_LIMITS.subject),
  text: z.string().trim().min(1).max(CUSTOMER_EMAIL_LIMITS.text),
  attachmentDocumentIds: z.array(z.uuid()).max(CUSTOMER_EMAIL_LIMITS.attachments).default([]),
  requestId: z.uuid().nullish(),
  opportunityId: z.uuid().nullish(),
  /** The customer asked for this mail in the request `requestId`: sent without consent, and recorded so. */
  askedInRequest: z.boolean().default(false),
});

/** `held`: kept in the outbox because no mail server is set up; it goes out once one is. */
export const CUSTOMER_EMAIL_STATUSES = ['queued', 'held', 'sent', 'failed'] as const;

export const CustomerEmailAttachment = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  documentId: z.uuid().nullable(),
});

export const CustomerEmailSummary = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  requestId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
  offerId: z.uuid().nullable(),
  sentBy: UserRef.nullable(),
  fromName: z.string(),
  fromAddress: z.string(),
  to: z.string(),
  replyTo: z.string().nullable(),
  subject: z.string(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  reason: z.enum(['consent', 'asked']),
  askedInRequestId: z.uuid().nullable(),
  templateKey: z.string().nullable(),
  attachments: z.array(CustomerEmailAttachment),
  status: z.enum(CUSTOMER_EMAIL_STATUSES),
  lastError: z.string().nullable(),
  createdAt: Instant,
  sentAt: Instant.nullable(),
});

/** The stored message: what was sent, with its headers as built. */
export const CustomerEmailDetail = CustomerEmailSummary.extend({
  text: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  size: z.number().int(),
});
