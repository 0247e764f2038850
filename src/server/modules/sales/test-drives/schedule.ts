import { sql } from 'drizzle-orm';
import type { Schedule } from '@shared/sales/test-drives';
import { type DbOrTx, rows } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ValidationError } from '@server/http/errors';
import { assertLocation, type UserActor } from '@server/http/access';
import { contactRefs } from '@server/modules/contacts';
import { userNames } from '@server/modules/org';
import { demoVehicleBlocks, demoVehicles, testDrives } from '../tables';
import { carLabel } from './demo-vehicles';

/** A day or a week; a little more for a week that crosses a clock change. */
const MAX_RANGE_MS = 8 * 86_400_000;

interface CarLine {
  id: string;
  make: string;
  model: string;
  plate: string;
  bookings: Array<{
    id: string;
    startsAt: string;
    endsAt: string;
    status: string;
    contactId: string;
    consultantId: string;
  }>;
  blocks: Array<{ id: string; startsAt: string; endsAt: string; reason: string }>;
}

const iso = (value: string) => new Date(value).toISOString();

/**
 * The location's active demo cars as rows with their bookings and blocks in a period, read in
 * one statement; customers' and consultants' names are looked up by id afterwards.
 */
async function carLines(db: DbOrTx, locationId: string, from: Date, to: Date): Promise<CarLine[]> {
  const f = from.toISOString();
  const t = to.toISOString();
  return rows<CarLine>(
    db,
    sql`SELECT c.id, c.make, c.model, c.plate,
        coalesce((SELECT json_agg(json_build_object('id', d.id, 'startsAt', d.starts_at, 'endsAt', d.ends_at,
              'status', d.status, 'contactId', d.contact_id, 'consultantId', d.consultant_id) ORDER BY d.starts_at)
            FROM ${testDrives} d
            WHERE d.demo_vehicle_id = c.id AND d.status <> 'cancelled'
              AND d.starts_at < ${t}::timestamptz AND d.ends_at > ${f}::timestamptz), '[]'::json) AS bookings,
        coalesce((SELECT json_agg(json_build_object('id', b.id, 'startsAt', b.starts_at, 'endsAt', b.ends_at,
              'reason', b.reason) ORDER BY b.starts_at)
            FROM ${demoVehicleBlocks} b
            WHERE b.demo_vehicle_id = c.id
              AND b.starts_at < ${t}::timestamptz AND b.ends_at > ${f}::timestamptz), '[]'::json) AS blocks
      FROM ${demoVehicles} c
      WHERE c.location_id = ${locationId} AND c.active
      ORDER BY c.make, c.model, c.plate`,
  );
}

export function createSchedule({ db }: Deps) {
  return {
    /** Who may: everyone working at the location (reception answers "is the ID.4 free at three?"). */
    async forLocation(actor: UserActor, locationId: string, query: { from: string; to: string }): Promise<Schedule> {
      assertLocation(actor, locationId);
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to <= from) {
        throw new ValidationError([
          { field: 'to', in: 'querystring', code: 'ends_before_start', message: 'must be after from' },
        ]);
      }
      if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
        throw new ValidationError([
          { field: 'to', in: 'querystring', code: 'invalid', message: 'a schedule covers at most a week' },
        ]);
      }
      const lines = await carLines(db, locationId, from, to);
      const bookings = lines.flatMap((l) => l.bookings);
      const [contacts, users] = await Promise.all([
        contactRefs(
          db,
          bookings.map((b) => b.contactId),
        ),
        userNames(db, [...new Set(bookings.map((b) => b.consultantId))]),
      ]);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        cars: lines.map((l) => ({
          id: l.id,
          label: carLabel(l),
          plate: l.plate,
          bookings: l.bookings.map((b) => ({
            id: b.id,
            startsAt: iso(b.startsAt),
            endsAt: iso(b.endsAt),
            status: b.status as Schedule['cars'][number]['bookings'][number]['status'],
            customer: contacts.get(b.contactId)?.displayName ?? '—',
            consultant: users.get(b.consultantId) ?? '—',
          })),
          blocks: l.blocks.map((b) => ({
            id: b.id,
            startsAt: iso(b.startsAt),
            endsAt: iso(b.endsAt),
            reason: b.reason,
          })),
        })),
      };
    },
  };
}
