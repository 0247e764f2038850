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
 * The conditions on a holding row (`alias`, with vehicle_holdings' columns) that meet every
 * criterion: one per delivery range, a holding meeting any one of them matches (an OR of ranges
 * would read rows instead of index ranges, so each becomes its own query), or a single one
 * without delivery criteria.
 */
export function holdingConditionsSql(v: VehicleCriteria, alias: string): SQL[] {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const where: SQL[] = [];
  // Brands and models as the records spell them: the editor offers the ones on record.
  if (v.brands.length > 0) where.push(sql`${col('make')} IN (${list(v.brands)})`);
  if (v.models.length > 0) where.push(sql`${col('model')} IN (${list(v.models)})`);
  if (v.fuels.length > 0) where.push(sql`${col('fuel')}::text IN (${list(v.fuels)})`);
  if (v.firstRegistrationFrom) where.push(sql`${col('first_registration')} >= ${v.firstRegistrationFrom}::date`);
  if (v.firstRegistrationTo) where.push(sql`${col('first_registration')} <= ${v.firstRegistrationTo}::date`);
  if (v.financingEndFrom) where.push(sql`${col('financing_end')} >= ${v.financingEndFrom}::date`);
  if (v.financingEndTo) where.push(sql`${col('financing_end')} <= ${v.financingEndTo}::date`);
  const and = (conditions: SQL[]) => (conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`);
  if (v.deliveryRanges.length === 0) return [and(where)];
  return v.deliveryRanges.map(([from, to]) => {
    const parts: SQL[] = [sql`${col('delivery_date')} IS NOT NULL`];
    if (from) parts.push(sql`${col('delivery_date')} >= ${from}::date`);
    if (to) parts.push(sql`${col('delivery_date')} <= ${to}::date`);
    return and([...parts, ...where]);
  });
}

/**
 * The contacts currently holding (any role) a vehicle meeting every criterion, as a subquery of
 * contact ids. It reads vehicle_holdings, one row per current holder with the vehicle's criteria
 * (kept by triggers with every write to vehicles and their links), through an index that carries
 * them all: a phase or a brand is a range of that index, no vehicle or link row is read.
 */
export function holderIdsSql(v: VehicleCriteria): SQL {
  // UNION rather than UNION ALL: the planner then expects as many holders as rows instead of its
  // default of 200 and joins tens of thousands by hashing, not by one probe each.
  return sql.join(
    holdingConditionsSql(v, 'h').map((where) => sql`SELECT h.contact_id FROM vehicle_holdings h WHERE ${where}`),
    sql` UNION `,
  );
}

/** The brands and models on record, for the selection editor's choices. */
export const brandsAndModelsSql = sql`SELECT v.make, v.model, count(*)::int AS n FROM vehicles v
   GROUP BY v.make, v.model ORDER BY v.make, v.model LIMIT 2000`;
