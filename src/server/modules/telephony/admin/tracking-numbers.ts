import { isUniqueViolationOf } from '@server/db/unique-violation';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { parsePhone } from '@shared/contacts/normalize';
import type { TrackingNumber, TrackingNumberInput, TrackingNumberUpdate } from '@shared/telephony/schemas';
import type { Deps } from '@server/deps';
import type { Actor, UserActor } from '@server/http/access';
import { ConflictError, NotFoundError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { userNames } from '@server/modules/org';
import { trackingNumbers } from '../tables';
import { activeUsers, FieldErrors, locationExists, seesTelephonyOf } from './checks';

type Input = z.output<typeof TrackingNumberInput>;
type Update = z.output<typeof TrackingNumberUpdate>;
type Row = typeof trackingNumbers.$inferSelect;

const taken = () =>
  new ConflictError('This number is already a tracking number.', [
    { field: 'number', in: 'body', code: 'already_in_use', message: 'already in use' },
  ]);

export function createTrackingNumbersAdmin({ db, clock }: Deps) {
  async function present(rows: Row[]): Promise<Array<z.infer<typeof TrackingNumber>>> {
    const ids = [...new Set(rows.flatMap((r) => [r.routeUserId, ...r.routeGroupUserIds]).filter(Boolean))] as string[];
    const names = await userNames(db, ids);
    const ref = (id: string) => ({ id, displayName: names.get(id) ?? '' });
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      label: r.label,
      source: r.source,
      campaign: r.campaign,
      channel: r.channel,
      listingRef: r.listingRef,
      locationId: r.locationId,
      routeUser: r.routeUserId ? ref(r.routeUserId) : null,
      routeGroup: r.routeGroupUserIds.filter((id) => names.has(id)).map(ref),
      active: r.active,
    }));
  }

  async function get(id: string) {
    const rows = await db.select().from(trackingNumbers).where(eq(trackingNumbers.id, id));
    if (rows.length === 0) throw new NotFoundError('Tracking number');
    return (await present(rows))[0]!;
  }

  /** Reads the number into E.164 and checks every reference; one answer names every bad field. */
  async function check(input: Update, selfId?: string): Promise<string | undefined> {
    const errors = new FieldErrors();
    let e164: string | undefined;
    if (input.number !== undefined) {
      const parsed = parsePhone(input.number);
      if (!parsed.e164 || !parsed.valid) errors.add('number', { code: 'invalid_phone' }, 'is not a valid phone number');
      else e164 = parsed.e164;
    }
    if (input.locationId && !(await locationExists(db, input.locationId)))
      errors.add('locationId', { code: 'unknown_location' }, 'unknown location');
    const group = input.routeGroupUserIds ?? [];
    const states = await activeUsers(db, [...(input.routeUserId ? [input.routeUserId] : []), ...group]);
    if (input.routeUserId && !states.get(input.routeUserId))
      errors.add('routeUserId', { code: 'inactive_user' }, 'must be an active user');
    group.forEach((id, i) => {
      if (!states.get(id)) errors.add(`routeGroupUserIds.${i}`, { code: 'inactive_user' }, 'must be an active user');
    });
    errors.throwIfAny();
    if (e164) {
      const [other] = await db
        .select({ id: trackingNumbers.id })
        .from(trackingNumbers)
        .where(eq(trackingNumbers.number, e164));
      if (other && other.id !== selfId) throw taken();
    }
    return e164;
  }

  const mapUnique = (error: unknown): never => {
    if (isUniqueViolationOf(error, 'tracking_numbers_number_uq')) throw taken();
    throw error;
  };

  return {
    get,

    async list(viewer: UserActor) {
      const rows = await db.select().from(trackingNumbers).orderBy(asc(trackingNumbers.label));
      return present(rows.filter((r) => seesTelephonyOf(viewer, r.locationId)));
    },

    async create(actor: Actor, input: Input) {
      const number = (await check(input))!;
      const now = clock.now();
      const id = await db
        .transaction(async (tx) => {
          const [row] = await tx
            .insert(trackingNumbers)
            .values({ ...input, number })
            .returning({ id: trackingNumbers.id });
          await recordAudit(tx, now, actor, {
            action: 'telephony.tracking-number.created',
            entityType: 'tracking_number',
            entityId: row!.id,
            data: { number, label: input.label, source: input.source },
          });
          return row!.id;
        })
        .catch(mapUnique);
      return get(id);
    },

    async update(actor: Actor, id: string, input: Update) {
      await get(id);
      const number = await check(input, id);
      const now = clock.now();
      await db
        .transaction(async (tx) => {
          await tx
            .update(trackingNumbers)
            .set({ ...input, ...(number ? { number } : {}), updatedAt: now })
            .where(eq(trackingNumbers.id, id));
          await recordAudit(tx, now, actor, {
            action: 'telephony.tracking-number.updated',
            entityType: 'tracking_number',
            entityId: id,
            data: { fields: Object.keys(input) },
          });
        })
        .catch(mapUnique);
      return get(id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const current = await get(id);
      await db.transaction(async (tx) => {
        await tx.delete(trackingNumbers).where(eq(trackingNumbers.id, id));
        await recordAudit(tx, clock.now(), actor, {
          action: 'telephony.tracking-number.deleted',
          entityType: 'tracking_number',
          entityId: id,
          data: { number: current.number, label: current.label },
        });
      });
    },
  };
}
