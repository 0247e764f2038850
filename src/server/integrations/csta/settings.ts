import type { CountryCode } from 'libphonenumber-js/max';
import { getCountries } from 'libphonenumber-js/max';
import { z } from 'zod';
import { CSTA_NAMESPACES, type CstaEdition } from './xml';

const countries = new Set<string>(getCountries());

/** What an admin stores in telephony_connections.settings for a CSTA link. */
export const cstaSettingsSchema = z.object({
  host: z.string().trim().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  /** Whether the PBX wants an ECMA-354 application session before anything else. */
  applicationSession: z.boolean().default(false),
  applicationId: z.string().trim().min(1).default('autohaus-crm'),
  /** Sent as applicationSpecificInfo/userID with the connection's secret as password, where the PBX asks for a login. */
  userId: z.string().trim().min(1).optional(),
  /** The CSTA editions offered, preferred first; requests go out in the one the PBX picks. */
  protocolVersions: z
    .array(z.enum(Object.keys(CSTA_NAMESPACES) as [CstaEdition, ...CstaEdition[]]))
    .min(1)
    .default(['ed3']),
  sessionDurationSeconds: z.number().int().min(1).max(86_400).default(180),
  /** Device ids to monitor besides the connection's monitored extensions, as the PBX names them. */
  devices: z.array(z.string().trim().min(1)).default([]),
  /** Numbers without country code are read in this country. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => countries.has(c), 'unknown country code')
    .default('DE'),
  /** Digit strings up to this length are extensions of the PBX, not phone numbers. */
  extensionMaxLength: z.number().int().min(1).max(10).default(6),
  /** How MakeCall dials: E.164 with "+", or national digits; with a prefix for an outside line ("0"). */
  dialFormat: z.enum(['e164', 'national']).default('e164'),
  dialPrefix: z
    .string()
    .regex(/^[0-9*#]*$/)
    .default(''),
  reconnectInitialMs: z.number().int().min(1).default(1000),
  reconnectMaxMs: z.number().int().min(1).default(30_000),
  /** Consecutive failed attempts after which the badge says failed (the link keeps trying). */
  failAfterAttempts: z.number().int().min(1).default(5),
  requestTimeoutMs: z.number().int().min(1).default(10_000),
});

export type CstaSettings = z.infer<typeof cstaSettingsSchema> & { country: CountryCode };

export type ReadSettings = { ok: true; settings: CstaSettings } | { ok: false; error: string };

export function readCstaSettings(raw: unknown): ReadSettings {
  const parsed = cstaSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `settings.${issue.path.join('.') || '?'}: ${issue.message}` };
  }
  return { ok: true, settings: parsed.data as CstaSettings };
}
