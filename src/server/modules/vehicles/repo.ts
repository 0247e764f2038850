import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { VehicleRole } from '@shared/vehicles/enums';
import type { DbOrTx } from '@server/db/client';
import { vehicleContacts, vehicles } from './tables';

export type VehicleRow = typeof vehicles.$inferSelect;
export type LinkRow = typeof vehicleContacts.$inferSelect;
type VehicleInsert = typeof vehicles.$inferInsert;
export type NewLink = typeof vehicleContacts.$inferInsert;

export async function insertVehicle(db: DbOrTx, values: VehicleInsert): Promise<string> {
  const [row] = await db.insert(vehicles).values(values).returning({ id: vehicles.id });
  return row!.id;
}

/** Writes the change when the version still matches (or none was given); false when it did not. */
export async function updateVehicle(
  db: DbOrTx,
  id: string,
  values: Partial<VehicleInsert>,
  expectedVersion: number | undefined,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(vehicles)
    .set({ ...values, version: sql`${vehicles.version} + 1`, updatedAt: now })
    .where(and(eq(vehicles.id, id), expectedVersion === undefined ? undefined : eq(vehicles.version, expectedVersion)))
    .returning({ id: vehicles.id });
  return rows.length > 0;
}

/** Touches a vehicle whose links changed, so "recently changed" lists and optimistic locking see it. */
export async function touchVehicle(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db
    .update(vehicles)
    .set({ version: sql`${vehicles.version} + 1`, updatedAt: now })
    .where(eq(vehicles.id, id));
}

export async function findVehicle(db: DbOrTx, id: string): Promise<VehicleRow | undefined> {
  const [row] = await db.select().from(vehicles).where(eq(vehicles.id, id));
  return row;
}

export async function findVehicleIdByVin(db: DbOrTx, vin: string): Promise<string | undefined> {
  const [row] = await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.vin, vin));
  return row?.id;
}

export async function vehiclesByIds(db: DbOrTx, ids: string[]): Promise<VehicleRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(vehicles).where(inArray(vehicles.id, ids));
}

export async function linksOfVehicle(db: DbOrTx, vehicleId: string): Promise<LinkRow[]> {
  return db
    .select()
    .from(vehicleContacts)
    .where(eq(vehicleContacts.vehicleId, vehicleId))
    .orderBy(desc(vehicleContacts.validTo), desc(vehicleContacts.validFrom));
}

export async function currentLinksOfVehicles(
  db: DbOrTx,
  vehicleIds: string[],
  roles?: VehicleRole[],
): Promise<LinkRow[]> {
  if (vehicleIds.length === 0) return [];
  return db
    .select()
    .from(vehicleContacts)
    .where(
      and(
        inArray(vehicleContacts.vehicleId, vehicleIds),
        isNull(vehicleContacts.validTo),
        roles ? inArray(vehicleContacts.role, roles) : undefined,
      ),
    )
    .orderBy(vehicleContacts.validFrom);
}

export async function linksOfContact(db: DbOrTx, contactId: string): Promise<LinkRow[]> {
  return db.select().from(vehicleContacts).where(eq(vehicleContacts.contactId, contactId));
}

export async function findLink(db: DbOrTx, vehicleId: string, linkId: string): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(vehicleContacts)
    .where(and(eq(vehicleContacts.id, linkId), eq(vehicleContacts.vehicleId, vehicleId)));
  return row;
}

export async function insertLinks(db: DbOrTx, rows: NewLink[]): Promise<LinkRow[]> {
  if (rows.length === 0) return [];
  return db.insert(vehicleContacts).values(rows).returning();
}

/** Ends links that are still current; returns those it ended (a concurrent end wins once). */
export async function endLinks(db: DbOrTx, linkIds: string[], at: Date): Promise<LinkRow[]> {
  if (linkIds.length === 0) return [];
  return db
    .update(vehicleContacts)
    .set({ validTo: at })
    .where(and(inArray(vehicleContacts.id, linkIds), isNull(vehicleContacts.validTo)))
    .returning();
}

/**
 * Moves a merged contact's links to the target. Where the target already
 * holds the same role for the vehicle, the source's link is ended first so the
 * vehicle never shows the same person twice in one role.
 */
export async function moveLinks(db: DbOrTx, sourceId: string, targetId: string, at: Date): Promise<void> {
  await db.execute(sql`
    UPDATE vehicle_contacts s SET valid_to = ${at.toISOString()}::timestamptz
    WHERE s.contact_id = ${sourceId} AND s.valid_to IS NULL
      AND EXISTS (SELECT 1 FROM vehicle_contacts t
                  WHERE t.contact_id = ${targetId} AND t.vehicle_id = s.vehicle_id
                    AND t.role = s.role AND t.valid_to IS NULL)`);
  await db.update(vehicleContacts).set({ contactId: targetId }).where(eq(vehicleContacts.contactId, sourceId));
}

export async function vehicleExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.id, id));
  return Boolean(row);
}

/** Serialises link changes of one vehicle, so two clerks cannot both make someone the current owner. */
export async function lockVehicle(db: DbOrTx, id: string): Promise<VehicleRow | undefined> {
  const [row] = await db.select().from(vehicles).where(eq(vehicles.id, id)).for('update');
  return row;
}
