import { eq } from 'drizzle-orm';
import type { Letterhead, LetterheadInput } from '@shared/documents/letterhead';
import type { DbOrTx } from '@server/db/client';
import { locationAddress } from '@server/modules/org';
import { letterheads } from './tables';

/** What a document prints at its head and foot. */
export interface PrintedLetterhead {
  companyName: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string | null;
  email: string | null;
  web: string | null;
  registerCourt: string | null;
  registerNumber: string | null;
  vatId: string | null;
  managingDirectors: string | null;
  bankName: string | null;
  iban: string | null;
  bic: string | null;
  logo: Buffer | null;
}

type Row = typeof letterheads.$inferSelect;

const fields = (row: Row) => ({
  companyName: row.companyName,
  street: row.street,
  postalCode: row.postalCode,
  city: row.city,
  phone: row.phone,
  email: row.email,
  web: row.web,
  registerCourt: row.registerCourt,
  registerNumber: row.registerNumber,
  vatId: row.vatId,
  managingDirectors: row.managingDirectors,
  bankName: row.bankName,
  iban: row.iban,
  bic: row.bic,
});

const NOTHING_SET = {
  phone: null,
  email: null,
  web: null,
  registerCourt: null,
  registerNumber: null,
  vatId: null,
  managingDirectors: null,
  bankName: null,
  iban: null,
  bic: null,
};

async function rowOf(db: DbOrTx, locationId: string): Promise<Row | null> {
  const [row] = await db.select().from(letterheads).where(eq(letterheads.locationId, locationId));
  return row ?? null;
}

/**
 * The letterhead a location's documents print on; without one set, the location's own name,
 * address, phone and e-mail. Null for an unknown location.
 */
export async function letterheadFor(db: DbOrTx, locationId: string): Promise<PrintedLetterhead | null> {
  const row = await rowOf(db, locationId);
  // The driver may hand bytea back as a plain Uint8Array; pdfkit reads images from Buffers only.
  if (row) return { ...fields(row), logo: row.logo ? Buffer.from(row.logo) : null };
  const location = await locationAddress(db, locationId);
  if (!location) return null;
  return {
    ...NOTHING_SET,
    companyName: location.name,
    street: location.street,
    postalCode: location.postalCode,
    city: location.city,
    phone: location.phone,
    email: location.email,
    logo: null,
  };
}

/** The letterhead as the admin page shows it; null for an unknown location. */
export async function letterheadView(db: DbOrTx, locationId: string): Promise<Letterhead | null> {
  const row = await rowOf(db, locationId);
  if (row) {
    return {
      locationId,
      configured: true,
      ...fields(row),
      hasLogo: row.logo !== null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
  const printed = await letterheadFor(db, locationId);
  if (!printed) return null;
  const { logo: _logo, ...rest } = printed;
  return { locationId, configured: false, ...rest, hasLogo: false, updatedAt: null };
}

export async function saveLetterhead(
  db: DbOrTx,
  locationId: string,
  input: LetterheadInput,
  byId: string,
  at: Date,
): Promise<void> {
  const values = { ...input, updatedById: byId, updatedAt: at };
  await db
    .insert(letterheads)
    .values({ locationId, ...values })
    .onConflictDoUpdate({ target: letterheads.locationId, set: values });
}

/** Sets or removes the logo; false when the location has no letterhead yet. */
export async function setLogo(
  db: DbOrTx,
  locationId: string,
  logo: { content: Buffer; contentType: string } | null,
  byId: string,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(letterheads)
    .set({
      logo: logo?.content ?? null,
      logoContentType: logo?.contentType ?? null,
      updatedById: byId,
      updatedAt: at,
    })
    .where(eq(letterheads.locationId, locationId))
    .returning({ locationId: letterheads.locationId });
  return updated.length > 0;
}

/** The stored logo with its type; null when none. */
export async function logoOf(db: DbOrTx, locationId: string): Promise<{ content: Buffer; contentType: string } | null> {
  const row = await rowOf(db, locationId);
  return row?.logo && row.logoContentType ? { content: Buffer.from(row.logo), contentType: row.logoContentType } : null;
}
