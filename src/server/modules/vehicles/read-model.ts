import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { blockedSql } from '@server/modules/contacts';
import { vehicleLabel } from './summaries';
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

/*
 * The search bar's SQL over vehicles, published for the search module: the
 * search bar is the hottest read path, so each branch stays one small
 * index-backed statement. A branch's parameters: $1 now, $2 the user's
 * locations, $3 the limit, its own values from $4.
 */
const VEHICLE_COLUMNS = 'v.id, v.make, v.model, v.plate, v.vin';

export const vehicleSearchSql = {
  /**
   * Orders a branch's rows (score, the user's own locations, plate) and looks up
   * the current owner (else keeper) only for the vehicles that make the cut.
   */
  ranked: (inner: string) =>
    `SELECT v.id, v.make, v.model, v.plate, v.vin, v.score::float8 AS score,
            c.id AS contact_id, c.display_name AS owner_name, c.customer_number, c.home_location_id,
            CASE WHEN c.id IS NULL THEN false ELSE ${blockedSql('c.id', '$1')} END AS blocked
       FROM (${inner} LIMIT $3) v
       LEFT JOIN LATERAL (
         SELECT vc.contact_id FROM vehicle_contacts vc
           JOIN contacts oc ON oc.id = vc.contact_id AND oc.merged_into_id IS NULL
          WHERE vc.vehicle_id = v.id AND vc.valid_to IS NULL AND vc.role IN ('owner', 'keeper')
          ORDER BY (vc.role = 'owner') DESC, vc.valid_from DESC
          LIMIT 1
       ) holder ON true
       LEFT JOIN contacts c ON c.id = holder.contact_id
      ORDER BY v.score DESC, (c.home_location_id = ANY($2::uuid[])) DESC NULLS LAST, v.plate, v.id`,

  /** Plates starting with the normalized $4, walked in index order; the exact plate scores `exact`. */
  byPlatePrefix: (exact: number, partial: number) =>
    `SELECT ${VEHICLE_COLUMNS}, CASE WHEN v.plate_normalized = $4 THEN ${exact} ELSE ${partial} END AS score
         FROM vehicles v
        WHERE v.plate_normalized LIKE $4 || '%'
        ORDER BY v.plate_normalized USING ~<~`,

  byVin: (score: number) => `SELECT ${VEHICLE_COLUMNS}, ${score} AS score FROM vehicles v WHERE v.vin = $4`,

  byVinLast7: (score: number) =>
    `SELECT ${VEHICLE_COLUMNS}, ${score} AS score FROM vehicles v WHERE right(v.vin, 7) = $4 ORDER BY v.vin`,
};

/** Vehicles by id as a line for lists ("M-AB 1234 (VW Golf)"), e.g. for the activities that mention them. */
export async function vehicleRefs(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await db
    .select({ id: vehicles.id, plate: vehicles.plate, vin: vehicles.vin, make: vehicles.make, model: vehicles.model })
    .from(vehicles)
    .where(inArray(vehicles.id, unique));
  return new Map(found.map((v) => [v.id, vehicleLabel(v)]));
}

/*
 * For lifecycle rules, which find the due vehicles of a rule among all vehicles in one
 * INSERT … SELECT: the vehicles table and who holds a vehicle. The holder is the owner,
 * else the keeper; a link with an end means the vehicle changed hands (sold).
 */
export const vehicleLifecycleSql = {
  table: 'vehicles',
  /** A LATERAL subquery `(contact_id, ended)` of the vehicle's latest holder link. */
  latestHolder: (vehicleId: string) =>
    `LATERAL (SELECT vc.contact_id, vc.valid_to IS NOT NULL AS ended FROM vehicle_contacts vc
       WHERE vc.vehicle_id = ${vehicleId} AND vc.role IN ('owner', 'keeper')
       ORDER BY (vc.valid_to IS NULL) DESC, (vc.role = 'owner') DESC, vc.valid_to DESC, vc.valid_from DESC LIMIT 1)`,
  /** Whether the contact still holds the vehicle (no end on their owner or keeper link). */
  stillHolds: (vehicleId: string, contactId: string) =>
    `EXISTS (SELECT 1 FROM vehicle_contacts vc WHERE vc.vehicle_id = ${vehicleId} AND vc.contact_id = ${contactId}
       AND vc.role IN ('owner', 'keeper') AND vc.valid_to IS NULL)`,
  /** "VW Golf · M-AB 1234" of the vehicles row aliased `alias`. */
  label: (alias: string) => `(${alias}.make || ' ' || ${alias}.model || coalesce(' · ' || ${alias}.plate, ''))`,
  /** The delivered vehicles a contact holds now (vehicle_id, delivery_date as text), for the customer's phase. */
  heldVehicles: (contactId: string) =>
    `SELECT DISTINCT v.id AS vehicle_id, v.delivery_date::text AS delivery_date FROM vehicle_contacts vc JOIN vehicles v ON v.id = vc.vehicle_id
      WHERE vc.contact_id = ${contactId} AND vc.valid_to IS NULL AND v.delivery_date IS NOT NULL`,
};
/** The vehicles a contact currently holds, with VIN, make and model, for picking one (e.g. on a complaint). */
export async function vehicleFactsOfContact(db: DbOrTx, contactId: string) {
  const found = await db
    .select({ id: vehicles.id, plate: vehicles.plate, vin: vehicles.vin, make: vehicles.make, model: vehicles.model })
    .from(vehicleContacts)
    .innerJoin(vehicles, eq(vehicles.id, vehicleContacts.vehicleId))
    .where(and(eq(vehicleContacts.contactId, contactId), isNull(vehicleContacts.validTo)));
  const seen = new Set<string>();
  return found
    .filter((v) => !seen.has(v.id) && Boolean(seen.add(v.id)))
    .map((v) => ({ id: v.id, vin: v.vin, make: v.make, model: v.model, label: vehicleLabel(v) }));
}

/** Vehicles by id with VIN, make and model (a case keeps pointing at its car after it changed hands). */
export async function vehicleFacts(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0)
    return new Map<string, { id: string; vin: string | null; make: string; model: string; label: string }>();
  const found = await db
    .select({ id: vehicles.id, plate: vehicles.plate, vin: vehicles.vin, make: vehicles.make, model: vehicles.model })
    .from(vehicles)
    .where(inArray(vehicles.id, unique));
  return new Map(
    found.map((v) => [v.id, { id: v.id, vin: v.vin, make: v.make, model: v.model, label: vehicleLabel(v) }]),
  );
}
