import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiKey, ApiKeyCreate, Me } from '@shared/auth/schemas';
import type { Deps } from '@server/deps';
import type { Actor, ApiKeyActor, Authenticator, UserActor } from '@server/http/access';
import { NotFoundError, TooManyRequestsError, UnauthorizedError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { hashPassword, randomToken, sha256, timingDummyHash, verifyPassword } from '@server/lib/crypto';
import * as org from '@server/modules/org';
import { ApiKeyCache } from './api-key-cache';
import * as repo from './repo';

export const SESSION_COOKIE = 'crm_session';
const API_KEY_PREFIX = 'crm_';
/** Writing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;
/** How long a process trusts a verified API key without asking the database again. */
export const API_KEY_CACHE_MS = 10_000;

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({ db, clock, config }: Deps) {
  const idleMs = config.session.idleMinutes * 60_000;
  const maxMs = config.session.maxHours * 3_600_000;
  // Wall time, not the injected clock: the cache is about load, not about business time.
  const apiKeyCache = new ApiKeyCache(API_KEY_CACHE_MS, () => Date.now());

  function userActor(user: org.UserRow, extra: string[], sessionId: string, csrfToken: string): UserActor | null {
    if (!user.active) return null;
    return {
      kind: 'user',
      userId: user.id,
      role: user.role,
      email: user.email,
      displayName: `${user.firstName} ${user.lastName}`,
      homeLocationId: user.homeLocationId,
      locationIds: [user.homeLocationId, ...extra.filter((l) => l !== user.homeLocationId)],
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
      sessionId,
      csrfToken,
    };
  }

  async function loadUserActor(userId: string, sessionId: string, csrfToken: string): Promise<UserActor | null> {
    const user = await org.findUser(db, userId);
    if (!user) return null;
    const extra = (await org.extraLocationIds(db, [userId])).get(userId) ?? [];
    return userActor(user, extra, sessionId, csrfToken);
  }

  async function resolveSession(token: string): Promise<UserActor | null> {
    const id = sha256(token);
    const found = await repo.findSessionWithUser(db, id);
    if (!found) return null;
    const { session } = found;
    const now = clock.now();
    if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleMs) {
      await repo.deleteSession(db, id);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await repo.touchSession(db, id, now);
    return userActor(found.user, found.extraLocationIds, id, session.csrfToken);
  }

  async function resolveApiKey(secret: string): Promise<ApiKeyActor | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const hash = sha256(secret);
    const cached = apiKeyCache.get(hash);
    if (cached) return cached;
    const key = await repo.findActiveApiKeyByHash(db, hash);
    if (!key) return null;
    const now = clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await repo.markApiKeyUsed(db, key.id, now);
    }
    const actor: ApiKeyActor = { kind: 'apiKey', apiKeyId: key.id, name: key.name, scopes: key.scopes };
    apiKeyCache.set(hash, actor);
    return actor;
  }

  /**
   * Desk phones (Yealink, Snom…) fetch their remote phonebook with the
   * credentials in the URL, i.e. HTTP Basic: the API key is the password,
   * the user name is ignored.
   */
  function basicAuthApiKey(header: string | undefined): string | undefined {
    if (!header?.startsWith('Basic ')) return undefined;
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const password = decoded.slice(decoded.indexOf(':') + 1);
    return password.startsWith(API_KEY_PREFIX) ? password : undefined;
  }

  const authenticator: Authenticator = {
    async authenticate(request: FastifyRequest): Promise<Actor | null> {
      const header = request.headers.authorization;
      const apiKey =
        (typeof request.headers['x-api-key'] === 'string' ? request.headers['x-api-key'] : undefined) ??
        (header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined) ??
        basicAuthApiKey(header);
      if (apiKey) return resolveApiKey(apiKey);
      const token = request.cookies[SESSION_COOKIE];
      return token ? resolveSession(token) : null;
    },
  };

  function presentApiKey(row: Awaited<ReturnType<typeof repo.listApiKeys>>[number]): ApiKey {
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    };
  }

  return {
    authenticator,

    /**
     * Checks the password and opens a session. Each attempt is booked as a
     * failure before the password is checked, per account and per IP in the
     * database: the limit holds across processes and against parallel bursts.
     */
    async login(email: string, password: string, client: { ip: string; userAgent?: string }) {
      const now = clock.now();
      const since = new Date(now.getTime() - config.loginLimits.windowMinutes * 60_000);
      const retryAfter = config.loginLimits.windowMinutes * 60;
      const booked = await db.transaction((tx) =>
        repo.reserveAttempt(
          tx,
          { email, ip: client.ip, at: now },
          { since, perAccount: config.loginLimits.perAccount, perIp: config.loginLimits.perIp },
        ),
      );
      if ('limit' in booked) {
        throw new TooManyRequestsError(
          booked.limit === 'account'
            ? 'Too many failed logins for this account. Please wait and try again.'
            : 'Too many failed logins from this address. Please wait and try again.',
          retryAfter,
        );
      }
      const user = await org.findUserByEmail(db, email);
      const ok = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyPassword(await timingDummyHash(), password);
      if (!user || !ok || !user.active) throw new UnauthorizedError('E-mail address or password is wrong.');
      const token = randomToken();
      const csrfToken = randomToken(24);
      const id = sha256(token);
      await db.transaction(async (tx) => {
        await repo.markAttemptSucceeded(tx, booked.id, email);
        await repo.insertSession(tx, {
          id,
          userId: user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + maxMs),
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
        });
        await org.recordLogin(tx, user.id, now);
      });
      const actor = (await loadUserActor(user.id, id, csrfToken))!;
      return { token, actor, maxAgeSeconds: Math.floor(maxMs / 1000) };
    },

    logout: (actor: UserActor) => repo.deleteSession(db, actor.sessionId),

    /** Of these sessions, the ones a request could still use: not ended, not expired, user active. */
    async openSessions(ids: string[]): Promise<Set<string>> {
      const now = clock.now();
      return new Set(await repo.openSessionIds(db, ids, now, new Date(now.getTime() - idleMs)));
    },

    /**
     * A new password ends every other session of the user (a stolen cookie
     * stops working with the old password) and gives the current session a
     * new CSRF token, which is returned.
     */
    async changePassword(actor: UserActor, currentPassword: string, newPassword: string): Promise<UserActor> {
      const user = await org.findUser(db, actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ValidationError([
          {
            field: 'currentPassword',
            in: 'body',
            code: 'not_current_password',
            message: 'is not your current password',
          },
        ]);
      }
      if (currentPassword === newPassword) {
        throw new ValidationError([
          { field: 'newPassword', in: 'body', code: 'must_differ', message: 'must differ from the current one' },
        ]);
      }
      const passwordHash = await hashPassword(newPassword);
      const csrfToken = randomToken(24);
      await db.transaction(async (tx) => {
        await org.setOwnPassword(tx, actor.userId, passwordHash, clock.now());
        await repo.deleteOtherSessionsOfUser(tx, actor.userId, actor.sessionId);
        await repo.setSessionCsrfToken(tx, actor.sessionId, csrfToken);
        await recordAudit(tx, clock.now(), actor, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: actor.userId,
        });
      });
      return { ...actor, mustChangePassword: false, csrfToken };
    },

    me(actor: UserActor): Me {
      return {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        role: actor.role,
        homeLocationId: actor.homeLocationId,
        locationIds: actor.locationIds,
        locale: actor.locale,
        mustChangePassword: actor.mustChangePassword,
      };
    },

    async listApiKeys(): Promise<ApiKey[]> {
      return (await repo.listApiKeys(db)).map(presentApiKey);
    },

    /** The secret is only returned here; the database keeps its SHA-256. */
    async createApiKey(actor: UserActor, input: z.output<typeof ApiKeyCreate>) {
      const secret = `${API_KEY_PREFIX}${randomToken(30)}`;
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertApiKey(tx, {
          name: input.name,
          prefix: secret.slice(0, 10),
          keyHash: sha256(secret),
          scopes: input.scopes,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock.now(), actor, {
          action: 'api_key.created',
          entityType: 'api_key',
          entityId: created.id,
          data: { name: input.name, scopes: input.scopes },
        });
        return created;
      });
      return { ...presentApiKey(row), secret };
    },

    async revokeApiKey(actor: UserActor, id: string) {
      await db.transaction(async (tx) => {
        const row = await repo.revokeApiKey(tx, id, clock.now());
        if (!row) throw new NotFoundError('Active API key');
        await recordAudit(tx, clock.now(), actor, { action: 'api_key.revoked', entityType: 'api_key', entityId: id });
      });
      apiKeyCache.forget(id);
    },

    /** Housekeeping, run by the scheduler. */
    async purgeExpired() {
      const now = clock.now();
      await repo.deleteExpiredSessions(db, now, new Date(now.getTime() - idleMs));
      await repo.deleteOldAttempts(db, new Date(now.getTime() - 7 * 86_400_000));
    },
  };
}
