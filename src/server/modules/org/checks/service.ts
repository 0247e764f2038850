import type { z } from 'zod';
import type {
  CheckEntry,
  CheckEntryInput,
  DailyCheck,
  DailyCheckInput,
  LocationChecks,
  MissingCheck,
} from '@shared/org/duty';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { addDaysTo, berlinDay, isoWeekday } from '../duty/days';
import { loadPeople, locationNames } from '../people';
import * as repo from './repo';

/** How many past days the missing-entry warning looks back. */
export const MISSING_LOOKBACK_DAYS = 7;

const presentCheck = (row: repo.CheckRow): DailyCheck => ({
  id: row.id,
  locationId: row.locationId,
  name: row.name,
  weekdays: [...row.weekdays].sort(),
  department: row.department,
  role: row.role,
  active: row.active,
});

export const presentEntry = (row: repo.EntryRow): CheckEntry & { checkName: string } => ({
  id: row.id,
  checkId: row.checkId,
  day: row.day,
  user: { id: row.userId, displayName: `${row.firstName} ${row.lastName}` },
  recordedAt: row.recordedAt.toISOString(),
  findings: row.findings,
  ok: row.ok,
  checkName: row.checkName,
});

/** The day's entry of a check at a location, for a daily-check message that links to it; null when none. */
export async function checkEntryOfDay(
  tx: DbOrTx,
  locationId: string,
  checkId: string,
  day: string,
): Promise<(CheckEntry & { checkName: string }) | null> {
  const row = await repo.entryOfDay(tx, locationId, checkId, day);
  return row ? presentEntry(row) : null;
}

/** Due days (from `from` to `to`, inclusive) of active checks without an entry, newest first. */
function missingDays(
  checks: Array<repo.CheckRow & { locationName: string }>,
  entries: repo.EntryRow[],
  from: string,
  to: string,
): MissingCheck[] {
  const done = new Set(entries.map((e) => `${e.checkId}:${e.day}`));
  const missing: MissingCheck[] = [];
  for (let day = to; day >= from; day = addDaysTo(day, -1)) {
    for (const check of checks) {
      // A check is due only from the day it was set up.
      if (!check.active || day < berlinDay(check.createdAt) || !check.weekdays.includes(isoWeekday(day))) continue;
      if (done.has(`${check.id}:${day}`)) continue;
      missing.push({
        checkId: check.id,
        checkName: check.name,
        locationId: check.locationId,
        locationName: check.locationName,
        day,
      });
    }
  }
  return missing;
}

export type ChecksService = ReturnType<typeof createChecksService>;

/** Daily checks a location runs (e.g. the camera check) and their entries, with a warning for missing days. */
export function createChecksService({ db, clock }: Deps) {
  const isManager = (actor: UserActor) => actor.role === 'admin' || actor.role === 'manager';

  function assertSees(actor: UserActor, locationId: string) {
    if (!hasLocation(actor, locationId)) throw new ForbiddenError('You do not work at this location.');
  }
  function assertManages(actor: UserActor, locationId: string) {
    if (!isManager(actor) || !hasLocation(actor, locationId)) {
      throw new ForbiddenError("Only the location's managers set up its checks.");
    }
  }

  async function loadCheck(id: string) {
    const row = await repo.findCheck(db, id);
    if (!row) throw new NotFoundError('Check');
    return row;
  }

  return {
    /** The location's check page: today's due checks with their entries, the period's entries and missing days. */
    async forLocation(
      actor: UserActor,
      locationId: string,
      query: { from?: string; to?: string },
    ): Promise<LocationChecks> {
      assertSees(actor, locationId);
      if (!(await locationNames(db, [locationId])).has(locationId)) throw new NotFoundError('Location');
      const today = berlinDay(clock.now());
      const to = query.to ?? today;
      const from = query.from ?? addDaysTo(today, -MISSING_LOOKBACK_DAYS);
      const checks = await repo.checksAt(db, [locationId]);
      const entries = await repo.entriesOf(
        db,
        checks.map((c) => c.id),
        from < today ? from : today,
        to > today ? to : today,
      );
      const inPeriod = entries.filter((e) => e.day >= from && e.day <= to);
      const todays = new Map(entries.filter((e) => e.day === today).map((e) => [e.checkId, presentEntry(e)]));
      return {
        today,
        checks: checks.map((c) => ({
          ...presentCheck(c),
          dueToday: c.active && c.weekdays.includes(isoWeekday(today)),
          todayEntry: todays.get(c.id) ?? null,
        })),
        entries: inPeriod.map(presentEntry),
        // Today's entry can still be written today: only days gone by are missing.
        missing: missingDays(checks, inPeriod, from, to < today ? to : addDaysTo(today, -1)),
      };
    },

    /**
     * Missing entries the actor should hear of on their home page: managers for
     * their locations' checks, others for checks their role or department runs.
     */
    async missingFor(actor: UserActor): Promise<MissingCheck[]> {
      const today = berlinDay(clock.now());
      const from = addDaysTo(today, -MISSING_LOOKBACK_DAYS);
      const person = actor.role === 'manager' ? null : await personDepartment(actor.userId);
      const checks = (await repo.checksAt(db, actor.locationIds, true)).filter(
        (c) =>
          actor.role === 'manager' ||
          c.role === actor.role ||
          (c.department !== null && c.department === person) ||
          // A check nobody in particular runs is everyone's at the location.
          (c.role === null && c.department === null && actor.role !== 'admin'),
      );
      const entries = await repo.entriesOf(
        db,
        checks.map((c) => c.id),
        from,
        today,
      );
      return missingDays(checks, entries, from, addDaysTo(today, -1));
    },

    async create(actor: UserActor, locationId: string, input: z.output<typeof DailyCheckInput>): Promise<DailyCheck> {
      assertManages(actor, locationId);
      if (!(await locationNames(db, [locationId])).has(locationId)) throw new NotFoundError('Location');
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertCheck(tx, { locationId, ...input, createdAt: clock.now() });
        await recordAudit(tx, clock.now(), actor, {
          action: 'daily_check.created',
          entityType: 'location',
          entityId: locationId,
          data: { checkId: created.id, name: input.name },
        });
        return created;
      });
      return presentCheck(row);
    },

    async update(actor: UserActor, id: string, input: z.output<typeof DailyCheckInput>): Promise<DailyCheck> {
      const current = await loadCheck(id);
      assertManages(actor, current.locationId);
      await db.transaction(async (tx) => {
        await repo.updateCheck(tx, id, input);
        await recordAudit(tx, clock.now(), actor, {
          action: 'daily_check.updated',
          entityType: 'location',
          entityId: current.locationId,
          data: { checkId: id, fields: Object.keys(input) },
        });
      });
      return presentCheck(await loadCheck(id));
    },

    /** The day's entry, by anyone working at the location; one per check and day; never for a future day. */
    async record(actor: UserActor, checkId: string, input: z.output<typeof CheckEntryInput>): Promise<CheckEntry> {
      const check = await loadCheck(checkId);
      assertSees(actor, check.locationId);
      if (input.day > berlinDay(clock.now())) {
        throw new ValidationError([
          { field: 'day', in: 'body', code: 'in_future', message: 'must not be in the future' },
        ]);
      }
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertEntry(tx, {
          checkId,
          day: input.day,
          userId: actor.userId,
          recordedAt: clock.now(),
          findings: input.findings,
          ok: input.ok,
        });
        if (!row) {
          throw new ConflictError('This check has an entry for that day already.', [
            { field: 'day', in: 'body', code: 'already_in_use', message: 'already recorded' },
          ]);
        }
        await recordAudit(tx, clock.now(), actor, {
          action: 'daily_check.recorded',
          entityType: 'location',
          entityId: check.locationId,
          data: { checkId, day: input.day, ok: input.ok },
        });
        return row.id;
      });
      const entry = await checkEntryOfDay(db, check.locationId, checkId, input.day);
      if (!entry || entry.id !== id) throw new NotFoundError('Entry');
      const { checkName: _name, ...plain } = entry;
      return plain;
    },
  };

  async function personDepartment(userId: string) {
    return (await loadPeople(db, [userId])).get(userId)?.department ?? null;
  }
}
