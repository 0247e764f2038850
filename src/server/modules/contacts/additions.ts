import { type SQL, sql } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js/max';
import type { TextRef } from '@shared/texts/translate';
import type { DbOrTx } from '@server/db/client';
import type { WriteBatch } from '@server/db/together';
import type { Actor } from '@server/http/access';
import { timelineInsert } from '@server/modules/timeline';
import { authorOf } from '@server/http/actor';
import { type AddressIn, prepareAddresses, preparePhones, type PhoneIn } from './input';

/** Phones, e-mail addresses and addresses to add to an existing contact, with the reason in its history. */
export interface ContactAdditions {
  phones: PhoneIn[];
  emails: string[];
  addresses: AddressIn[];
  /** The history line in German, e.g. "Telefon 0211 … aus Anliegen A-100042 hinzugefügt". */
  summary: string;
  /** The same line as a key and parameters, read in the reader's language (timelineText). */
  text: TextRef;
  /** Where it came from, for the history entry's link. */
  source?: { type: string; id: string };
  /** The country numbers without country code are read in. */
  region?: CountryCode;
}

/**
 * The writes that add details to a contact without replacing what it has: each insert skips
 * a number or address the contact has meanwhile (two leads at once), new entries go after the
 * existing ones, never primary. The contact's version moves on, so an edit form opened before
 * notices. For a write batch: independent of each other, one statement with the caller's writes.
 */
export function additionWrites(tx: DbOrTx, actor: Actor | null, contactId: string, add: ContactAdditions, now: Date) {
  const writes: SQL[] = [];
  const phones = preparePhones(add.phones, { allowInvalid: true, region: add.region }).values.filter((p) => p.e164);
  phones.forEach((p, i) => {
    writes.push(sql`INSERT INTO contact_phones (contact_id, kind, raw, e164, valid, digits_reversed, is_primary, position)
      SELECT ${contactId}::uuid, ${p.kind}::phone_kind, ${p.raw}::text, ${p.e164}::text, ${p.valid}::boolean,
             ${p.digitsReversed}::text, false,
             (SELECT coalesce(max(position) + 1, 0) FROM contact_phones WHERE contact_id = ${contactId}::uuid) + ${i}::int
       WHERE NOT EXISTS (SELECT 1 FROM contact_phones WHERE contact_id = ${contactId}::uuid AND e164 = ${p.e164})`);
  });
  add.emails.forEach((raw, i) => {
    const address = raw.trim().toLowerCase();
    writes.push(sql`INSERT INTO contact_emails (contact_id, kind, address, is_primary, position)
      SELECT ${contactId}::uuid, 'private'::email_kind, ${address}::text, false,
             (SELECT coalesce(max(position) + 1, 0) FROM contact_emails WHERE contact_id = ${contactId}::uuid) + ${i}::int
       WHERE NOT EXISTS (SELECT 1 FROM contact_emails WHERE contact_id = ${contactId}::uuid AND address = ${address})`);
  });
  prepareAddresses(add.addresses).forEach((a, i) => {
    writes.push(sql`INSERT INTO contact_addresses (contact_id, kind, street, postal_code, city, country, is_primary, position)
      SELECT ${contactId}::uuid, ${a.kind}::address_kind, ${a.street}::text, ${a.postalCode}::text, ${a.city}::text,
             ${a.country}::text,
             NOT EXISTS (SELECT 1 FROM contact_addresses WHERE contact_id = ${contactId}::uuid),
             (SELECT coalesce(max(position) + 1, 0) FROM contact_addresses WHERE contact_id = ${contactId}::uuid) + ${i}::int
       WHERE NOT EXISTS (SELECT 1 FROM contact_addresses WHERE contact_id = ${contactId}::uuid
                          AND lower(street) = lower(${a.street}) AND postal_code = ${a.postalCode})`);
  });
  if (writes.length === 0) return [];
  const fields = [
    ...(phones.length ? ['phones'] : []),
    ...(add.emails.length ? ['emails'] : []),
    ...(add.addresses.length ? ['addresses'] : []),
  ];
  return [
    ...writes,
    sql`UPDATE contacts SET version = version + 1, updated_at = ${now.toISOString()}::timestamptz WHERE id = ${contactId}::uuid`,
    timelineInsert(tx, [
      {
        contactId,
        kind: 'contact_changed',
        occurredAt: now,
        authorId: authorOf(actor),
        summary: add.summary,
        text: add.text,
        data: { fields },
        sourceType: add.source?.type ?? null,
        sourceId: add.source?.id ?? null,
      },
    ]),
  ];
}

/** Adds the writes to a batch; see additionWrites. */
export function addAdditions(
  batch: WriteBatch,
  tx: DbOrTx,
  actor: Actor | null,
  contactId: string,
  add: ContactAdditions,
  now: Date,
) {
  batch.write(...additionWrites(tx, actor, contactId, add, now));
}
