import type { UserActor } from '@server/http/access';
import type { Person } from './people';

/**
 * Why a colleague is away can be health data (sick leave, GDPR Art. 9). The
 * kind of an absence and its note are for the person themself, the managers
 * of their locations and admins — the people who may record it. Everyone
 * else learns that the person is away, until when, and who stands in; texts
 * that many read (assignment explanations, alerts) never name the kind.
 */
export function seesAbsenceDetails(viewer: UserActor, person: Pick<Person, 'id' | 'locationIds'>): boolean {
  if (viewer.role === 'admin' || viewer.userId === person.id) return true;
  return viewer.role === 'manager' && person.locationIds.some((l) => viewer.locationIds.includes(l));
}
