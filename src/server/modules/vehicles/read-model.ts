import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { vehicleContacts, vehicles } from './tables';

/* Vehicle reads published for the importer, which matches a whole chunk of rows in one statement. */

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

/*
 * For the call pop, which reads everything about the caller in one statement:
 * the vehicles a contact currently holds, newest link first, as a JSON array
 * (null when none).
 */
export const currentVehiclesOfContactJson = (contactId: string, limit: number) =>
  `(SELECT json_agg(json_build_object('id', v.id, 'make', v.make, 'model', v.model, 'plate', v.plate))
       FROM (SELECT v.* FROM vehicle_contacts vc JOIN vehicles v ON v.id = vc.vehicle_id
              WHERE vc.contact_id = ${contactId} AND vc.valid_to IS NULL
              ORDER BY vc.valid_from DESC LIMIT ${limit}) v)`;
