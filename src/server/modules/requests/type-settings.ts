import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { REQUEST_TYPES, type RequestType } from '../../../shared/requests/enums';
import type { TypeSetting, TypeSettingInput } from '../../../shared/requests/settings';
import type { Deps } from '../../deps';
import type { UserActor } from '../../http/access';
import { recordAudit } from '../audit/service';
import { DEFAULT_DEADLINE, type FirstContactDeadline } from './sla';
import { requestTypeSettings } from './tables';

/** Intake reads the deadlines on every request; a change shows in another process within this time. */
const CACHE_MS = 10_000;

export type TypeSettingsService = ReturnType<typeof createTypeSettings>;

/** Per request type: how soon the first contact is due (R3.3, configurable per type). */
export function createTypeSettings({ db, clock }: Deps) {
  let cached: { until: number; deadlines: Map<RequestType, FirstContactDeadline> } | null = null;

  async function load(): Promise<Map<RequestType, FirstContactDeadline>> {
    const rows = await db.select().from(requestTypeSettings);
    return new Map(rows.map((r) => [r.type, { amount: r.firstContactAmount, unit: r.firstContactUnit }]));
  }

  async function stored(): Promise<Map<RequestType, FirstContactDeadline>> {
    // Wall time: the cache is about load, the ManualClock of tests must not keep it alive.
    if (cached && cached.until > Date.now()) return cached.deadlines;
    const deadlines = await load();
    cached = { until: Date.now() + CACHE_MS, deadlines };
    return deadlines;
  }

  return {
    async deadlineFor(type: RequestType): Promise<FirstContactDeadline> {
      return (await stored()).get(type) ?? DEFAULT_DEADLINE;
    },

    async list(): Promise<TypeSetting[]> {
      const set = await load();
      return REQUEST_TYPES.map((type) => {
        const d = set.get(type);
        return {
          type,
          firstContactAmount: (d ?? DEFAULT_DEADLINE).amount,
          firstContactUnit: (d ?? DEFAULT_DEADLINE).unit,
          isDefault: !d,
        };
      });
    },

    async update(
      actor: UserActor,
      type: RequestType,
      input: z.output<typeof TypeSettingInput>,
    ): Promise<TypeSetting[]> {
      const now = clock.now();
      const values = {
        firstContactAmount: input.firstContactAmount,
        firstContactUnit: input.firstContactUnit,
        updatedBy: actor.userId,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(requestTypeSettings)
          .values({ type, ...values })
          .onConflictDoUpdate({ target: requestTypeSettings.type, set: values });
        await recordAudit(tx, now, actor, {
          action: 'request_type_settings.changed',
          entityType: 'request_type',
          entityId: type,
          data: { firstContactAmount: input.firstContactAmount, firstContactUnit: input.firstContactUnit },
        });
      });
      cached = null;
      return this.list();
    },

    /** Back to one working day. */
    async reset(actor: UserActor, type: RequestType): Promise<TypeSetting[]> {
      await db.transaction(async (tx) => {
        await tx.delete(requestTypeSettings).where(eq(requestTypeSettings.type, type));
        await recordAudit(tx, clock.now(), actor, {
          action: 'request_type_settings.reset',
          entityType: 'request_type',
          entityId: type,
        });
      });
      cached = null;
      return this.list();
    },
  };
}
