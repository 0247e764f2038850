import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { type SlotConflict, TEST_DRIVE_MAX_DAYS_AHEAD, TEST_DRIVE_PAST_GRACE_MINUTES } from '@shared/sales/test-drives';
import type { DbOrTx } from '@server/db/client';
import { ConflictWithDataError, ValidationError } from '@server/http/errors';
import { contactRefs } from '@server/modules/contacts';
import { demoVehicleBlocks, demoVehicles, testDrives } from '../tables';
import { carLabel, type DemoVehicleRow } from './demo-vehicles';

const berlinClock = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});
const berlinDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "von 14:00 bis 15:00", with the dates when it does not lie within one day. */
export function spanInWords(from: Date, to: Date): string {
  const sameDay = berlinDate.format(from) === berlinDate.format(to);
  return sameDay
    ? `am ${berlinDate.format(from)} von ${berlinClock.format(from)} bis ${berlinClock.format(to)}`
    : `von ${berlinDate.format(from)} ${berlinClock.format(from)} bis ${berlinDate.format(to)} ${berlinClock.format(to)}`;
}

/** "VW ID.4 M-AB 123 ist am 02.03.2026 von 14:00 bis 15:00 für Müller, Anna gebucht" / "… in der Werkstatt (Inspektion)". */
export function conflictInWords(c: SlotConflict): string {
  const span = spanInWords(new Date(c.startsAt), new Date(c.endsAt));
  return c.kind === 'test_drive'
    ? `${c.car} ist ${span} für ${c.customer} gebucht.`
    : `${c.car} ist ${span} nicht verfügbar: ${c.reason}.`;
}

/** Start and end lie where a booking makes sense: not in the past beyond a few minutes, not years ahead. */
export function checkSlotBounds(startsAt: Date, now: Date) {
  if (startsAt.getTime() < now.getTime() - TEST_DRIVE_PAST_GRACE_MINUTES * 60_000) {
    throw new ValidationError([
      { field: 'startsAt', in: 'body', code: 'must_be_future', message: 'must not lie in the past' },
    ]);
  }
  if (startsAt.getTime() > now.getTime() + TEST_DRIVE_MAX_DAYS_AHEAD * 86_400_000) {
    throw new ValidationError([
      { field: 'startsAt', in: 'body', code: 'invalid', message: 'lies more than a year ahead' },
    ]);
  }
}

/** Locks the demo car's row, so two bookings of the same car are checked one after the other. */
export async function lockCar(tx: DbOrTx, id: string): Promise<DemoVehicleRow | undefined> {
  const [car] = await tx.select().from(demoVehicles).where(eq(demoVehicles.id, id)).for('update');
  return car;
}

/**
 * Refuses the slot when the car (whose row the caller has locked) is booked or blocked then;
 * back-to-back slots touch but do not overlap.
 */
export async function assertSlotFree(
  tx: DbOrTx,
  car: DemoVehicleRow,
  slot: { startsAt: Date; endsAt: Date; exceptTestDriveId?: string },
): Promise<void> {
  const [booked] = await tx
    .select()
    .from(testDrives)
    .where(
      and(
        eq(testDrives.demoVehicleId, car.id),
        ne(testDrives.status, 'cancelled'),
        lt(testDrives.startsAt, slot.endsAt),
        gt(testDrives.endsAt, slot.startsAt),
        slot.exceptTestDriveId ? ne(testDrives.id, slot.exceptTestDriveId) : undefined,
      ),
    )
    .orderBy(testDrives.startsAt)
    .limit(1);
  let conflict: SlotConflict | null = null;
  if (booked) {
    const customer = (await contactRefs(tx, [booked.contactId])).get(booked.contactId)?.displayName ?? '—';
    conflict = {
      kind: 'test_drive',
      car: carLabel(car),
      startsAt: booked.startsAt.toISOString(),
      endsAt: booked.endsAt.toISOString(),
      customer,
      reason: null,
    };
  } else {
    const [block] = await tx
      .select()
      .from(demoVehicleBlocks)
      .where(
        and(
          eq(demoVehicleBlocks.demoVehicleId, car.id),
          lt(demoVehicleBlocks.startsAt, slot.endsAt),
          gt(demoVehicleBlocks.endsAt, slot.startsAt),
        ),
      )
      .orderBy(demoVehicleBlocks.startsAt)
      .limit(1);
    if (block) {
      conflict = {
        kind: 'block',
        car: carLabel(car),
        startsAt: block.startsAt.toISOString(),
        endsAt: block.endsAt.toISOString(),
        customer: null,
        reason: block.reason,
      };
    }
  }
  if (conflict) throw new ConflictWithDataError('slot-taken', conflictInWords(conflict), { conflict });
}
