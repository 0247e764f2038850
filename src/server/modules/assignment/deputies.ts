import { and, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { absences } from './tables';

/** Whether `deputyId` stands in for `userId` on `day` (an absence of the user naming them as deputy). */
export async function isDeputyOn(db: DbOrTx, deputyId: string, userId: string, day: string): Promise<boolean> {
  const [found] = await db
    .select({ id: absences.id })
    .from(absences)
    .where(
      and(
        eq(absences.userId, userId),
        eq(absences.deputyId, deputyId),
        lte(absences.startsOn, day),
        gte(absences.endsOn, day),
      ),
    )
    .limit(1);
  return Boolean(found);
}

/**
 * For set-based work (lifecycle rules): the deputy standing in for the user whose id is the SQL
 * expression `userId` on the date expression `day`, or null when the user is not away (or is
 * away without a deputy). The deputy must be active and not away themselves.
 */
export const deputyOnSql = (userId: string, day: string) =>
  `(SELECT a.deputy_id FROM absences a JOIN users du ON du.id = a.deputy_id AND du.active
     WHERE a.user_id = ${userId} AND a.starts_on <= ${day} AND a.ends_on >= ${day}
       AND NOT EXISTS (SELECT 1 FROM absences da WHERE da.user_id = a.deputy_id AND da.starts_on <= ${day} AND da.ends_on >= ${day})
     ORDER BY a.starts_on DESC LIMIT 1)`;

/** Whether the user whose id is the SQL expression `userId` is active and not away on `day`. */
export const presentOnSql = (userId: string, day: string) =>
  `(EXISTS (SELECT 1 FROM users pu WHERE pu.id = ${userId} AND pu.active)
    AND NOT EXISTS (SELECT 1 FROM absences pa WHERE pa.user_id = ${userId} AND pa.starts_on <= ${day} AND pa.ends_on >= ${day}))`;
