import type { DbOrTx } from '@server/db/client';
import { uuid7 } from '@server/lib/uuid7';
import { allocateCustomerNumbers, insertContactChildRows, insertContactRows } from '@server/modules/contacts';
import { recordTimelineInBulk } from '@server/modules/timeline';
import {
  insertVehicleContactRows,
  insertVehicleRows,
  linkedSummary,
  recordMileageOfVehicles,
  vehicleLabel,
} from '@server/modules/vehicles';
import type { VehicleValues } from '@server/modules/vehicles';
import type { PreparedContact } from './prepare-contact';
import { timelineText } from '@shared/texts/timeline';

export const customerNumberOf = (code: string, n: number) => `${code}-${String(n).padStart(6, '0')}`;

export interface NewContact {
  id: string;
  contact: PreparedContact;
  /** Contact persons point at their company (inserted in the same or an earlier batch). */
  companyId?: string | null;
  createdAt?: Date;
}

export interface WriteContext {
  now: Date;
  authorId: string | null;
  locationCodes: Map<string, string>;
  /** What the timeline names as the source, e.g. ("import", job id). */
  sourceType: string | null;
  sourceId: string | null;
}

/**
 * Inserts many contacts with their phones, e-mails and addresses, one INSERT
 * per table, and their "contact created" timeline entries. Returns each new
 * contact's customer number.
 */
export async function insertContacts(tx: DbOrTx, list: NewContact[], ctx: WriteContext): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  const byLocation = new Map<string, NewContact[]>();
  for (const item of list) {
    const group = byLocation.get(item.contact.input.homeLocationId) ?? [];
    group.push(item);
    byLocation.set(item.contact.input.homeLocationId, group);
  }
  for (const [locationId, group] of byLocation) {
    const first = await allocateCustomerNumbers(tx, locationId, group.length);
    const code = ctx.locationCodes.get(locationId) ?? 'K';
    group.forEach((item, i) => numbers.set(item.id, customerNumberOf(code, first + i)));
  }

  await insertContactRows(
    tx,
    list.map(({ id, contact: c, companyId, createdAt }) => ({
      id,
      kind: c.input.kind,
      customerNumber: numbers.get(id)!,
      homeLocationId: c.input.homeLocationId,
      salutation: c.input.salutation,
      title: c.input.title,
      firstName: c.input.firstName,
      lastName: c.input.lastName,
      companyName: c.input.companyName,
      companyId: companyId ?? null,
      position: c.input.position,
      dateOfBirth: c.input.dateOfBirth ?? null,
      salesConsultantId: c.input.salesConsultantId ?? null,
      serviceAdvisorId: c.input.serviceAdvisorId ?? null,
      preferredChannel: c.input.preferredChannel ?? null,
      notes: c.input.notes,
      tags: [...new Set(c.input.tags)],
      paymentRemarks: c.input.paymentRemarks,
      displayName: c.displayName,
      searchName: c.searchName,
      externalRef: c.externalRef,
      createdBy: ctx.authorId,
      createdAt: createdAt ?? ctx.now,
      updatedAt: createdAt ?? ctx.now,
    })),
  );
  await insertChildren(
    tx,
    list.map((item) => ({ contactId: item.id, contact: item.contact })),
  );
  await recordTimelineInBulk(
    tx,
    list.map((item) => ({
      contactId: item.id,
      kind: 'contact_created',
      occurredAt: item.createdAt ?? ctx.now,
      authorId: ctx.authorId,
      ...timelineText('timeline.contactCreated', { customerNumber: numbers.get(item.id)! }),
      sourceType: ctx.sourceType,
      sourceId: ctx.sourceId,
    })),
  );
  return numbers;
}

/** Adds phones, e-mails and addresses to contacts (new ones, or ones an import updates). */
export async function insertChildren(
  tx: DbOrTx,
  list: Array<{ contactId: string; contact: Pick<PreparedContact, 'phones' | 'emails' | 'addresses'> }>,
) {
  // Time-ordered ids keep each table's primary key appending (see uuid7).
  const phones = list.flatMap(({ contactId, contact }) =>
    contact.phones.map((p) => ({ ...p, id: uuid7(), contactId })),
  );
  const emails = list.flatMap(({ contactId, contact }) =>
    contact.emails.map((e) => ({ ...e, id: uuid7(), contactId })),
  );
  const addresses = list.flatMap(({ contactId, contact }) =>
    contact.addresses.map((a) => ({ ...a, id: uuid7(), contactId })),
  );
  await insertContactChildRows(tx, { phones, emails, addresses });
}

export interface NewVehicle {
  id: string;
  values: VehicleValues;
  externalRef: string | null;
  /** The owner to link, if any. */
  contactId: string | null;
  createdAt?: Date;
}

/** Inserts vehicles, links each to its owner and notes the link on the owner's timeline. */
export async function insertVehicles(tx: DbOrTx, list: NewVehicle[], ctx: WriteContext) {
  await insertVehicleRows(
    tx,
    list.map((v) => ({
      ...v.values,
      id: v.id,
      externalRef: v.externalRef,
      createdAt: v.createdAt ?? ctx.now,
      updatedAt: v.createdAt ?? ctx.now,
    })),
  );
  // An imported mileage is the vehicle's first reading.
  await recordMileageOfVehicles(
    tx,
    list.filter((v) => v.values.mileageKm !== null).map((v) => v.id),
    'import',
    ctx.authorId,
    ctx.now,
  );
  const owned = list.filter((v) => v.contactId);
  await linkOwners(
    tx,
    owned.map((v) => ({
      vehicleId: v.id,
      contactId: v.contactId!,
      label: vehicleLabel(v.values),
      at: v.createdAt ?? ctx.now,
    })),
    ctx,
  );
}

export async function linkOwners(
  tx: DbOrTx,
  links: Array<{ vehicleId: string; contactId: string; label: string; at: Date }>,
  ctx: WriteContext,
) {
  await insertVehicleContactRows(
    tx,
    links.map((l) => ({
      vehicleId: l.vehicleId,
      contactId: l.contactId,
      role: 'owner' as const,
      validFrom: l.at,
      createdBy: ctx.authorId,
    })),
  );
  await recordTimelineInBulk(
    tx,
    links.map((l) => ({
      contactId: l.contactId,
      vehicleId: l.vehicleId,
      kind: 'vehicle_linked',
      occurredAt: l.at,
      authorId: ctx.authorId,
      ...linkedSummary(l.label, 'owner'),
      sourceType: ctx.sourceType,
      sourceId: ctx.sourceId,
    })),
  );
}
