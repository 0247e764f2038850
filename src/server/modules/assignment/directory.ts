import { and, gte, lte } from 'drizzle-orm';
import type { Db } from '@server/db/client';
import { absences } from './tables';
import { allLocationNames, everyone as loadEveryone, type Person } from './people';
import * as repo from './repo';

/**
 * Everyone and every rule assignment looks at, held in memory for one
 * reference version (see db/reference-version): a dealer group's staff and
 * rules are a few hundred rows that change a few times a day, and intake
 * reads them on every request.
 */
export interface StaffDirectory {
  people: Map<string, Person>;
  /** Everyone, by last name then first name. */
  byName: Person[];
  activeRules: repo.RuleRow[];
  locationNames: Map<string, string>;
  /** Absences covering the day, per person; loaded once per day asked for. */
  absencesOn(date: string): Promise<Map<string, repo.AbsenceRow>>;
}

/** Days whose absences are kept; a directory lives until the next change anyway. */
const MAX_DAYS = 8;

export async function loadDirectory(db: Db): Promise<StaffDirectory> {
  const everyone = await loadEveryone(db);
  const activeRules = await repo.listRules(db, { activeOnly: true });
  const locationNames = await allLocationNames(db);
  const days = new Map<string, Promise<Map<string, repo.AbsenceRow>>>();
  return {
    people: new Map(everyone.map((p) => [p.id, p])),
    byName: everyone,
    activeRules,
    locationNames,
    absencesOn(date) {
      let day = days.get(date);
      if (!day) {
        if (days.size >= MAX_DAYS) days.clear();
        day = db
          .select()
          .from(absences)
          .where(and(lte(absences.startsOn, date), gte(absences.endsOn, date)))
          .then((rows) => new Map(rows.map((row) => [row.userId, row])));
        days.set(date, day);
        day.catch(() => days.delete(date));
      }
      return day;
    },
  };
}
