import { z } from 'zod';
import type { DutyHistoryQuery, DutySettings, DutyShift, MyDuty, OnDutyEntry } from '@shared/org/duty';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { hasLocation } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { defineJob } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { nextClosing } from '@server/lib/working-time';
import { recordAudit } from '@server/modules/audit';
import { fromBerlinDay } from './days';
import { activeStaffAt, locationNames } from '../people';
import * as repo from './repo';

/** What duty needs besides the database: durable jobs for the closing-time check-out, live events for the panels. */
export interface DutyPorts {
  jobs: JobsService;
  live: { emitToMany(tx: DbOrTx, userIds: string[], type: string, data: unknown): Promise<void> };
}

/** The live event every colleague of the location gets when someone checks in or out. */
export const DUTY_EVENT = 'duty';
export const CLOSING_CHECK_OUT_JOB = 'duty.closing-check-out';
const closingKey = (shiftId: string) => `duty-closing:${shiftId}`;

export function presentShift(row: repo.NamedShiftRow): DutyShift {
  return {
    id: row.id,
    user: { id: row.userId, displayName: `${row.firstName} ${row.lastName}` },
    location: { id: row.locationId, name: row.locationName },
    checkedInAt: row.checkedInAt.toISOString(),
    checkedOutAt: row.checkedOutAt?.toISOString() ?? null,
    checkOutKind: row.checkOutKind,
  };
}

export type DutyService = ReturnType<typeof createDutyService>;

/**
 * Check-in and check-out (Dienst): at most one open shift per user; checking
 * in elsewhere ends the open one. Locations that use check-in count only
 * checked-in staff as present for walk-ins (see read-model.ts).
 */
export function createDutyService({ db, clock }: Deps, { jobs, live }: DutyPorts) {
  /** Tells the location's colleagues that its on-duty list changed. */
  async function announce(tx: DbOrTx, locationIds: string[]) {
    for (const locationId of new Set(locationIds)) {
      const staff = await activeStaffAt(tx, locationId);
      await live.emitToMany(
        tx,
        staff.map((p) => p.id),
        DUTY_EVENT,
        { locationId },
      );
    }
  }

  const closingJob = jobs.register(
    defineJob({
      kind: CLOSING_CHECK_OUT_JOB,
      payload: z.object({ shiftId: z.uuid(), closesAt: z.string() }),
      handler: async ({ shiftId, closesAt }, { tx }) => {
        // Ended by hand or by a check-in elsewhere meanwhile: nothing to do.
        const closed = await repo.closeShiftAtClosing(tx, shiftId, new Date(closesAt));
        if (closed) await announce(tx, [closed.locationId]);
      },
    }),
  );

  async function scheduleClosing(tx: DbOrTx, shift: repo.ShiftRow) {
    const location = await repo.locationForDuty(tx, shift.locationId);
    if (!location?.autoCheckOutAtClosing) return;
    let closesAt: Date;
    try {
      closesAt = nextClosing(location, shift.checkedInAt);
    } catch {
      return; // A location without opening hours never closes.
    }
    await jobs.schedule(
      tx,
      closingJob,
      { shiftId: shift.id, closesAt: closesAt.toISOString() },
      { runAt: closesAt, uniqueKey: closingKey(shift.id) },
    );
  }

  async function loadShift(id: string) {
    const row = await repo.findShift(db, id);
    if (!row) throw new NotFoundError('Shift');
    return presentShift(row);
  }

  return {
    closingJob,

    async mine(actor: UserActor): Promise<MyDuty> {
      const current = await repo.openShiftOf(db, actor.userId);
      const names = await locationNames(db, actor.locationIds);
      const settings = await repo.settingsOf(db, actor.locationIds);
      return {
        current: current ? presentShift(current) : null,
        locations: actor.locationIds
          .filter((id) => names.has(id))
          .map((id) => ({ id, name: names.get(id)!, usesCheckIn: settings.get(id)?.usesCheckIn ?? false })),
      };
    },

    /** Checks the actor in at one of their locations; an open shift elsewhere (or here) ends now. */
    async checkIn(actor: UserActor, locationId: string): Promise<DutyShift> {
      if (!actor.locationIds.includes(locationId)) {
        throw new ValidationError([
          { field: 'locationId', in: 'body', code: 'own_location_required', message: 'not one of your locations' },
        ]);
      }
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        await repo.lockUser(tx, actor.userId);
        const previous = await repo.closeOpenShift(tx, actor.userId, now, 'automatic');
        if (previous) await jobs.cancel(tx, closingKey(previous.id));
        const shift = await repo.insertShift(tx, actor.userId, locationId, now);
        await scheduleClosing(tx, shift);
        await recordAudit(tx, now, actor, {
          action: 'duty.checked_in',
          entityType: 'user',
          entityId: actor.userId,
          data: { locationId, endedShiftId: previous?.id ?? null },
        });
        await announce(tx, previous ? [previous.locationId, locationId] : [locationId]);
        return shift.id;
      });
      return loadShift(id);
    },

    async checkOut(actor: UserActor): Promise<DutyShift> {
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        await repo.lockUser(tx, actor.userId);
        const closed = await repo.closeOpenShift(tx, actor.userId, now, 'manual');
        if (!closed) throw new ConflictError('You are not checked in.');
        await jobs.cancel(tx, closingKey(closed.id));
        await recordAudit(tx, now, actor, {
          action: 'duty.checked_out',
          entityType: 'user',
          entityId: actor.userId,
          data: { locationId: closed.locationId },
        });
        await announce(tx, [closed.locationId]);
        return closed.id;
      });
      return loadShift(id);
    },

    /** Who is checked in at the location now, longest on duty first; everyone may look. */
    async onDuty(locationId: string): Promise<OnDutyEntry[]> {
      if (!(await repo.locationForDuty(db, locationId))) throw new NotFoundError('Location');
      const rows = await repo.onDutyAt(db, locationId);
      return rows.map((r) => ({
        user: { id: r.userId, displayName: `${r.firstName} ${r.lastName}`, role: r.role },
        department: r.department,
        since: r.since.toISOString(),
      }));
    },

    /** Own shifts; managers those at their locations, admins all. */
    async history(actor: UserActor, query: z.output<typeof DutyHistoryQuery>): Promise<DutyShift[]> {
      const manager = actor.role === 'admin' || actor.role === 'manager';
      const userId = manager ? query.userId : (query.userId ?? actor.userId);
      if (!manager && userId !== actor.userId) throw new ForbiddenError('You may only see your own shifts.');
      if (query.locationId && manager && !hasLocation(actor, query.locationId)) {
        throw new ForbiddenError('You do not work at this location.');
      }
      const locationIds = query.locationId
        ? [query.locationId]
        : manager && actor.role !== 'admin'
          ? actor.locationIds
          : undefined;
      const rows = await repo.history(db, {
        userId,
        locationIds,
        from: query.from ? fromBerlinDay(query.from) : undefined,
        to: query.to ? fromBerlinDay(query.to, 1) : undefined,
        limit: query.limit,
      });
      return rows.map(presentShift);
    },

    async settings(locationId: string): Promise<DutySettings> {
      const location = await repo.locationForDuty(db, locationId);
      if (!location) throw new NotFoundError('Location');
      return { locationId, usesCheckIn: location.usesCheckIn, autoCheckOutAtClosing: location.autoCheckOutAtClosing };
    },

    /** Admins anywhere, managers at their own locations. */
    async saveSettings(
      actor: UserActor,
      locationId: string,
      input: Omit<DutySettings, 'locationId'>,
    ): Promise<DutySettings> {
      if (!hasLocation(actor, locationId)) throw new ForbiddenError('You do not work at this location.');
      if (!(await repo.locationForDuty(db, locationId))) throw new NotFoundError('Location');
      await db.transaction(async (tx) => {
        await repo.saveSettings(tx, locationId, input, clock.now());
        await recordAudit(tx, clock.now(), actor, {
          action: 'location.duty_settings_changed',
          entityType: 'location',
          entityId: locationId,
          data: input,
        });
      });
      return this.settings(locationId);
    },
  };
}
