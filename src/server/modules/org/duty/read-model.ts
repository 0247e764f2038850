import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { dutyShifts, locationDutySettings, locations } from '../tables';

/** Who is checked in at a location, and whether the location counts presence by check-in at all. */
export interface DutyAtLocation {
  /** False: the location does not use check-in, and everyone not absent counts as present (as before). */
  usesCheckIn: boolean;
  /** Users with an open shift at the location. */
  onDuty: ReadonlySet<string>;
}

/**
 * For assignment and the walk-in list, in the caller's transaction and in one
 * statement: a walk-in is decided while the customer stands at the desk.
 */
export async function dutyAt(tx: DbOrTx, locationId: string): Promise<DutyAtLocation> {
  const [row] = await tx
    .select({
      uses: sql<boolean>`coalesce((SELECT ${locationDutySettings.usesCheckIn} FROM ${locationDutySettings}
              WHERE ${locationDutySettings.locationId} = ${locationId}), false)`,
      onDuty: sql<string[]>`coalesce((SELECT array_agg(${dutyShifts.userId}::text) FROM ${dutyShifts}
              WHERE ${dutyShifts.locationId} = ${locationId} AND ${dutyShifts.checkedOutAt} IS NULL), '{}'::text[])`,
    })
    .from(locations)
    .where(eq(locations.id, locationId));
  return { usesCheckIn: row?.uses === true, onDuty: new Set(row?.onDuty ?? []) };
}
