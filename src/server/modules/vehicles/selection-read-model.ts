import { sql, type SQL } from 'drizzle-orm';
import type { Fuel } from '@shared/vehicles/enums';

/*
 * The vehicle side of a campaign selection, published for the campaigns module: one EXISTS
 * over the vehicles a contact (`c`) currently holds, so the selection stays one statement.
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

/** Whether the contact `c` currently holds (any role) a vehicle meeting every criterion. */
export function holdsVehicleSql(v: VehicleCriteria): SQL {
  const where: SQL[] = [sql`vc.contact_id = c.id`, sql`vc.valid_to IS NULL`];
  if (v.deliveryRanges.length > 0) {
    const ranges = v.deliveryRanges.map(([from, to]) => {
      const parts: SQL[] = [sql`v.delivery_date IS NOT NULL`];
      if (from) parts.push(sql`v.delivery_date >= ${from}::date`);
      if (to) parts.push(sql`v.delivery_date <= ${to}::date`);
      return sql`(${sql.join(parts, sql` AND `)})`;
    });
    where.push(sql`(${sql.join(ranges, sql` OR `)})`);
  }
  // Brands and models as the records spell them: the editor offers the ones on record.
  if (v.brands.length > 0) where.push(sql`v.make IN (${list(v.brands)})`);
  if (v.models.length > 0) where.push(sql`v.model IN (${list(v.models)})`);
  if (v.fuels.length > 0) where.push(sql`v.fuel::text IN (${list(v.fuels)})`);
  if (v.firstRegistrationFrom) where.push(sql`v.first_registration >= ${v.firstRegistrationFrom}::date`);
  if (v.firstRegistrationTo) where.push(sql`v.first_registration <= ${v.firstRegistrationTo}::date`);
  if (v.financingEndFrom) where.push(sql`v.financing_end >= ${v.financingEndFrom}::date`);
  if (v.financingEndTo) where.push(sql`v.financing_end <= ${v.financingEndTo}::date`);
  return sql`EXISTS (SELECT 1 FROM vehicle_contacts vc JOIN vehicles v ON v.id = vc.vehicle_id
                      WHERE ${sql.join(where, sql` AND `)})`;
}

/** The brands and models on record, for the selection editor's choices. */
export const brandsAndModelsSql = sql`SELECT v.make, v.model, count(*)::int AS n FROM vehicles v
   GROUP BY v.make, v.model ORDER BY v.make, v.model LIMIT 2000`;
