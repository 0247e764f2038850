import type { Role } from '@shared/org/enums';
import type { DbOrTx } from '@server/db/client';
import { activeAdmins, activeStaffAt, loadPeople, locationNames, type Person } from './people';
import * as repo from './repo';
import type { StaffDirectory } from './directory';

/**
 * What a decision reads about people, absences, rules and locations: live
 * through a transaction (the rule tester, a reassignment), or from the
 * in-memory directory (intake, where this is read on every request).
 */
export interface StaffReader {
  people(ids: string[]): Promise<Map<string, Person>>;
  /** Each person's absence covering the day (YYYY-MM-DD). */
  absencesOn(ids: string[], date: string): Promise<Map<string, repo.AbsenceRow>>;
  /** Active users working at the location with the role, by name. */
  staffAt(locationId: string, role: Role): Promise<Person[]>;
  /** Active admins, by name. */
  admins(): Promise<Person[]>;
  /** Active rules in the managers' order. */
  activeRules(): Promise<repo.RuleRow[]>;
  locationName(id: string): Promise<string | undefined>;
}

export function liveStaff(tx: DbOrTx): StaffReader {
  return {
    people: (ids) => loadPeople(tx, ids),
    absencesOn: (ids, date) => repo.absencesOn(tx, ids, date),
    staffAt: (locationId, role) => activeStaffAt(tx, locationId, role),
    admins: () => activeAdmins(tx),
    activeRules: () => repo.listRules(tx, { activeOnly: true }),
    locationName: async (id) => (await locationNames(tx, [id])).get(id),
  };
}

export function cachedStaff(directory: StaffDirectory): StaffReader {
  return {
    people: async (ids) => {
      const found = new Map<string, Person>();
      for (const id of ids) {
        const person = directory.people.get(id);
        if (person) found.set(id, person);
      }
      return found;
    },
    absencesOn: async (ids, date) => {
      const all = await directory.absencesOn(date);
      const found = new Map<string, repo.AbsenceRow>();
      for (const id of ids) {
        const absence = all.get(id);
        if (absence) found.set(id, absence);
      }
      return found;
    },
    staffAt: async (locationId, role) =>
      directory.byName.filter((p) => p.active && p.role === role && p.locationIds.includes(locationId)),
    admins: async () => directory.byName.filter((p) => p.active && p.role === 'admin'),
    activeRules: async () => directory.activeRules,
    locationName: async (id) => directory.locationNames.get(id),
  };
}
