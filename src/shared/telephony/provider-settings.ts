import { z } from 'zod';
import type { TelephonyProvider } from './enums';

/*
 * What each kind of phone system needs besides its secret: the keys its
 * adapter reads, and the rules the admin form and the admin API check. Unknown
 * keys are refused: a mistyped "hots" must not be stored silently and then
 * ignored by the adapter. Shared with the web app, so nothing server-only here
 * (the adapters check what needs more, e.g. that a country exists).
 */

const hostname = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' });

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter country code like DE');

/** The CSTA (ECMA-323) editions we speak. */
export const CSTA_EDITIONS = ['ed3', 'ed4', 'ed5'] as const;
export type CstaEdition = (typeof CSTA_EDITIONS)[number];

export const CSTA_DIAL_FORMATS = ['e164', 'national'] as const;

const positiveMs = z.number().int().min(1).max(3_600_000);

export const CstaSettings = z.strictObject({
  host: hostname,
  port: z.coerce.number().int().min(1).max(65_535),
  /** Some PBXs (e.g. Unify OpenScape) refuse MonitorStart without StartApplicationSession first. */
  applicationSession: z.boolean().default(false),
  /** Application id sent in StartApplicationSession, where the PBX checks it. */
  applicationId: z.string().trim().min(1).max(100).default('autohaus-crm'),
  /** Sent as applicationSpecificInfo/userID with the connection's secret as password, where the PBX asks for a login. */
  userId: z.string().trim().min(1).max(100).optional(),
  /** The editions offered, preferred first; requests go out in the one the PBX picks. */
  protocolVersions: z.array(z.enum(CSTA_EDITIONS)).min(1).max(CSTA_EDITIONS.length).default(['ed3']),
  /** Devices to monitor in addition to the mapped extensions, as the PBX names them. */
  devices: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
  /** Numbers without country code are read in this country. */
  country: country.default('DE'),
  /** How MakeCall dials: E.164 with "+", or national digits. */
  dialFormat: z.enum(CSTA_DIAL_FORMATS).default('e164'),
  /** Put before every number dialled, for an outside line ("0"). */
  dialPrefix: z
    .string()
    .trim()
    .max(10)
    .regex(/^[0-9*#]*$/, 'only digits, * and #')
    .default(''),
  // Tuning for unusual PBXs; the adapter has defaults for each.
  /** Digit strings up to this length are extensions of the PBX, not phone numbers. */
  extensionMaxLength: z.number().int().min(1).max(10).optional(),
  sessionDurationSeconds: z.number().int().min(1).max(86_400).optional(),
  reconnectInitialMs: positiveMs.optional(),
  reconnectMaxMs: positiveMs.optional(),
  /** Consecutive failed attempts after which the badge says failed (the link keeps trying). */
  failAfterAttempts: z.number().int().min(1).max(1000).optional(),
  requestTimeoutMs: positiveMs.optional(),
});

/** An address or network (CIDR) of the IP allow-list. */
const ipOrNetwork = z
  .string()
  .trim()
  .refine(
    (value) => [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()].some((schema) => schema.safeParse(value).success),
    'must be an IP address or a network like 217.116.118.0/24',
  );

export const SipgateSettings = z.strictObject({
  /** Personal access token id for click-to-call through the REST API; the token itself is the secret. */
  tokenId: z.string().trim().min(1).max(100).optional(),
  /** The number shown to the customer on calls placed from the CRM. */
  callerId: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{3,20}$/, 'must be a phone number like +4921188401000')
    .optional(),
  /** sipgate's public key (PEM): every push must carry its X-Sipgate-Signature. */
  publicKey: z
    .string()
    .trim()
    .max(10_000)
    .regex(/^-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----$/, 'must be a PEM public key')
    .optional(),
  /** Only pushes from these addresses or networks are accepted. */
  allowedIps: z.array(ipOrNetwork).max(100).optional(),
  /** The REST API base; only for tests against a stand-in. */
  baseUrl: httpUrl.optional(),
});

export const PlacetelSettings = z.strictObject({
  /**
   * The REST API token for click-to-call. Write-only like the secret (which
   * here signs the notify posts): never sent back, kept when a change omits
   * it, removed with null.
   */
  apiToken: z.string().trim().min(1).max(500).nullable().optional(),
  /** The REST API base; only for tests against a stand-in. */
  baseUrl: httpUrl.optional(),
  /** Placetel sends national numbers; they are read in this country. */
  country: country.optional(),
});

export const WebhookSettings = z.strictObject({});

export const PROVIDER_SETTINGS = {
  csta: CstaSettings,
  sipgate: SipgateSettings,
  placetel: PlacetelSettings,
  webhook: WebhookSettings,
} as const satisfies Record<TelephonyProvider, z.ZodType>;

/**
 * Settings that are credentials: stored, never returned by the API (the
 * connection says `has<Key>` instead), kept when a change leaves them out.
 */
export const WRITE_ONLY_SETTINGS: Readonly<Record<TelephonyProvider, readonly string[]>> = {
  csta: [],
  sipgate: [],
  placetel: ['apiToken'],
  webhook: [],
};

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
