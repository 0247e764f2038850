import { sql } from 'drizzle-orm';
import { APPOINTMENT_TYPES } from '@shared/activities/enums';
import { type DbOrTx, rows } from '@server/db/client';
import { activities } from './tables';
import { berlinDay } from './time';

/** One owner's activities of one type due in a period: what the monitoring shows per person and per type. */
export interface ActivityFigures {
  ownerId: string;
  type: string;
  /** Due in the period and not cancelled. */
  planned: number;
  done: number;
  /** Still open now and past due: an all-day task from the day after, a timed one from its end. */
  overdue: number;
  cancelled: number;
  /** Appointments that came from a request (R3.5): linked to one, and a meeting type or kept / not kept. */
  fromRequests: number;
  kept: number;
  noShow: number;
}

/**
 * Activities due in [start, end) at some locations, counted per owner and type, read in
 * the caller's database or transaction. Uses the (location, start) index.
 */
export async function activityFigures(
  db: DbOrTx,
  query: { locationIds: string[]; start: Date; end: Date; now: Date },
): Promise<ActivityFigures[]> {
  if (query.locationIds.length === 0) return [];
  const appointmentTypes = sql.join(
    APPOINTMENT_TYPES.map((type) => sql`${type}`),
    sql`, `,
  );
  const fromRequest = sql`a.request_id IS NOT NULL AND a.status <> 'cancelled'
    AND (a.type IN (${appointmentTypes}) OR a.result IN ('kept', 'no_show'))`;
  const found = await rows<Record<string, string | number>>(
    db,
    sql`SELECT a.owner_id, a.type,
        count(*) FILTER (WHERE a.status <> 'cancelled')::int AS planned,
        count(*) FILTER (WHERE a.status = 'done')::int AS done,
        count(*) FILTER (WHERE a.status = 'open' AND CASE WHEN a.all_day AND a.due_on IS NOT NULL
          THEN a.due_on < ${berlinDay(query.now)}::date
          ELSE coalesce(a.ends_at, a.starts_at) < ${query.now.toISOString()}::timestamptz END)::int AS overdue,
        count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
        count(*) FILTER (WHERE ${fromRequest})::int AS from_requests,
        count(*) FILTER (WHERE ${fromRequest} AND a.status = 'done' AND a.result = 'kept')::int AS kept,
        count(*) FILTER (WHERE ${fromRequest} AND a.status = 'done' AND a.result = 'no_show')::int AS no_show
      FROM ${activities} a
      WHERE a.location_id = ANY(${`{${query.locationIds.join(',')}}`}::uuid[])
        AND a.starts_at >= ${query.start.toISOString()}::timestamptz
        AND a.starts_at < ${query.end.toISOString()}::timestamptz
      GROUP BY a.owner_id, a.type`,
  );
  return found.map((r) => ({
    ownerId: String(r.owner_id),
    type: String(r.type),
    planned: Number(r.planned),
    done: Number(r.done),
    overdue: Number(r.overdue),
    cancelled: Number(r.cancelled),
    fromRequests: Number(r.from_requests),
    kept: Number(r.kept),
    noShow: Number(r.no_show),
  }));
}

/*
 * Raw SQL about activities for other modules' one-statement reads (the sales pipeline board).
 */
export const activitiesSql = {
  /**
   * The next open activity of the contact whose id is the SQL expression `contactId`, as JSON
   * { id, type, subject, startsAt, allDay, dueOn }, or null when none is planned. Uses the (contact, start) index.
   */
  nextOpenJson: (contactId: string) =>
    `(SELECT json_build_object('id', a.id, 'type', a.type, 'subject', a.subject, 'startsAt', a.starts_at,
                               'allDay', a.all_day, 'dueOn', a.due_on)
        FROM activities a WHERE a.contact_id = ${contactId} AND a.status = 'open'
       ORDER BY a.starts_at LIMIT 1)`,
};

/**
 * One person's open timed appointments that overlap [from, to), for warnings like "the
 * consultant has another appointment then"; `exceptId` leaves out the appointment being moved.
 */
export async function appointmentsOverlapping(
  db: DbOrTx,
  query: { ownerId: string; from: Date; to: Date; exceptId?: string | null },
): Promise<Array<{ id: string; subject: string; startsAt: Date }>> {
  const found = await rows<{ id: string; subject: string; starts_at: string | Date }>(
    db,
    sql`SELECT a.id, a.subject, a.starts_at FROM ${activities} a
      WHERE a.owner_id = ${query.ownerId} AND a.status = 'open' AND NOT a.all_day
        AND a.starts_at < ${query.to.toISOString()}::timestamptz
        AND a.starts_at >= ${new Date(query.from.getTime() - 14 * 86_400_000).toISOString()}::timestamptz
        AND coalesce(a.ends_at, a.starts_at + interval '30 minutes') > ${query.from.toISOString()}::timestamptz
        ${query.exceptId ? sql`AND a.id <> ${query.exceptId}` : sql``}
      ORDER BY a.starts_at LIMIT 5`,
  );
  return found.map((r) => ({ id: r.id, subject: r.subject, startsAt: new Date(r.starts_at) }));
}

/** When an activity starts (a delivery appointment printed on a purchase order); null when unknown or cancelled. */
export async function activityStartsAt(db: DbOrTx, id: string): Promise<Date | null> {
  const [row] = await db
    .select({ startsAt: activities.startsAt, status: activities.status })
    .from(activities)
    .where(sql`${activities.id} = ${id}`);
  return row && row.status !== 'cancelled' ? row.startsAt : null;
}
