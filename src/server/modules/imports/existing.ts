import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { changeSummary } from '../contacts/changes';
import { displayNameOf, searchNameOf } from '../contacts/input';
import { contactAddresses, contactEmails, contactPhones, contacts } from '../contacts/tables';
import { vehicleContacts, vehicles } from '../vehicles/tables';
import { insertChildren, insertTimeline, type WriteContext } from './bulk-write';
import type { PreparedContact } from './prepare-contact';

export interface ExistingRef {
  id: string;
  customerNumber: string;
}

/**
 * Live contacts matching any of the keys ("ref:…", "email:…", "phone:+49…"),
 * by key. A contact merged away is found as the one it was merged into.
 */
export async function findContactsByKeys(db: DbOrTx, keys: string[]): Promise<Map<string, ExistingRef>> {
  const values = (prefix: string) => [
    ...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))),
  ];
  const refs = values('ref:');
  const emails = values('email:');
  const phones = values('phone:');
  const found = new Map<string, ExistingRef>();
  if (refs.length > 0) {
    const rows = await db
      .select({
        ref: contacts.externalRef,
        id: contacts.id,
        mergedIntoId: contacts.mergedIntoId,
        customerNumber: contacts.customerNumber,
      })
      .from(contacts)
      // An exported file names contacts by our customer number; a re-import finds them by it too.
      .where(or(inArray(contacts.externalRef, refs), inArray(contacts.customerNumber, refs)));
    const merged = rows.filter((r) => r.mergedIntoId).map((r) => r.mergedIntoId!);
    const targets = merged.length
      ? new Map(
          (
            await db
              .select({ id: contacts.id, customerNumber: contacts.customerNumber })
              .from(contacts)
              .where(inArray(contacts.id, merged))
          ).map((r) => [r.id, r]),
        )
      : new Map<string, ExistingRef>();
    for (const r of rows) {
      const live = r.mergedIntoId ? targets.get(r.mergedIntoId) : r;
      if (!live) continue;
      if (r.ref) found.set(`ref:${r.ref}`, { id: live.id, customerNumber: live.customerNumber });
      if (refs.includes(r.customerNumber) && !found.has(`ref:${r.customerNumber}`)) {
        found.set(`ref:${r.customerNumber}`, { id: live.id, customerNumber: live.customerNumber });
      }
    }
  }
  if (emails.length > 0) {
    const rows = await db
      .select({ key: contactEmails.address, id: contacts.id, customerNumber: contacts.customerNumber })
      .from(contactEmails)
      .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
      .where(and(inArray(contactEmails.address, emails), isNull(contacts.mergedIntoId)));
    for (const r of rows) if (!found.has(`email:${r.key}`)) found.set(`email:${r.key}`, r);
  }
  if (phones.length > 0) {
    const rows = await db
      .select({ key: contactPhones.e164, id: contacts.id, customerNumber: contacts.customerNumber })
      .from(contactPhones)
      .innerJoin(contacts, eq(contacts.id, contactPhones.contactId))
      .where(and(inArray(contactPhones.e164, phones), isNull(contacts.mergedIntoId)));
    for (const r of rows)
      if (!found.has(`phone:${r.key}`)) found.set(`phone:${r.key}`, { id: r.id, customerNumber: r.customerNumber });
  }
  return found;
}

/** Owners named by a vehicle file: by the contact's id in the old system or by its customer number here. */
export async function findOwners(db: DbOrTx, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .select({
      id: contacts.id,
      externalRef: contacts.externalRef,
      customerNumber: contacts.customerNumber,
      mergedIntoId: contacts.mergedIntoId,
    })
    .from(contacts)
    .where(or(inArray(contacts.externalRef, refs), inArray(contacts.customerNumber, refs)));
  const found = new Map<string, string>();
  for (const r of rows) {
    const id = r.mergedIntoId ?? r.id;
    if (r.customerNumber) found.set(r.customerNumber, id);
    if (r.externalRef) found.set(r.externalRef, id);
  }
  return found;
}

export interface ExistingVehicle {
  id: string;
  ownerIds: string[];
}

/** Vehicles by "vin:…" and "vref:…" key, with their current owners. */
export async function findVehiclesByKeys(db: DbOrTx, keys: string[]): Promise<Map<string, ExistingVehicle>> {
  const vins = keys.filter((k) => k.startsWith('vin:')).map((k) => k.slice(4));
  const refs = keys.filter((k) => k.startsWith('vref:')).map((k) => k.slice(5));
  if (vins.length === 0 && refs.length === 0) return new Map();
  const rows = await db
    .select({
      id: vehicles.id,
      vin: vehicles.vin,
      externalRef: vehicles.externalRef,
      ownerIds: sql<
        string[]
      >`coalesce(array_agg(${vehicleContacts.contactId}::text) filter (where ${vehicleContacts.id} is not null), '{}')`,
    })
    .from(vehicles)
    .leftJoin(vehicleContacts, and(eq(vehicleContacts.vehicleId, vehicles.id), isNull(vehicleContacts.validTo)))
    .where(
      or(
        vins.length ? inArray(vehicles.vin, vins) : undefined,
        refs.length ? inArray(vehicles.externalRef, refs) : undefined,
      ),
    )
    .groupBy(vehicles.id);
  const found = new Map<string, ExistingVehicle>();
  for (const r of rows) {
    const value = { id: r.id, ownerIds: r.ownerIds };
    if (r.vin) found.set(`vin:${r.vin}`, value);
    if (r.externalRef) found.set(`vref:${r.externalRef}`, value);
  }
  return found;
}

const CHANGEABLE = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'companyName',
  'position',
  'dateOfBirth',
  'notes',
] as const;

/**
 * Applies import rows to contacts that exist: fields the row fills in
 * replace the stored ones, phones, e-mails and addresses the contact does
 * not have yet are added (nothing is deleted), tags are added. Each changed
 * contact gets one "contact changed" timeline entry.
 */
export async function updateContacts(
  tx: DbOrTx,
  list: Array<{ contactId: string; contact: PreparedContact }>,
  ctx: WriteContext,
) {
  if (list.length === 0) return;
  const ids = [...new Set(list.map((u) => u.contactId))];
  const current = new Map((await tx.select().from(contacts).where(inArray(contacts.id, ids))).map((r) => [r.id, r]));
  // One statement at a time: a transaction has one connection.
  const phones = await tx.select().from(contactPhones).where(inArray(contactPhones.contactId, ids));
  const emails = await tx.select().from(contactEmails).where(inArray(contactEmails.contactId, ids));
  const addresses = await tx.select().from(contactAddresses).where(inArray(contactAddresses.contactId, ids));
  const childrenOf = <T extends { contactId: string }>(rows: T[], id: string) => rows.filter((r) => r.contactId === id);

  const added: Parameters<typeof insertChildren>[1] = [];
  const timeline: Parameters<typeof insertTimeline>[1] = [];
  for (const { contactId, contact } of list) {
    const row = current.get(contactId);
    if (!row) continue;
    const changed: string[] = [];
    const scalars: Record<string, unknown> = {};
    for (const field of CHANGEABLE) {
      const value = contact.input[field];
      if (value === null || value === undefined || (field === 'salutation' && value === 'none')) continue;
      if (value !== row[field]) {
        scalars[field] = value;
        changed.push(field);
      }
    }
    const tags = [...new Set([...row.tags, ...contact.input.tags])];
    if (tags.length !== row.tags.length) {
      scalars.tags = tags;
      changed.push('tags');
    }
    const ownPhones = childrenOf(phones, contactId);
    const ownEmails = childrenOf(emails, contactId);
    const ownAddresses = childrenOf(addresses, contactId);
    const newPhones = contact.phones.filter(
      (p) => !ownPhones.some((o) => (p.e164 ? o.e164 === p.e164 : o.raw === p.raw)),
    );
    const newEmails = contact.emails.filter((e) => !ownEmails.some((o) => o.address === e.address));
    const newAddresses = contact.addresses.filter(
      (a) =>
        !ownAddresses.some((o) => o.street.toLowerCase() === a.street.toLowerCase() && o.postalCode === a.postalCode),
    );
    const appended = <T extends { isPrimary: boolean; position: number }>(items: T[], existing: number) =>
      items.map((item, i) => ({ ...item, isPrimary: existing === 0 && i === 0, position: existing + i }));
    if (newPhones.length) changed.push('phones');
    if (newEmails.length) changed.push('emails');
    if (newAddresses.length) changed.push('addresses');
    // Two rows of one file may name the same contact: later rows see what earlier ones added.
    phones.push(...newPhones.map((p) => ({ ...p, id: '', contactId })));
    emails.push(...newEmails.map((e) => ({ ...e, id: '', contactId })));
    addresses.push(...newAddresses.map((a) => ({ ...a, id: '', contactId })));
    added.push({
      contactId,
      contact: {
        phones: appended(newPhones, ownPhones.length),
        emails: appended(newEmails, ownEmails.length),
        addresses: appended(newAddresses, ownAddresses.length),
      },
    });
    if (changed.length === 0) continue;
    const next = { ...row, ...scalars } as typeof row;
    Object.assign(row, next);
    const displayName = displayNameOf(next);
    await tx
      .update(contacts)
      .set({
        ...scalars,
        displayName,
        // A contact person's search name carries the company's name; that stays as it is.
        ...(next.companyId ? {} : { searchName: searchNameOf(displayName, null) }),
        version: sql`${contacts.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(contacts.id, contactId));
    timeline.push({
      contactId,
      kind: 'contact_changed',
      occurredAt: ctx.now,
      authorId: ctx.authorId,
      ...changeSummary(changed),
      data: { fields: changed },
      sourceType: ctx.sourceType,
      sourceId: ctx.sourceId,
    });
  }
  await insertChildren(tx, added);
  await insertTimeline(tx, timeline);
}
