import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MileageSource } from '@shared/vehicles/enums';
import type { MileageReadingInput, VehicleMileage } from '@shared/vehicles/mileage';
import type { DbOrTx } from '@server/db/client';
import { type FieldError, ValidationError } from '@server/http/errors';
import { vehicleMileageReadings, vehicles } from './tables';

/*
 * Odometer readings and the kilometres a day estimated from them. The vehicle row keeps the
 * latest reading and the estimate, so the nightly lifecycle run projects 1.2 million vehicles'
 * mileage with arithmetic on one table instead of aggregating their readings every night.
 *
 * The estimate: the earliest and the latest reading when they are 30 days or more apart;
 * otherwise the latest reading over the days since first registration (a car starts at 0 km).
 */

/** Readings closer together than this say little about how much the car is driven. */
const MIN_SPAN_DAYS = 30;

/**
 * Sets each vehicle's latest reading and its estimate from its readings, one statement for any
 * number of vehicles. Vehicles without readings keep no estimate.
 */
export async function refreshMileage(tx: DbOrTx, vehicleIds: string[]): Promise<void> {
  if (vehicleIds.length === 0) return;
  await tx.execute(sql`
    WITH ids AS (SELECT unnest(${`{${vehicleIds.join(',')}}`}::uuid[]) AS id),
    latest AS (SELECT DISTINCT ON (r.vehicle_id) r.vehicle_id, r.read_on, r.km FROM vehicle_mileage_readings r
                WHERE r.vehicle_id IN (SELECT id FROM ids) ORDER BY r.vehicle_id, r.read_on DESC, r.created_at DESC),
    earliest AS (SELECT DISTINCT ON (r.vehicle_id) r.vehicle_id, r.read_on, r.km FROM vehicle_mileage_readings r
                  WHERE r.vehicle_id IN (SELECT id FROM ids) ORDER BY r.vehicle_id, r.read_on, r.created_at)
    UPDATE vehicles v
       SET mileage_km = l.km, mileage_date = l.read_on,
           km_per_day = CASE
             WHEN l.read_on - e.read_on >= ${MIN_SPAN_DAYS} THEN greatest(l.km - e.km, 0)::real / (l.read_on - e.read_on)
             WHEN v.first_registration IS NOT NULL AND l.read_on - v.first_registration >= ${MIN_SPAN_DAYS}
               THEN l.km::real / (l.read_on - v.first_registration)
           END
      FROM latest l JOIN earliest e ON e.vehicle_id = l.vehicle_id
     WHERE v.id = l.vehicle_id`);
}

/**
 * The vehicles' mileage as written on the record (the form, an import) becomes a reading when
 * no reading of that day and kilometres exists yet; then their estimates are refreshed.
 */
export async function recordMileageOfVehicles(
  tx: DbOrTx,
  vehicleIds: string[],
  source: MileageSource,
  by: string | null,
  now: Date,
): Promise<void> {
  if (vehicleIds.length === 0) return;
  await tx.execute(sql`
    INSERT INTO vehicle_mileage_readings (vehicle_id, read_on, km, source, created_by, created_at)
    SELECT v.id, coalesce(v.mileage_date, ${now.toISOString()}::timestamptz::date), v.mileage_km,
           ${source}::mileage_source, ${by}::uuid, ${now.toISOString()}::timestamptz
      FROM vehicles v
     WHERE v.id = ANY(${`{${vehicleIds.join(',')}}`}::uuid[]) AND v.mileage_km IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM vehicle_mileage_readings r WHERE r.vehicle_id = v.id
                          AND r.km = v.mileage_km AND r.read_on = coalesce(v.mileage_date, ${now.toISOString()}::timestamptz::date))`);
  await refreshMileage(tx, vehicleIds);
}

const bodyError = (field: string, code: string, message: string, params?: object): FieldError =>
  ({ field, in: 'body', code, message, ...(params ? { params } : {}) }) as FieldError;

/**
 * Records a reading in the caller's transaction (the vehicle row locked by the caller): not in
 * the future, and not below a reading of the same day or earlier unless confirmed.
 */
export async function addReading(
  tx: DbOrTx,
  vehicleId: string,
  input: z.output<typeof MileageReadingInput>,
  by: string | null,
  today: string,
  now: Date,
): Promise<void> {
  if (input.readOn > today) throw new ValidationError([bodyError('readOn', 'in_future', 'must not be in the future')]);
  const [earlier] = await tx
    .select({ km: sql<number>`max(${vehicleMileageReadings.km})::int` })
    .from(vehicleMileageReadings)
    .where(and(eq(vehicleMileageReadings.vehicleId, vehicleId), lte(vehicleMileageReadings.readOn, input.readOn)));
  const highest = earlier?.km ?? null;
  if (highest !== null && input.km < highest && !input.confirmLower) {
    throw new ValidationError([
      bodyError('km', 'below_earlier_reading', `is below an earlier reading (${highest} km); confirm to keep it`, {
        km: highest,
      }),
    ]);
  }
  await tx.insert(vehicleMileageReadings).values({
    vehicleId,
    readOn: input.readOn,
    km: input.km,
    source: input.source,
    createdBy: by,
    createdAt: now,
  });
  await refreshMileage(tx, [vehicleId]);
}

/** A vehicle's readings, newest first, with the estimate; null when the vehicle is unknown. */
export async function mileageOf(
  db: DbOrTx,
  vehicleId: string,
  today: string,
  serviceEveryKm: number | null = null,
): Promise<VehicleMileage | null> {
  const [vehicle] = await db
    .select({
      kmPerDay: vehicles.kmPerDay,
      km: vehicles.mileageKm,
      on: vehicles.mileageDate,
      firstRegistration: vehicles.firstRegistration,
    })
    .from(vehicles)
    .where(eq(vehicles.id, vehicleId));
  if (!vehicle) return null;
  const readings = await db
    .select()
    .from(vehicleMileageReadings)
    .where(eq(vehicleMileageReadings.vehicleId, vehicleId))
    .orderBy(desc(vehicleMileageReadings.readOn), desc(vehicleMileageReadings.createdAt))
    .limit(200);
  const estimate = mileageEstimate(vehicle, today);
  const span = readings.length > 1 ? daysBetween(readings.at(-1)!.readOn, readings[0]!.readOn) >= MIN_SPAN_DAYS : false;
  return {
    readings: readings.map((r) => ({
      id: r.id,
      readOn: r.readOn,
      km: r.km,
      source: r.source,
      createdAt: r.createdAt.toISOString(),
    })),
    kmPerYear: estimate ? Math.round(estimate.kmPerDay * 365) : null,
    basis: estimate ? (span ? 'readings' : 'first_registration') : null,
    estimatedKmToday: estimate ? estimate.kmOn(today) : null,
    nextService: estimate && serviceEveryKm ? nextService(estimate, serviceEveryKm, today) : null,
  };
}

/** The next multiple of the interval above today's estimate, and the day the estimate reaches it. */
function nextService(estimate: MileageEstimate, everyKm: number, today: string) {
  const km = (Math.floor(estimate.kmOn(today) / everyKm) + 1) * everyKm;
  return { km, expectedOn: estimate.dayReaching(km) };
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export interface MileageEstimate {
  kmPerDay: number;
  lastKm: number;
  lastOn: string;
  /** The estimated mileage on a day. */
  kmOn(day: string): number;
  /** The first day the estimate reaches `km` (the reading's day when it is reached already). */
  dayReaching(km: number): string;
}

/** The estimate of a vehicle row (its latest reading and kilometres a day), null without one. */
export function mileageEstimate(
  v: { kmPerDay: number | null; km: number | null; on: string | null },
  _today?: string,
): MileageEstimate | null {
  if (v.kmPerDay === null || v.kmPerDay <= 0 || v.km === null || v.on === null) return null;
  const { kmPerDay, km: lastKm, on: lastOn } = v;
  return {
    kmPerDay,
    lastKm,
    lastOn,
    kmOn: (day) => Math.round(lastKm + kmPerDay * Math.max(0, daysBetween(lastOn, day))),
    dayReaching: (km) => addDays(lastOn, Math.max(0, Math.ceil((km - lastKm) / kmPerDay))),
  };
}

/**
 * The mileage read model for the lifecycle run: SQL expressions over the vehicles row aliased
 * `v` and a day expression. The estimate grows linearly from the latest reading.
 */
export const vehicleMileageSql = {
  /** Whether the vehicle has an estimate at all. */
  hasEstimate: (v: string) => `(${v}.km_per_day > 0 AND ${v}.mileage_km IS NOT NULL AND ${v}.mileage_date IS NOT NULL)`,
  /** The estimated mileage on `day` (a date expression), as a double precision number. */
  kmOn: (v: string, day: string) => `(${v}.mileage_km + ${v}.km_per_day::float8 * (${day} - ${v}.mileage_date))`,
  /** The first day the estimate reaches `km` (an integer expression). */
  dayReaching: (v: string, km: string) =>
    `(${v}.mileage_date + ceil((${km} - ${v}.mileage_km) / ${v}.km_per_day::float8)::int)`,
};
