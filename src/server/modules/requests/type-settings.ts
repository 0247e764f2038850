import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { REQUEST_TYPES, type RequestType } from '@shared/requests/enums';
import type { TypeSetting, TypeSettingInput } from '@shared/requests/settings';
import type { DbOrTx } from '@server/db/client';
import { referenceVersion, VersionedValue } from '@server/db/reference-version';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { recordAudit } from '@server/modules/audit';
import { DEFAULT_DEADLINE, type FirstContactDeadline } from './sla';
import { requestTypeSettings } from './tables';

export type TypeSettingsService = ReturnType<typeof createTypeSettings>;

/** Per request type: how soon the first contact is due (R3.3, configurable per type). */
export function createTypeSettings({ db, clock }: Deps) {
  // Intake reads the deadlines on every request: from memory, while the reference version stays.
  const cached = new VersionedValue(load);

  async function load(): Promise<Map<RequestType, FirstContactDeadline>> {
    const rows = await db.select().from(requestTypeSettings);
    return new Map(rows.map((r) => [r.type, { amount: r.firstContactAmount, unit: r.firstContactUnit }]));
  }

  async function acknowledged(): Promise<Set<RequestType>> {
    const rows = await db.select().from(requestTypeSettings);
    return new Set(rows.filter((r) => r.acknowledgement).map((r) => r.type));
  }

  return {
    /** Pass the reference version when the caller has read it already. */
    async deadlineFor(type: RequestType, version?: number | null): Promise<FirstContactDeadline> {
      const deadlines = await cached.get(version === undefined ? await referenceVersion(db) : version);
      return deadlines.get(type) ?? DEFAULT_DEADLINE;
    },

    /** Whether requests of this type that come in by e-mail or web form are acknowledged (default: no). */
    async acknowledgementFor(tx: DbOrTx, type: RequestType): Promise<boolean> {
      const [row] = await tx
        .select({ on: requestTypeSettings.acknowledgement })
        .from(requestTypeSettings)
        .where(eq(requestTypeSettings.type, type));
      return row?.on ?? false;
    },

    async list(): Promise<TypeSetting[]> {
      const [set, acks] = await Promise.all([load(), acknowledged()]);
      return REQUEST_TYPES.map((type) => {
        const d = set.get(type);
        return {
          type,
          firstContactAmount: (d ?? DEFAULT_DEADLINE).amount,
          firstContactUnit: (d ?? DEFAULT_DEADLINE).unit,
          acknowledgement: acks.has(type),
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
        acknowledgement: input.acknowledgement,
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
          data: {
            firstContactAmount: input.firstContactAmount,
            firstContactUnit: input.firstContactUnit,
            acknowledgement: input.acknowledgement,
          },
        });
      });
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
      return this.list();
    },
  };
}
