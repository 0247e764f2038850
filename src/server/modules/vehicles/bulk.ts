import { eq, sql } from 'drizzle-orm';
import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import { vehicleContacts, vehicles } from './tables';

/*
 * Vehicles written by the thousand (imports, the demo data): one statement
 * per table and batch, in the caller's transaction. The caller prepares the
 * rows; nothing here checks them.
 */

export type NewVehicleRow = Partial<typeof vehicles.$inferInsert>;
export type NewVehicleContactRow = Partial<typeof vehicleContacts.$inferInsert>;

export const insertVehicleRows = (tx: DbOrTx, rows: NewVehicleRow[]) => bulkInsert(tx, vehicles, rows);

export const insertVehicleContactRows = (tx: DbOrTx, rows: NewVehicleContactRow[]) =>
  bulkInsert(tx, vehicleContacts, rows);

/** Overwrites the given fields of a vehicle and counts up its version. */
export async function updateVehicleFields(tx: DbOrTx, id: string, set: Record<string, unknown>, now: Date) {
  await tx
    .update(vehicles)
    .set({ ...set, version: sql`${vehicles.version} + 1`, updatedAt: now })
    .where(eq(vehicles.id, id));
}
