import { z } from 'zod';
import { REQUEST_TYPES, TEMPLATE_KINDS } from './enums';

/** Placeholders a template may use; the server fills them from the request. */
export const TEMPLATE_PLACEHOLDERS = [
  'customer.salutation',
  'customer.name',
  'customer.firstName',
  'customer.lastName',
  'request.number',
  'request.subject',
  'vehicle',
  'location.name',
  'location.phone',
  'user.name',
  'user.phone',
] as const;

export const Template = z.object({
  requestType: z.enum(REQUEST_TYPES),
  kind: z.enum(TEMPLATE_KINDS),
  subject: z.string().nullable(),
  body: z.string(),
  updatedAt: z.string(),
  /** True while nobody has saved their own text: the built-in default is in force. */
  isDefault: z.boolean(),
});

export const TemplateUpdate = z.object({
  subject: z.string().trim().max(200).nullish(),
  body: z.string().trim().min(1).max(10_000),
});

/** A template filled for one request, ready to read out or to send. */
export const RenderedTemplate = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  subject: z.string().nullable(),
  body: z.string(),
  /** Placeholders that could not be filled (e.g. no vehicle). */
  missing: z.array(z.string()),
});

/** The editor's preview of an unsaved text, filled with example data. */
export const TemplatePreview = z.object({
  requestType: z.enum(REQUEST_TYPES),
  kind: z.enum(TEMPLATE_KINDS),
  subject: z.string().trim().max(200).nullish(),
  body: z.string().trim().min(1).max(10_000),
});
