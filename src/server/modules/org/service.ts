import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { DEPARTMENT_KINDS, type DepartmentKind } from '@shared/org/enums';
import type { Location, LocationInput, User, UserCreate, UserUpdate } from '@shared/org/schemas';
import { VersionedValue } from '@server/db/reference-version';
import type { Deps } from '@server/deps';
import type { Actor, UserActor } from '@server/http/access';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { generatePassword, hashPassword } from '@server/lib/crypto';
import type { DbOrTx } from '@server/db/client';
import * as repo from './repo';
import { departments, locations, users } from './tables';

const DEPARTMENT_NAMES: Record<DepartmentKind, string> = {
  sales: 'Verkauf',
  service: 'Service',
  parts: 'Teile & Zubehör',
  administration: 'Verwaltung',
};

function presentLocation(row: Awaited<ReturnType<typeof repo.listLocations>>[number]): Location {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    street: row.street,
    postalCode: row.postalCode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    federalState: row.federalState,
    openingHours: row.openingHours,
    active: row.active,
    departments: row.departments.map((d) => ({ id: d.id, kind: d.kind, name: d.name })),
  };
}

export function presentUser(row: repo.UserRow, extra: string[]): User {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: `${row.firstName} ${row.lastName}`,
    role: row.role,
    homeLocationId: row.homeLocationId,
    locationIds: [row.homeLocationId, ...extra.filter((l) => l !== row.homeLocationId)],
    department: row.department,
    phoneExtension: row.phoneExtension,
    locale: row.locale,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export type OrgService = ReturnType<typeof createOrgService>;

/**
 * What org needs from the module that keeps sessions: a user whose rights
 * change must lose their live sessions, in the same transaction.
 */
export interface SessionsOfUsers {
  revokeSessionsOfUser(tx: DbOrTx, userId: string): Promise<void>;
}

export function createOrgService({ db, clock }: Deps, sessions: SessionsOfUsers) {
  const cachedLocations = new VersionedValue(
    async () => new Map((await repo.listLocations(db)).map((row) => [row.id, presentLocation(row)])),
  );

  async function assertLocationsExist(ids: string[], field: string) {
    const found = await repo.existingLocationIds(db, ids);
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) {
      throw new ValidationError([
        {
          field: field.endsWith('Ids') ? `${field}.${missing}` : field,
          in: 'body',
          code: 'unknown_location',
          message: 'unknown location',
        },
      ]);
    }
  }

  async function loadUser(id: string): Promise<User> {
    const row = await repo.findUser(db, id);
    if (!row) throw new NotFoundError('User');
    const extra = await repo.extraLocationIds(db, [id]);
    return presentUser(row, extra.get(id) ?? []);
  }

  return {
    async listLocations(): Promise<Location[]> {
      return (await repo.listLocations(db)).map(presentLocation);
    },

    /**
     * Locations from memory, valid for a reference version the caller read
     * (intake looks its location up on every request).
     */
    async locationsAt(version: number | null): Promise<ReadonlyMap<string, Location>> {
      return cachedLocations.get(version);
    },

    /** The location with this code (upper case), or null. */
    async findLocationByCode(code: string): Promise<Location | null> {
      const row = await repo.findFullLocationByCode(db, code.toUpperCase());
      return row ? presentLocation(row) : null;
    },

    async getLocation(id: string): Promise<Location> {
      const row = await repo.findLocation(db, id);
      if (!row) throw new NotFoundError('Location');
      return presentLocation(row);
    },

    async createLocation(actor: Actor | null, input: LocationInput): Promise<Location> {
      if (await repo.findLocationByCode(db, input.code)) {
        throw new ConflictError('A location with this code exists already.', [
          { field: 'code', in: 'body', code: 'already_in_use', message: 'already in use' },
        ]);
      }
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(locations)
          .values({ ...input, email: input.email ?? null })
          .returning({ id: locations.id });
        await tx
          .insert(departments)
          .values(DEPARTMENT_KINDS.map((kind) => ({ locationId: row!.id, kind, name: DEPARTMENT_NAMES[kind] })));
        await recordAudit(tx, clock.now(), actor, {
          action: 'location.created',
          entityType: 'location',
          entityId: row!.id,
          data: { name: input.name },
        });
        return row!.id;
      });
      return this.getLocation(id);
    },

    async updateLocation(actor: Actor, id: string, input: Partial<LocationInput>): Promise<Location> {
      const current = await repo.findLocation(db, id);
      if (!current) throw new NotFoundError('Location');
      if (input.code && input.code !== current.code && (await repo.findLocationByCode(db, input.code))) {
        throw new ConflictError('A location with this code exists already.', [
          { field: 'code', in: 'body', code: 'already_in_use', message: 'already in use' },
        ]);
      }
      await db.transaction(async (tx) => {
        await tx
          .update(locations)
          .set({ ...input, updatedAt: clock.now() })
          .where(eq(locations.id, id));
        await recordAudit(tx, clock.now(), actor, {
          action: 'location.updated',
          entityType: 'location',
          entityId: id,
          data: { fields: Object.keys(input) },
        });
      });
      return this.getLocation(id);
    },

    /** Admins see everyone; managers the users of their own locations. */
    async listUsers(actor: UserActor): Promise<User[]> {
      const rows = await repo.listUsers(db, actor.role === 'admin' ? null : actor.locationIds);
      const extra = await repo.extraLocationIds(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => presentUser(r, extra.get(r.id) ?? []));
    },

    /** Everyone's name and role, for pickers (assignee, consultant…); no contact data. */
    async directory() {
      const rows = await repo.listUsers(db, null);
      const extra = await repo.extraLocationIds(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => {
        const u = presentUser(r, extra.get(r.id) ?? []);
        return {
          id: u.id,
          displayName: u.displayName,
          role: u.role,
          homeLocationId: u.homeLocationId,
          locationIds: u.locationIds,
          department: u.department,
          active: u.active,
        };
      });
    },

    getUser: loadUser,

    /** Names and active flags of the given users, for references on other records (consultant, author…). */
    /**
     * Colleagues by id. `listName` ("Weiß, Jürgen") is for lists and tables, where customers
     * already read "Nachname, Vorname": one order in a column, sorted the way people look for names.
     */
    async userRefs(
      ids: string[],
    ): Promise<Map<string, { id: string; displayName: string; listName: string; active: boolean }>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, active: users.active })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            displayName: `${r.firstName} ${r.lastName}`,
            listName: `${r.lastName}, ${r.firstName}`,
            active: r.active,
          },
        ]),
      );
    },

    /** Creates a user; without a password, one is generated and returned once. */
    async createUser(
      actor: Actor | null,
      input: z.output<typeof UserCreate>,
      options: { mustChangePassword?: boolean } = {},
    ): Promise<{ user: User; initialPassword?: string }> {
      await assertLocationsExist([input.homeLocationId], 'homeLocationId');
      await assertLocationsExist(input.locationIds, 'locationIds');
      if (await repo.findUserByEmail(db, input.email)) {
        throw new ConflictError('A user with this e-mail address exists already.', [
          { field: 'email', in: 'body', code: 'already_in_use', message: 'already in use' },
        ]);
      }
      const generated = input.password ? undefined : generatePassword();
      const passwordHash = await hashPassword(input.password ?? generated!);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({
            email: input.email,
            firstName: input.firstName,
            lastName: input.lastName,
            passwordHash,
            role: input.role,
            homeLocationId: input.homeLocationId,
            department: input.department,
            phoneExtension: input.phoneExtension,
            locale: input.locale,
            active: input.active,
            mustChangePassword: options.mustChangePassword ?? generated !== undefined,
          })
          .returning({ id: users.id });
        await repo.setExtraLocations(
          tx,
          row!.id,
          input.locationIds.filter((l) => l !== input.homeLocationId),
        );
        await recordAudit(tx, clock.now(), actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: row!.id,
          data: { email: input.email, role: input.role },
        });
        return row!.id;
      });
      return { user: await loadUser(id), initialPassword: generated };
    },

    async updateUser(actor: Actor, id: string, input: z.output<typeof UserUpdate>): Promise<User> {
      const current = await repo.findUser(db, id);
      if (!current) throw new NotFoundError('User');
      if (input.homeLocationId) await assertLocationsExist([input.homeLocationId], 'homeLocationId');
      if (input.locationIds) await assertLocationsExist(input.locationIds, 'locationIds');
      if (input.email && input.email !== current.email.toLowerCase()) {
        const other = await repo.findUserByEmail(db, input.email);
        if (other && other.id !== id) {
          throw new ConflictError('A user with this e-mail address exists already.', [
            { field: 'email', in: 'body', code: 'already_in_use', message: 'already in use' },
          ]);
        }
      }
      if (
        actor.kind === 'user' &&
        actor.userId === id &&
        ((input.role && input.role !== 'admin') || input.active === false)
      ) {
        throw new ValidationError([
          {
            field: input.role ? 'role' : 'active',
            in: 'body',
            code: 'cannot_demote_self',
            message: 'you cannot demote or deactivate yourself',
          },
        ]);
      }
      const { locationIds, ...fields } = input;
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ ...fields, updatedAt: clock.now() })
          .where(eq(users.id, id));
        if (locationIds) {
          const home = input.homeLocationId ?? current.homeLocationId;
          await repo.setExtraLocations(
            tx,
            id,
            locationIds.filter((l) => l !== home),
          );
        }
        // A deactivated user or changed role must not keep a live session with old rights.
        if (input.active === false || (input.role && input.role !== current.role)) {
          await sessions.revokeSessionsOfUser(tx, id);
        }
        await recordAudit(tx, clock.now(), actor, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          data: { fields: Object.keys(input) },
        });
      });
      return loadUser(id);
    },

    async resetPassword(actor: Actor, id: string, password?: string): Promise<{ password: string }> {
      const current = await repo.findUser(db, id);
      if (!current) throw new NotFoundError('User');
      const next = password ?? generatePassword();
      const passwordHash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: password === undefined, updatedAt: clock.now() })
          .where(eq(users.id, id));
        await sessions.revokeSessionsOfUser(tx, id);
        await recordAudit(tx, clock.now(), actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
      });
      return { password: next };
    },

    countUsers: () => repo.countUsers(db),
  };
}
