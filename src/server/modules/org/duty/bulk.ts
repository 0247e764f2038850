import type { DbOrTx } from '@server/db/client';
import { dailyCheckEntries, dailyChecks, dutyShifts, locationDutySettings } from '../tables';

/*
 * Bulk writes for the demo data: rows as they are, without audit or live events.
 */

export async function insertShiftRows(tx: DbOrTx, rows: Array<typeof dutyShifts.$inferInsert>) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(dutyShifts).values(rows.slice(i, i + 500));
}

export async function insertDutySettings(tx: DbOrTx, rows: Array<typeof locationDutySettings.$inferInsert>) {
  if (rows.length > 0) await tx.insert(locationDutySettings).values(rows);
}

export async function insertCheckRows(tx: DbOrTx, rows: Array<typeof dailyChecks.$inferInsert>) {
  if (rows.length === 0) return [];
  return tx.insert(dailyChecks).values(rows).returning({ id: dailyChecks.id, locationId: dailyChecks.locationId });
}

export async function insertCheckEntryRows(tx: DbOrTx, rows: Array<typeof dailyCheckEntries.$inferInsert>) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(dailyCheckEntries).values(rows.slice(i, i + 500));
}
