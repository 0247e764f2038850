import { z } from 'zod';

/** The caller's private calendar feed. `url` is only there right after creating or rotating it. */
export const CalendarFeed = z.object({
  active: z.boolean(),
  includeDetails: z.boolean(),
  createdAt: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  url: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedCreate = z.object({ includeDetails: z.boolean().optional() });
export const CalendarFeedUpdate = z.object({ includeDetails: z.boolean() });

export const CaldavSettings = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  username: z.string().nullable(),
  /** The password is never sent back; only whether one is stored. */
  hasPassword: z.boolean(),
  lastPushAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type CaldavSettings = z.infer<typeof CaldavSettings>;

const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address');

export const CaldavSettingsInput = z.object({
  url: HttpUrl,
  username: z.string().trim().min(1).max(200),
  /** Left out: keep the stored password. */
  password: z.string().min(1).max(500).optional(),
});
export type CaldavSettingsInput = z.infer<typeof CaldavSettingsInput>;

export const CaldavTestResult = z.object({
  ok: z.boolean(),
  status: z.number().nullable(),
  message: z.string(),
});
export type CaldavTestResult = z.infer<typeof CaldavTestResult>;

export const INVITATION_REASONS = ['consent', 'asked'] as const;
export type InvitationReason = (typeof INVITATION_REASONS)[number];

export const InvitationInput = z.object({
  /** consent: the customer agreed to e-mail (checked); asked: the customer asked for the invitation. */
  reason: z.enum(INVITATION_REASONS).default('consent'),
});

export const InvitationSent = z.object({
  email: z.string(),
  sequence: z.number().int(),
  method: z.enum(['REQUEST', 'CANCEL', 'PUBLISH']),
  mailId: z.string(),
});
export type InvitationSent = z.infer<typeof InvitationSent>;

export const InvitationState = z.object({
  invited: z.boolean(),
  email: z.string().nullable(),
  reason: z.enum(INVITATION_REASONS).nullable(),
  lastMethod: z.string().nullable(),
  lastSentAt: z.string().nullable(),
});
export type InvitationState = z.infer<typeof InvitationState>;
