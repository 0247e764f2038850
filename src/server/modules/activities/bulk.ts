import { sql, type SQL } from 'drizzle-orm';
import type { ActivityType } from '@shared/activities/enums';
import { timelineText } from '@shared/texts/timeline';
import { bulkInsert } from '@server/db/bulk-insert';
import { type DbOrTx, rows } from '@server/db/client';
import { recordTimelineInBulk } from '@server/modules/timeline';
import { activities, activityChanges } from './tables';

/*
 * Activities written by the hundred (the demo data): one statement per table
 * and batch, in the caller's transaction. The caller prepares complete rows,
 * their history, timeline entries and reminder jobs; nothing here checks them.
 */

export type NewActivityChangeRow = typeof activityChanges.$inferInsert;

export const insertActivityRows = (tx: DbOrTx, rows: Array<typeof activities.$inferInsert>) =>
  bulkInsert(tx, activities, rows);

export const insertActivityChangeRows = (tx: DbOrTx, rows: NewActivityChangeRow[]) =>
  bulkInsert(tx, activityChanges, rows);

/**
 * All-day tasks planned by the system from a caller's SELECT (lifecycle rules plan thousands
 * per night in one statement). `source` yields the columns id, type, subject, note, owner_id,
 * location_id, contact_id, vehicle_id, due_on (a date); an id that exists already is left
 * alone, so a retried statement plans nothing twice. Writes the "created" history and the
 * customer's and vehicle's timeline in the caller's transaction; returns the new ids.
 */
export async function planAllDayTasksFrom(tx: DbOrTx, source: SQL, at: Date): Promise<string[]> {
  const planned = await rows<{
    id: string;
    type: string;
    subject: string;
    note: string | null;
    contact_id: string | null;
    vehicle_id: string | null;
    due_on: string;
  }>(
    tx,
    sql`INSERT INTO activities (id, type, status, subject, note, priority, owner_id, created_by_id, location_id,
                                contact_id, vehicle_id, all_day, due_on, starts_at, created_at, updated_at)
        SELECT s.id, s.type, 'open', s.subject, s.note, 'normal', s.owner_id, NULL, s.location_id,
               s.contact_id, s.vehicle_id, true, s.due_on,
               (s.due_on::timestamp AT TIME ZONE 'Europe/Berlin'), ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
          FROM (${source}) s
        ON CONFLICT (id) DO NOTHING
        RETURNING id, type, subject, note, contact_id, vehicle_id, due_on::text AS due_on`,
  );
  if (planned.length === 0) return [];
  const ids = planned.map((p) => p.id);
  await tx.execute(
    sql`INSERT INTO activity_changes (activity_id, at, by_id, kind)
        SELECT unnest(${`{${ids.join(',')}}`}::uuid[]), ${at.toISOString()}::timestamptz, NULL, 'created'`,
  );
  await recordTimelineInBulk(
    tx,
    planned
      .filter((p) => p.contact_id || p.vehicle_id)
      .map((p) => ({
        contactId: p.contact_id,
        vehicleId: p.vehicle_id,
        kind: 'activity' as const,
        occurredAt: at,
        authorId: null,
        ...timelineText('timeline.activityPlanned', {
          type: p.type as ActivityType,
          subject: p.subject,
          when: p.due_on,
        }),
        body: p.note,
        data: { activityId: p.id, type: p.type, status: 'open' },
        sourceType: 'activity',
        sourceId: p.id,
      })),
  );
  return ids;
}
