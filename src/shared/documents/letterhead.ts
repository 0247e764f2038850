import { z } from 'zod';
import { TEXT_MAX } from '../text/limits';

/** A German VAT id (USt-IdNr.): DE and nine digits. */
export const VAT_ID_PATTERN = /^DE\d{9}$/;
/** A BIC: bank, country, location and an optional branch (ISO 9362). */
export const BIC_PATTERN = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Spaces people type into an IBAN or VAT id ("DE89 3704 0044 …") are not part of it. */
export const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** Whether an IBAN's check digits fit (ISO 13616: the number read as mod 97 must be 1). */
export function isValidIban(value: string): boolean {
  const iban = compact(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('DE') && iban.length !== 22) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00", as printed. */
export const groupIban = (iban: string) => compact(iban).replace(/(.{4})(?=.)/g, '$1 ');

const line = (max: number) => z.string().trim().max(max);
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .default(null);

/** What an admin enters as a location's letterhead (Briefkopf). */
export const LetterheadInput = z.object({
  companyName: line(TEXT_MAX.companyName).min(1),
  street: line(TEXT_MAX.street).min(1),
  postalCode: line(TEXT_MAX.postalCode).min(1),
  city: line(TEXT_MAX.city).min(1),
  phone: optionalLine(TEXT_MAX.phone),
  email: z
    .string()
    .trim()
    .max(TEXT_MAX.email)
    .transform((v) => v || null)
    .pipe(z.email().nullable())
    .nullable()
    .default(null),
  web: optionalLine(200),
  /** "Amtsgericht München" */
  registerCourt: optionalLine(120),
  /** "HRB 12345" */
  registerNumber: optionalLine(40),
  vatId: z
    .string()
    .transform(compact)
    .refine((v) => v === '' || VAT_ID_PATTERN.test(v), { params: { code: 'invalid_vat_id' } })
    .transform((v) => v || null)
    .nullable()
    .default(null),
  /** "Anna Huber, Bernd Maier", as printed. */
  managingDirectors: optionalLine(300),
  bankName: optionalLine(120),
  iban: z
    .string()
    .transform(compact)
    .refine((v) => v === '' || isValidIban(v), { params: { code: 'invalid_iban' } })
    .transform((v) => v || null)
    .nullable()
    .default(null),
  bic: z
    .string()
    .transform(compact)
    .refine((v) => v === '' || BIC_PATTERN.test(v), { params: { code: 'invalid_bic' } })
    .transform((v) => v || null)
    .nullable()
    .default(null),
});
export type LetterheadInput = z.infer<typeof LetterheadInput>;

export const Letterhead = z.object({
  locationId: z.uuid(),
  /** False: nothing set yet; documents print with the location's name and address (the fields show those). */
  configured: z.boolean(),
  companyName: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  web: z.string().nullable(),
  registerCourt: z.string().nullable(),
  registerNumber: z.string().nullable(),
  vatId: z.string().nullable(),
  managingDirectors: z.string().nullable(),
  bankName: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  hasLogo: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Letterhead = z.infer<typeof Letterhead>;

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** What a stored document looks like to the API. */
export const DocumentMeta = z.object({
  id: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
