import { sql, type SQL } from 'drizzle-orm';
import type { Fuel } from '@shared/vehicles/enums';

/*
 * The vehicle side of a campaign selection, published for the campaigns module: the ids of the
 * contacts holding a matching vehicle, a subquery the selection's one statement starts from.
 */

export interface VehicleCriteria {
  /** Ranges of delivery dates, each [from, to] inclusive (null: open end); met by any one. */
  deliveryRanges: Array<[string | null, string | null]>;
  brands: string[];
  models: string[];
  fuels: Fuel[];
  /** Ranges of first registration dates, inclusive. */
  firstRegistrationFrom?: string | null;
  firstRegistrationTo?: string | null;
  financingEndFrom?: string | null;
  financingEndTo?: string | null;
}

export const hasVehicleCriteria = (v: VehicleCriteria) =>
  v.deliveryRanges.length > 0 ||
  v.brands.length > 0 ||
  v.models.length > 0 ||
  v.fuels.length > 0 ||
  Boolean(v.firstRegistrationFrom || v.firstRegistrationTo || v.financingEndFrom || v.financingEndTo);

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The contacts currently holding (any role) a vehicle meeting every criterion, as a subquery of
 * contact ids. It reads vehicle_holdings, one row per current holder with the vehicle's criteria
 * (kept by triggers with every write to vehicles and their links), through an index that carries
 * them all: a phase or a brand is a range of that index, no vehicle or link row is read.
 */
export function holderIdsSql(v: VehicleCriteria): SQL {
  const where: SQL[] = [];
  // Brands and models as the records spell them: the editor offers the ones on record.
  if (v.brands.length > 0) where.push(sql`h.make IN (${list(v.brands)})`);
  if (v.models.length > 0) where.push(sql`h.model IN (${list(v.models)})`);
  if (v.fuels.length > 0) where.push(sql`h.fuel::text IN (${list(v.fuels)})`);
  if (v.firstRegistrationFrom) where.push(sql`h.first_registration >= ${v.firstRegistrationFrom}::date`);
  if (v.firstRegistrationTo) where.push(sql`h.first_registration <= ${v.firstRegistrationTo}::date`);
  if (v.financingEndFrom) where.push(sql`h.financing_end >= ${v.financingEndFrom}::date`);
  if (v.financingEndTo) where.push(sql`h.financing_end <= ${v.financingEndTo}::date`);
  const select = (conditions: SQL[]) =>
    sql`SELECT h.contact_id FROM vehicle_holdings h
         WHERE ${conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`}`;
  if (v.deliveryRanges.length === 0) return select(where);
  // One index range per phase, each read from the index alone (an OR of ranges would fetch rows).
  // UNION rather than UNION ALL: the planner then expects as many holders as rows instead of its
  // default of 200 and joins tens of thousands by hashing, not by one probe each.
  const ranges = v.deliveryRanges.map(([from, to]) => {
    const parts: SQL[] = [sql`h.delivery_date IS NOT NULL`];
    if (from) parts.push(sql`h.delivery_date >= ${from}::date`);
    if (to) parts.push(sql`h.delivery_date <= ${to}::date`);
    return select([...parts, ...where]);
  });
  return sql.join(ranges, sql` UNION `);
}

/** The brands and models on record, for the selection editor's choices. */
export const brandsAndModelsSql = sql`SELECT v.make, v.model, count(*)::int AS n FROM vehicles v
   GROUP BY v.make, v.model ORDER BY v.make, v.model LIMIT 2000`;
