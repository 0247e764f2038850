import { z } from 'zod';
import type { TelephonyProvider } from './enums';

/*
 * What each kind of phone system needs besides its secret. Shared with the
 * web app so the admin form checks the same rules. Unknown keys are refused:
 * a mistyped "hots" must not be stored silently and then ignored by the adapter.
 */

const hostname = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address');

export const CstaSettings = z.strictObject({
  host: hostname,
  port: z.coerce.number().int().min(1).max(65_535),
  /** Some PBXs (e.g. Unify OpenScape) refuse MonitorStart without StartApplicationSession first. */
  applicationSession: z.boolean().default(false),
  /** Application id sent in StartApplicationSession, where the PBX checks it. */
  applicationId: z.string().trim().max(100).optional(),
  /** Devices to monitor in addition to the mapped extensions, as the PBX names them. */
  devices: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
  tls: z.boolean().default(false),
});

export const SipgateSettings = z.strictObject({
  /** Personal access token id for click-to-call through the REST API; the token itself is the secret. */
  apiTokenId: z.string().trim().max(100).optional(),
  /** Check the X-Sipgate-Signature header of every push. */
  verifySignature: z.boolean().default(false),
});

export const PlacetelSettings = z.strictObject({
  /** The Placetel REST API base, for click-to-call. */
  apiBaseUrl: z.url().optional(),
});

export const WebhookSettings = z.strictObject({});

export const PROVIDER_SETTINGS = {
  csta: CstaSettings,
  sipgate: SipgateSettings,
  placetel: PlacetelSettings,
  webhook: WebhookSettings,
} as const satisfies Record<TelephonyProvider, z.ZodType>;

/** Providers whose notify API signs with our secret: without one, posts cannot be trusted. */
export const SECRET_REQUIRED: Readonly<Record<TelephonyProvider, boolean>> = {
  csta: false,
  sipgate: false,
  placetel: true,
  webhook: false,
};

/** Where each push provider posts to; CSTA holds its own link and has none. */
export const WEBHOOK_PATHS: Readonly<Record<TelephonyProvider, string | null>> = {
  webhook: '/api/telephony/webhook/',
  sipgate: '/api/telephony/sipgate/',
  placetel: '/api/telephony/placetel/',
  csta: null,
};
