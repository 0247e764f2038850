import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { userReadModel } from '@server/modules/org';
import { apiKeys, loginAttempts, sessions } from './tables';

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

const sessionWithUser = (db: DbOrTx) =>
  db
    .select({
      session: sessions,
      user: userReadModel.table,
      extraLocationIds: userReadModel.extraLocationIds(sessions.userId),
    })
    .from(sessions)
    .innerJoin(userReadModel.table, userReadModel.joinOn(sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('auth_session_with_user');

/** Per database, the statement built once: building it took longer than running it. */
const preparedSessionWithUser = new WeakMap<DbOrTx, ReturnType<typeof sessionWithUser>>();

/**
 * A session with its user and the user's further locations in one round
 * trip: every request of a logged-in user starts with this, so it is built
 * once and prepared (a lookup by key, whose plan never depends on the value).
 */
export async function findSessionWithUser(db: DbOrTx, id: string) {
  let query = preparedSessionWithUser.get(db);
  if (!query) {
    query = sessionWithUser(db);
    preparedSessionWithUser.set(db, query);
  }
  const [row] = await query.execute({ id });
  return row;
}

export async function touchSession(db: DbOrTx, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteOtherSessionsOfUser(db: DbOrTx, userId: string, keepId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
}

export async function setSessionCsrfToken(db: DbOrTx, id: string, csrfToken: string) {
  await db.update(sessions).set({ csrfToken }).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date, idleCutoff: Date) {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}

export type LoginLimitHit = 'account' | 'ip';

/**
 * Books a login attempt as a failure before its password is checked, so that
 * parallel attempts cannot all pass the count: per account and per IP, a
 * transaction-scoped advisory lock makes the count and the insert one step
 * (account first, then IP, always in that order so two logins never wait on
 * each other crosswise). Returns the booked row's id, or which limit is full.
 * A correct password later turns the booking into a success.
 */
export async function reserveAttempt(
  tx: DbOrTx,
  attempt: { email: string; ip: string; at: Date },
  limits: { since: Date; perAccount: number; perIp: number },
): Promise<{ id: number } | { limit: LoginLimitHit }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`login:account:${attempt.email}`}, 0))`);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`login:ip:${attempt.ip}`}, 0))`);
  const failed = and(eq(loginAttempts.success, false), gt(loginAttempts.at, limits.since));
  const [counts] = await tx
    .select({
      account: sql<number>`count(*) FILTER (WHERE ${loginAttempts.email} = ${attempt.email})::int`,
      ip: sql<number>`count(*) FILTER (WHERE ${loginAttempts.ip} = ${attempt.ip})::int`,
    })
    .from(loginAttempts)
    .where(and(failed, or(eq(loginAttempts.email, attempt.email), eq(loginAttempts.ip, attempt.ip))));
  if ((counts?.account ?? 0) >= limits.perAccount) return { limit: 'account' };
  if ((counts?.ip ?? 0) >= limits.perIp) return { limit: 'ip' };
  const [row] = await tx
    .insert(loginAttempts)
    .values({ ...attempt, success: false })
    .returning({ id: loginAttempts.id });
  return { id: row!.id };
}

/** The booked attempt had the right password: it becomes a success and the account's failures are forgotten. */
export async function markAttemptSucceeded(db: DbOrTx, id: number, email: string) {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, id));
  await clearFailures(db, email);
}

/** A successful login clears the account's failure count. */
export async function clearFailures(db: DbOrTx, email: string) {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false)));
}

export async function deleteOldAttempts(db: DbOrTx, before: Date) {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}

export async function insertApiKey(db: DbOrTx, values: typeof apiKeys.$inferInsert) {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row!;
}

export const listApiKeys = (db: DbOrTx) => db.select().from(apiKeys).orderBy(apiKeys.createdAt);

export async function findActiveApiKeyByHash(db: DbOrTx, keyHash: string) {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function markApiKeyUsed(db: DbOrTx, id: string, at: Date) {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

export async function revokeApiKey(db: DbOrTx, id: string, at: Date) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row;
}

/** Of these sessions, those that still exist, have not expired and belong to an active user. */
export async function openSessionIds(db: DbOrTx, ids: string[], now: Date, idleCutoff: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(userReadModel.table, userReadModel.joinOn(sessions.userId))
    .where(
      and(
        inArray(sessions.id, ids),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleCutoff),
        userReadModel.isActive,
      ),
    );
  return found.map((row) => row.id);
}
