// Provider settings live outside the adapter folders: telephony's admin checks
// them, and adapters depend on telephony, so neither may import the other's side.
import type { CountryCode } from 'libphonenumber-js/max';
import { getCountries } from 'libphonenumber-js/max';
import { z } from 'zod';
import { CstaSettings as StoredCstaSettings } from '@shared/telephony/provider-settings';

const countries = new Set<string>(getCountries());
const stored = StoredCstaSettings.shape;

/**
 * The stored settings (src/shared/telephony/provider-settings.ts, what the
 * admin form and API accept) with the adapter's defaults for the tuning keys.
 * Keys the adapter does not know are ignored here rather than failing the link.
 */
export const cstaSettingsSchema = z
  .object({
    ...stored,
    extensionMaxLength: stored.extensionMaxLength.default(6),
    sessionDurationSeconds: stored.sessionDurationSeconds.default(180),
    reconnectInitialMs: stored.reconnectInitialMs.default(1000),
    reconnectMaxMs: stored.reconnectMaxMs.default(30_000),
    failAfterAttempts: stored.failAfterAttempts.default(5),
    requestTimeoutMs: stored.requestTimeoutMs.default(10_000),
  })
  .superRefine((settings, ctx) => {
    if (!countries.has(settings.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'unknown country code' });
    }
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
