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
