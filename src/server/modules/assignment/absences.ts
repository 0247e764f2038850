import type { z } from 'zod';
import type { Absence, AbsenceInput, AbsencePatch, PresenceEntry } from '@shared/requests/assignment';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { seesAbsenceDetails } from './absence-privacy';
import { type LineStatus, NO_LINES } from './decide';
import { activeStaffAt, dutyAt, loadPeople, type Person } from './people';
import * as repo from './repo';
import { berlinDate, germanDate } from './wording';

type AbsenceCreate = z.output<typeof AbsenceInput>;
type AbsenceChange = z.output<typeof AbsencePatch>;

export interface CurrentAbsence {
  id: string;
  kind: repo.AbsenceRow['kind'];
  startsOn: string;
  endsOn: string;
  deputyId: string | null;
}

/** Absences (holiday, sick…) and who deputises meanwhile. */
export function createAbsencesService({ db, clock }: Deps, lines: LineStatus = NO_LINES) {
  /** Kind and note only for those who may see them (see absence-privacy.ts). */
  async function present(viewer: UserActor, rows: repo.AbsenceRow[]): Promise<z.infer<typeof Absence>[]> {
    const people = await loadPeople(
      db,
      rows.flatMap((r) => [r.userId, r.deputyId].filter((id): id is string => Boolean(id))),
    );
    const ref = (id: string | null) => {
      const p = id ? people.get(id) : undefined;
      return p ? { id: p.id, displayName: p.displayName } : null;
    };
    return rows.map((r) => {
      const person = people.get(r.userId);
      const details = seesAbsenceDetails(viewer, person ?? { id: r.userId, locationIds: [] });
      return {
        id: r.id,
        user: ref(r.userId) ?? { id: r.userId, displayName: '' },
        kind: details ? r.kind : null,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        deputy: ref(r.deputyId),
        note: details ? r.note : null,
      };
    });
  }

  /** Admins for anyone, managers for the people of their locations, everyone for themself: who may see why. */
  function assertMayManage(actor: UserActor, person: Person) {
    if (seesAbsenceDetails(actor, person)) return;
    throw new ForbiddenError('You may only record absences of yourself or of people at your locations.');
  }

  /** A deputy must be active and work at one of the absent person's locations. */
  async function assertDeputy(person: Person, deputyId: string | null | undefined) {
    if (!deputyId) return;
    const deputy = (await loadPeople(db, [deputyId])).get(deputyId);
    if (!deputy?.active || !deputy.locationIds.some((l) => person.locationIds.includes(l))) {
      throw new ValidationError([
        {
          field: 'deputyId',
          in: 'body',
          code: 'active_colleague_required',
          message: 'must be an active colleague at one of the same locations',
        },
      ]);
    }
  }

  /**
   * Inside the writing transaction, after taking the person's lock: two
   * managers entering overlapping holidays at the same moment are checked one
   * after the other, so the second sees the first.
   */
  async function assertNoOverlap(tx: DbOrTx, userId: string, startsOn: string, endsOn: string, exceptId?: string) {
    await repo.lockAbsencesOf(tx, userId);
    const other = await repo.findOverlap(tx, userId, startsOn, endsOn, exceptId);
    if (other) {
      throw new ConflictError(
        `This person is already away from ${germanDate(other.startsOn)} to ${germanDate(other.endsOn)}.`,
        [{ field: 'startsOn', in: 'body', code: 'overlaps_absence', message: 'overlaps another absence' }],
      );
    }
  }

  async function load(id: string) {
    const row = await repo.findAbsence(db, id);
    if (!row) throw new NotFoundError('Absence');
    return row;
  }

  async function personFor(userId: string, field: string) {
    const person = (await loadPeople(db, [userId])).get(userId);
    if (!person) throw new ValidationError([{ field, in: 'body', code: 'unknown_user', message: 'unknown user' }]);
    return person;
  }

  async function currentAbsence(userId: string, date: string, tx: DbOrTx = db): Promise<CurrentAbsence | null> {
    const row = (await repo.absencesOn(tx, [userId], date)).get(userId);
    return row
      ? { id: row.id, kind: row.kind, startsOn: row.startsOn, endsOn: row.endsOn, deputyId: row.deputyId }
      : null;
  }

  return {
    async list(viewer: UserActor, query: { userId?: string; from?: string; to?: string }) {
      return present(viewer, await repo.listAbsences(db, query));
    },

    async create(actor: UserActor, input: AbsenceCreate) {
      const person = await personFor(input.userId, 'userId');
      assertMayManage(actor, person);
      await assertDeputy(person, input.deputyId);
      const id = await db.transaction(async (tx) => {
        await assertNoOverlap(tx, person.id, input.startsOn, input.endsOn);
        const newId = await repo.insertAbsence(tx, {
          userId: person.id,
          kind: input.kind,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          deputyId: input.deputyId ?? null,
          note: input.note ?? null,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock.now(), actor, {
          action: 'absence.created',
          entityType: 'absence',
          entityId: newId,
          data: { userId: person.id, startsOn: input.startsOn, endsOn: input.endsOn },
        });
        return newId;
      });
      return (await present(actor, [await load(id)]))[0]!;
    },

    async update(actor: UserActor, id: string, patch: AbsenceChange) {
      const current = await load(id);
      const person = await personFor(current.userId, 'userId');
      assertMayManage(actor, person);
      const startsOn = patch.startsOn ?? current.startsOn;
      const endsOn = patch.endsOn ?? current.endsOn;
      if (startsOn > endsOn) {
        throw new ValidationError([
          { field: 'endsOn', in: 'body', code: 'ends_before_start', message: 'must not end before it starts' },
        ]);
      }
      if (patch.deputyId === person.id) {
        throw new ValidationError([
          { field: 'deputyId', in: 'body', code: 'self_deputy', message: 'cannot deputise for oneself' },
        ]);
      }
      if (patch.deputyId !== undefined) await assertDeputy(person, patch.deputyId);
      await db.transaction(async (tx) => {
        await assertNoOverlap(tx, person.id, startsOn, endsOn, id);
        await repo.updateAbsence(tx, id, {
          kind: patch.kind,
          startsOn,
          endsOn,
          deputyId: patch.deputyId,
          note: patch.note,
        });
        await recordAudit(tx, clock.now(), actor, {
          action: 'absence.updated',
          entityType: 'absence',
          entityId: id,
          data: { fields: Object.keys(patch) },
        });
      });
      return (await present(actor, [await load(id)]))[0]!;
    },

    async remove(actor: UserActor, id: string): Promise<void> {
      const current = await load(id);
      assertMayManage(actor, await personFor(current.userId, 'userId'));
      await db.transaction(async (tx) => {
        await repo.deleteAbsence(tx, id);
        await recordAudit(tx, clock.now(), actor, { action: 'absence.deleted', entityType: 'absence', entityId: id });
      });
    },

    /** The absence covering the day (YYYY-MM-DD), with its end and deputy; null when the person is there. */
    currentAbsence,

    async isAbsent(userId: string, date: string, tx: DbOrTx = db): Promise<boolean> {
      return (await currentAbsence(userId, date, tx)) !== null;
    },

    /**
     * Who is here today at a location (or everywhere): every active colleague, absent ones with their
     * cover. The administrator's account runs the system and serves no customers: it is nobody to ask for.
     */
    async presence(viewer: UserActor, locationId: string | undefined): Promise<z.infer<typeof PresenceEntry>[]> {
      const staff = (await activeStaffAt(db, locationId ?? null)).filter((p) => p.role !== 'admin');
      const today = berlinDate(clock.now());
      const away = await repo.absencesOn(
        db,
        staff.map((p) => p.id),
        today,
      );
      const deputies = await loadPeople(
        db,
        [...away.values()].map((a) => a.deputyId).filter((id): id is string => Boolean(id)),
      );
      const onCall = await lines.onCallNow(
        staff.filter((p) => !away.has(p.id)).map((p) => p.id),
        db,
      );
      const duty = locationId ? await dutyAt(db, locationId) : null;
      return staff.map((p) => {
        const absence = away.get(p.id);
        const user = { id: p.id, displayName: p.displayName, role: p.role };
        const onDuty = duty?.usesCheckIn ? { onDuty: duty.onDuty.has(p.id) } : {};
        if (!absence) return { user, present: onDuty.onDuty !== false, onCall: onCall.has(p.id), ...onDuty };
        const deputy = absence.deputyId ? deputies.get(absence.deputyId) : undefined;
        return {
          user,
          present: false,
          onCall: false,
          ...onDuty,
          absence: {
            kind: seesAbsenceDetails(viewer, p) ? absence.kind : null,
            endsOn: absence.endsOn,
            deputy: deputy ? { id: deputy.id, displayName: deputy.displayName } : null,
          },
        };
      });
    },
  };
}
