import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TestDrive,
  TestDriveBack,
  TestDriveCancel,
  TestDriveInput,
  TestDriveLicence,
  TestDriveMove,
  TestDriveOut,
} from '@shared/sales/test-drives';
import type { TestDriveStatus } from '@shared/sales/enums';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '@server/http/errors';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { type ActivitiesService, appointmentsOverlapping, type CalendarService } from '@server/modules/activities';
import { contactRefs } from '@server/modules/contacts';
import { loadPeople } from '@server/modules/org';
import { recordTimeline } from '@server/modules/timeline';
import { advanceOpportunityIn } from '../opportunities/advance';
import { demoVehicles, opportunities, testDrives } from '../tables';
import { carLabel, createDemoVehicles, type DemoVehicleRow } from './demo-vehicles';
import { assertSlotFree, checkSlotBounds, lockCar } from './slot';
import { presentTestDrives } from './presenters';
import { createSchedule } from './schedule';

type Row = typeof testDrives.$inferSelect;

export interface TestDrivesPorts {
  activities: ActivitiesService;
  calendar: CalendarService;
}

const bodyError = (
  field: string,
  code: 'required' | 'own_location_required' | 'unknown_contact' | 'invalid',
  message: string,
) => new ValidationError([{ field, in: 'body', code, message }]);

/**
 * Test drives (Probefahrt) in the location's demo cars: booked race-free against the car's other
 * bookings and blocked times, in the consultant's calendar, with licence, out and back.
 */
export function createTestDrivesService(deps: Deps, ports: TestDrivesPorts) {
  const { db, clock } = deps;
  const demoVehicles_ = createDemoVehicles(deps);
  const schedule = createSchedule(deps);

  const present = (rows: Row[], tx: DbOrTx = db) => presentTestDrives(tx, rows);

  /** The test drive, locked, for someone who works at its location. */
  async function loadFor(tx: DbOrTx, actor: UserActor, id: string, version?: number) {
    const [row] = await tx.select().from(testDrives).where(eq(testDrives.id, id)).for('update');
    if (!row) throw new NotFoundError('Test drive');
    assertLocation(actor, row.locationId);
    if (version !== undefined && version !== row.version) {
      throw new ConflictError('The test drive was changed by someone else in the meantime; reload it.');
    }
    return row;
  }

  function assertStatus(row: Row, ...allowed: TestDriveStatus[]) {
    if (!allowed.includes(row.status as TestDriveStatus)) {
      const words: Record<string, string> = {
        booked: 'is only booked',
        out: 'is already out',
        returned: 'is already back',
        cancelled: 'was cancelled',
      };
      throw new ConflictError(`The test drive ${words[row.status] ?? row.status}.`);
    }
  }

  async function save(tx: DbOrTx, id: string, values: Partial<typeof testDrives.$inferInsert>): Promise<Row> {
    const [row] = await tx
      .update(testDrives)
      .set({ ...values, updatedAt: clock.now() })
      .where(eq(testDrives.id, id))
      .returning();
    return row!;
  }

  async function timeline(
    tx: DbOrTx,
    row: Row,
    byId: string,
    text: ReturnType<typeof timelineText>,
    body?: string | null,
  ) {
    await recordTimeline(tx, {
      contactId: row.contactId,
      kind: 'test_drive',
      occurredAt: clock.now(),
      authorId: byId,
      ...text,
      body: body ?? null,
      data: { testDriveId: row.id, status: row.status },
      sourceType: 'test_drive',
      sourceId: row.id,
    });
  }

  async function consultantWarnings(tx: DbOrTx, ownerId: string, from: Date, to: Date, exceptId: string | null) {
    const busy = await appointmentsOverlapping(tx, { ownerId, from, to, exceptId });
    return busy.map((a) => ({
      code: 'consultant_busy' as const,
      subject: a.subject,
      startsAt: a.startsAt.toISOString(),
    }));
  }

  async function usableCar(tx: DbOrTx, actor: UserActor, id: string): Promise<DemoVehicleRow> {
    const car = await lockCar(tx, id);
    if (!car) throw bodyError('demoVehicleId', 'invalid', 'unknown demo car');
    assertLocation(actor, car.locationId);
    if (!car.active) throw bodyError('demoVehicleId', 'invalid', 'the demo car is retired');
    return car;
  }

  /** The invitation after the booking committed; a refusal (no consent, no address) leaves the booking standing. */
  async function invite(actor: UserActor, activityId: string, how: 'none' | 'consent' | 'asked') {
    if (how === 'none') return { sent: false, problem: null };
    try {
      await ports.calendar.invitations.invite(actor, activityId, how);
      return { sent: true, problem: null };
    } catch (error) {
      if (error instanceof DomainError) return { sent: false, problem: error.message };
      throw error;
    }
  }

  const version = (row: Row) => row.version + 1;

  return {
    demoVehicles: demoVehicles_,
    schedule: schedule.forLocation,

    async book(actor: UserActor, input: z.output<typeof TestDriveInput>) {
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      checkSlotBounds(startsAt, clock.now());
      const consultantId = input.consultantId ?? actor.userId;
      const { row, warnings } = await db.transaction(async (tx) => {
        const car = await usableCar(tx, actor, input.demoVehicleId);
        const consultant = (await loadPeople(tx, [consultantId])).get(consultantId);
        if (!consultant?.active || !consultant.locationIds.includes(car.locationId)) {
          throw bodyError('consultantId', 'own_location_required', "does not work at the demo car's location");
        }
        if (!(await contactRefs(tx, [input.contactId])).has(input.contactId)) {
          throw bodyError('contactId', 'unknown_contact', 'unknown contact');
        }
        if (input.opportunityId) {
          const [opp] = await tx.select().from(opportunities).where(eq(opportunities.id, input.opportunityId));
          if (!opp || opp.contactId !== input.contactId) {
            throw bodyError('opportunityId', 'invalid', "is not this customer's opportunity");
          }
        }
        await assertSlotFree(tx, car, { startsAt, endsAt });
        const now = clock.now();
        const [inserted] = await tx
          .insert(testDrives)
          .values({
            opportunityId: input.opportunityId ?? null,
            contactId: input.contactId,
            consultantId,
            locationId: car.locationId,
            demoVehicleId: car.id,
            startsAt,
            endsAt,
            note: input.note ?? null,
            createdById: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const activity = await ports.activities.planIn(
          tx,
          { userId: actor.userId },
          actor,
          {
            type: 'test_drive',
            subject: `Probefahrt ${carLabel(car)}`,
            note: input.note ?? null,
            priority: 'normal',
            ownerId: consultantId,
            contactId: input.contactId,
            vehicleId: input.vehicleId ?? null,
            allDay: false,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            place: null,
          },
          { locationId: car.locationId },
        );
        const [row] = await tx
          .update(testDrives)
          .set({ activityId: activity.id })
          .where(eq(testDrives.id, inserted!.id))
          .returning();
        if (row!.opportunityId) {
          await advanceOpportunityIn(tx, {
            opportunityId: row!.opportunityId,
            toStage: 'test_drive',
            byId: actor.userId,
            at: now,
            data: { testDriveId: row!.id },
          });
        }
        await timeline(
          tx,
          row!,
          actor.userId,
          timelineText('timeline.testDriveBooked', { car: carLabel(car), when: input.startsAt }),
        );
        const warnings = await consultantWarnings(tx, consultantId, startsAt, endsAt, activity.id);
        return { row: row!, warnings };
      });
      const invitation = await invite(actor, row.activityId!, input.invite);
      return { testDrive: (await present([row]))[0]!, warnings, invitation };
    },

    async get(actor: UserActor, id: string): Promise<TestDrive> {
      const [row] = await db.select().from(testDrives).where(eq(testDrives.id, id));
      if (!row) throw new NotFoundError('Test drive');
      assertLocation(actor, row.locationId);
      return (await present([row]))[0]!;
    },

    /** An opportunity's or customer's test drives at the caller's locations, latest first. */
    async list(
      actor: UserActor,
      query: { opportunityId?: string; contactId?: string },
    ): Promise<{ items: TestDrive[] }> {
      if (!query.opportunityId && !query.contactId) {
        throw new ValidationError([
          { field: 'opportunityId', in: 'querystring', code: 'required', message: 'give opportunityId or contactId' },
        ]);
      }
      const where: SQL[] = [];
      if (query.opportunityId) where.push(eq(testDrives.opportunityId, query.opportunityId));
      if (query.contactId) where.push(eq(testDrives.contactId, query.contactId));
      const rows = await db
        .select()
        .from(testDrives)
        .where(and(...where))
        .orderBy(desc(testDrives.startsAt))
        .limit(100);
      return { items: await present(rows.filter((r) => hasLocation(actor, r.locationId))) };
    },

    /** Another time (or car), checked like a new booking; the calendar entry and an invited customer follow. */
    async move(actor: UserActor, id: string, input: z.output<typeof TestDriveMove>) {
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      checkSlotBounds(startsAt, clock.now());
      const { row, warnings } = await db.transaction(async (tx) => {
        const before = await loadFor(tx, actor, id, input.version);
        assertStatus(before, 'booked');
        const car = await usableCar(tx, actor, input.demoVehicleId ?? before.demoVehicleId);
        if (car.locationId !== before.locationId) {
          throw bodyError('demoVehicleId', 'invalid', 'belongs to another location');
        }
        await assertSlotFree(tx, car, { startsAt, endsAt, exceptTestDriveId: id });
        const row = await save(tx, id, { startsAt, endsAt, demoVehicleId: car.id, version: version(before) });
        if (row.activityId) {
          await ports.activities.moveIn(tx, row.activityId, { startsAt, endsAt }, actor.userId);
        }
        await timeline(
          tx,
          row,
          actor.userId,
          timelineText('timeline.testDriveMoved', { car: carLabel(car), when: input.startsAt }),
        );
        return { row, warnings: await consultantWarnings(tx, row.consultantId, startsAt, endsAt, row.activityId) };
      });
      return { testDrive: (await present([row]))[0]!, warnings };
    },

    async cancel(actor: UserActor, id: string, input: z.output<typeof TestDriveCancel>): Promise<TestDrive> {
      const row = await db.transaction(async (tx) => {
        const before = await loadFor(tx, actor, id, input.version);
        assertStatus(before, 'booked');
        const row = await save(tx, id, { status: 'cancelled', version: version(before) });
        if (row.activityId) await ports.activities.cancelIn(tx, row.activityId, actor.userId, input.reason);
        const car = await demoVehicles_.load(tx, row.demoVehicleId);
        await timeline(
          tx,
          row,
          actor.userId,
          timelineText('timeline.testDriveCancelled', {
            car: carLabel(car),
            when: row.startsAt.toISOString(),
            reason: input.reason,
          }),
          input.reason,
        );
        return row;
      });
      return (await present([row]))[0]!;
    },

    /** The driver's licence was seen: number and issuing authority, by the caller, now. */
    async recordLicence(actor: UserActor, id: string, input: z.output<typeof TestDriveLicence>): Promise<TestDrive> {
      const row = await db.transaction(async (tx) => {
        const before = await loadFor(tx, actor, id);
        assertStatus(before, 'booked', 'out');
        return save(tx, id, {
          licenceNumber: input.licenceNumber,
          licenceAuthority: input.licenceAuthority,
          licenceCheckedById: actor.userId,
          licenceCheckedAt: clock.now(),
          version: version(before),
        });
      });
      return (await present([row]))[0]!;
    },

    /** The car goes out: only with the licence seen. */
    async out(actor: UserActor, id: string, input: z.output<typeof TestDriveOut>): Promise<TestDrive> {
      const row = await db.transaction(async (tx) => {
        const before = await loadFor(tx, actor, id);
        assertStatus(before, 'booked');
        if (!before.licenceNumber || !before.licenceCheckedAt) {
          throw bodyError('licenceNumber', 'required', "the driver's licence must be seen before the car goes out");
        }
        const row = await save(tx, id, {
          status: 'out',
          outAt: clock.now(),
          mileageOutKm: input.mileageOutKm,
          version: version(before),
        });
        const [car] = await tx
          .update(demoVehicles)
          .set({ mileageKm: input.mileageOutKm, updatedAt: clock.now() })
          .where(eq(demoVehicles.id, row.demoVehicleId))
          .returning();
        await timeline(
          tx,
          row,
          actor.userId,
          timelineText('timeline.testDriveOut', { car: carLabel(car!), km: input.mileageOutKm }),
        );
        return row;
      });
      return (await present([row]))[0]!;
    },

    /** The car is back: mileage not below the start, the note as written; the calendar entry is done. */
    async back(actor: UserActor, id: string, input: z.output<typeof TestDriveBack>): Promise<TestDrive> {
      const row = await db.transaction(async (tx) => {
        const before = await loadFor(tx, actor, id);
        assertStatus(before, 'out');
        const out = before.mileageOutKm ?? 0;
        if (input.mileageBackKm < out) {
          throw new ValidationError([
            {
              field: 'mileageBackKm',
              in: 'body',
              code: 'below_mileage_out',
              params: { km: out },
              message: `must not be below the mileage at the start (${out} km)`,
            },
          ]);
        }
        const row = await save(tx, id, {
          status: 'returned',
          backAt: clock.now(),
          mileageBackKm: input.mileageBackKm,
          note: input.note ?? before.note,
          version: version(before),
        });
        const [car] = await tx
          .update(demoVehicles)
          .set({ mileageKm: input.mileageBackKm, updatedAt: clock.now() })
          .where(eq(demoVehicles.id, row.demoVehicleId))
          .returning();
        if (row.activityId)
          await ports.activities.completeIn(tx, row.activityId, actor.userId, 'kept', input.note ?? null);
        await timeline(
          tx,
          row,
          actor.userId,
          timelineText('timeline.testDriveBack', {
            car: carLabel(car!),
            km: input.mileageBackKm,
            driven: input.mileageBackKm - out,
          }),
          input.note,
        );
        return row;
      });
      return (await present([row]))[0]!;
    },
  };
}

export type TestDrivesService = ReturnType<typeof createTestDrivesService>;
