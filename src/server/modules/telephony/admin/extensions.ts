import { isUniqueViolationOf } from '@server/db/unique-violation';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Extension, ExtensionInput, ExtensionUpdate } from '@shared/telephony/schemas';
import type { Deps } from '@server/deps';
import type { Actor, UserActor } from '@server/http/access';
import { ConflictError, NotFoundError } from '@server/http/errors';
import type { DbOrTx } from '@server/db/client';
import { recordAudit } from '@server/modules/audit';
import type { EventBus } from '@server/modules/notifications';
import { CONNECTIONS_CHANNEL, type ConnectionsChanged } from './connections';
import { userReadModel } from '@server/modules/org';
import { telephonyConnections, telephonyExtensions } from '../tables';
import { activeUsers, FieldErrors, seesTelephonyOf } from './checks';

type Input = z.output<typeof ExtensionInput>;
type Update = z.output<typeof ExtensionUpdate>;

const taken = () =>
  new ConflictError('This extension is already mapped on this connection.', [
    { field: 'extension', in: 'body', code: 'already_in_use', message: 'already in use' },
  ]);

export function createExtensionsAdmin({ db, clock }: Deps, events: EventBus) {
  /** Tells the process holding the link (through the event bus) to bring its monitors up to date. */
  const devicesChanged = async (tx: DbOrTx, connectionIds: string[]) => {
    for (const connectionId of new Set(connectionIds)) {
      await events.publish(tx, CONNECTIONS_CHANNEL, {
        connectionId,
        change: 'extensions',
      } satisfies ConnectionsChanged);
    }
  };

  /** With a viewer, only the extensions of phone systems the viewer may see. */
  async function list(
    filter: { connectionId?: string; id?: string } = {},
    viewer?: UserActor,
  ): Promise<Array<z.infer<typeof Extension>>> {
    const found = await db
      .select({
        ext: telephonyExtensions,
        ...userReadModel.names,
        locationId: telephonyConnections.locationId,
      })
      .from(telephonyExtensions)
      .innerJoin(userReadModel.table, userReadModel.joinOn(telephonyExtensions.userId))
      .innerJoin(telephonyConnections, eq(telephonyConnections.id, telephonyExtensions.connectionId))
      .where(
        filter.id
          ? eq(telephonyExtensions.id, filter.id)
          : filter.connectionId
            ? eq(telephonyExtensions.connectionId, filter.connectionId)
            : undefined,
      )
      .orderBy(asc(telephonyExtensions.connectionId), asc(telephonyExtensions.extension));
    const rows = viewer ? found.filter((r) => seesTelephonyOf(viewer, r.locationId)) : found;
    return rows.map(({ ext, firstName, lastName }) => ({
      id: ext.id,
      connectionId: ext.connectionId,
      extension: ext.extension,
      user: { id: ext.userId, displayName: `${firstName} ${lastName}` },
      label: ext.label,
      monitored: ext.monitored,
    }));
  }

  async function get(id: string) {
    const [row] = await list({ id });
    if (!row) throw new NotFoundError('Extension');
    return row;
  }

  /** The connection must exist and the user must be able to take calls. */
  async function check(fields: { connectionId?: string; userId?: string }) {
    const errors = new FieldErrors();
    if (fields.connectionId) {
      const [c] = await db
        .select({ id: telephonyConnections.id })
        .from(telephonyConnections)
        .where(eq(telephonyConnections.id, fields.connectionId));
      if (!c) errors.add('connectionId', { code: 'unknown_connection' }, 'unknown connection');
    }
    if (fields.userId) {
      const active = (await activeUsers(db, [fields.userId])).get(fields.userId);
      if (active === undefined) errors.add('userId', { code: 'unknown_user' }, 'unknown user');
      else if (!active) errors.add('userId', { code: 'inactive_user' }, 'must be an active user');
    }
    errors.throwIfAny();
  }

  async function assertFree(connectionId: string, extension: string, selfId?: string) {
    const rows = await db
      .select({ id: telephonyExtensions.id, extension: telephonyExtensions.extension })
      .from(telephonyExtensions)
      .where(eq(telephonyExtensions.connectionId, connectionId));
    if (rows.some((r) => r.extension === extension && r.id !== selfId)) throw taken();
  }

  return {
    list,
    get,

    async create(actor: Actor, input: Input) {
      await check(input);
      await assertFree(input.connectionId, input.extension);
      const now = clock.now();
      const id = await db
        .transaction(async (tx) => {
          const [row] = await tx.insert(telephonyExtensions).values(input).returning({ id: telephonyExtensions.id });
          await recordAudit(tx, now, actor, {
            action: 'telephony.extension.created',
            entityType: 'telephony_extension',
            entityId: row!.id,
            data: { connectionId: input.connectionId, extension: input.extension, userId: input.userId },
          });
          await devicesChanged(tx, [input.connectionId]);
          return row!.id;
        })
        .catch((error: unknown) => {
          if (isUniqueViolationOf(error, 'telephony_extensions_uq')) throw taken();
          throw error;
        });
      return get(id);
    },

    async update(actor: Actor, id: string, input: Update) {
      const current = await get(id);
      await check({ connectionId: input.connectionId, userId: input.userId });
      const connectionId = input.connectionId ?? current.connectionId;
      const extension = input.extension ?? current.extension;
      await assertFree(connectionId, extension, id);
      await db
        .transaction(async (tx) => {
          await tx.update(telephonyExtensions).set(input).where(eq(telephonyExtensions.id, id));
          await recordAudit(tx, clock.now(), actor, {
            action: 'telephony.extension.updated',
            entityType: 'telephony_extension',
            entityId: id,
            data: { fields: Object.keys(input), extension, userId: input.userId ?? current.user.id },
          });
          await devicesChanged(tx, [current.connectionId, connectionId]);
        })
        .catch((error: unknown) => {
          if (isUniqueViolationOf(error, 'telephony_extensions_uq')) throw taken();
          throw error;
        });
      return get(id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const current = await get(id);
      await db.transaction(async (tx) => {
        await tx.delete(telephonyExtensions).where(eq(telephonyExtensions.id, id));
        await recordAudit(tx, clock.now(), actor, {
          action: 'telephony.extension.deleted',
          entityType: 'telephony_extension',
          entityId: id,
          data: { connectionId: current.connectionId, extension: current.extension, userId: current.user.id },
        });
        await devicesChanged(tx, [current.connectionId]);
      });
    },
  };
}
