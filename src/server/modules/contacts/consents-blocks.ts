import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Channel, ConsentPurpose, ConsentSource, ConsentStatus } from '@shared/contacts/enums';
import type {
  BlockInput,
  ConsentHistoryEntry,
  ConsentInput,
  ConsentState,
  UnblockInput,
} from '@shared/contacts/schemas';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { authorOf } from '@server/http/actor';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import type { OrgService } from '@server/modules/org';
import { recordTimeline } from '@server/modules/timeline';
import { iso } from './detail';
import { timelineText } from '@shared/texts/timeline';
import * as repo from './repo';
import { consents, contactBlocks } from './tables';

/** A contact that can still be changed: it exists and was not merged away. Locks it for the transaction. */
export async function lockLiveContact(tx: Parameters<typeof repo.findContact>[0], id: string) {
  const row = await repo.findContact(tx, id, true);
  if (!row) throw new NotFoundError('Contact');
  if (row.mergedIntoId) throw new ConflictError('This contact was merged into another one; change that one instead.');
  return row;
}

export interface ConsentWrite {
  channel: Channel;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  effectiveAt: Date;
  source: ConsentSource;
  note?: string | null;
}

/** Appends decisions to the history with their timeline entries, in the caller's transaction. */
export async function writeConsents(
  tx: DbOrTx,
  actor: Actor | null,
  contactId: string,
  entries: ConsentWrite[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const rows = await tx
    .insert(consents)
    .values(
      entries.map((e) => ({
        contactId,
        channel: e.channel,
        purpose: e.purpose,
        status: e.status,
        effectiveAt: e.effectiveAt,
        source: e.source,
        note: e.note ?? null,
        recordedBy: authorOf(actor),
        createdAt: now,
      })),
    )
    .returning({ id: consents.id });
  await recordTimeline(
    tx,
    entries.map((e, i) => ({
      contactId,
      kind: 'consent_changed',
      occurredAt: now,
      authorId: authorOf(actor),
      ...timelineText('timeline.consent', { status: e.status, channel: e.channel, purpose: e.purpose }),
      body: e.note ?? null,
      data: { channel: e.channel, purpose: e.purpose, status: e.status, source: e.source },
      sourceType: 'consent',
      sourceId: rows[i]!.id,
    })),
  );
}

/** GDPR consent history (append-only) and blocks (Sperren). */
export function createConsentAndBlockFunctions({ db, clock }: Deps, org: OrgService) {
  async function userRefMap(ids: Array<string | null>) {
    return org.userRefs(ids.filter((v): v is string => Boolean(v)));
  }

  return {
    /** Appends a decision; earlier ones stay as proof. */
    async recordConsent(actor: Actor, contactId: string, input: z.output<typeof ConsentInput>): Promise<void> {
      const now = clock.now();
      const effectiveAt = input.effectiveAt ? new Date(input.effectiveAt) : now;
      if (effectiveAt > now) {
        throw new ValidationError([
          { field: 'effectiveAt', in: 'body', code: 'in_future', message: 'must not be in the future' },
        ]);
      }
      await db.transaction(async (tx) => {
        await lockLiveContact(tx, contactId);
        await writeConsents(tx, actor, contactId, [{ ...input, effectiveAt }], now);
      });
    },

    async consentHistory(contactId: string): Promise<Array<z.infer<typeof ConsentHistoryEntry>>> {
      if (!(await repo.findContact(db, contactId))) throw new NotFoundError('Contact');
      const found = await db
        .select()
        .from(consents)
        .where(eq(consents.contactId, contactId))
        .orderBy(desc(consents.effectiveAt), desc(consents.createdAt), desc(consents.id));
      const users = await userRefMap(found.map((r) => r.recordedBy));
      return found.map((r) => ({
        id: r.id,
        channel: r.channel,
        purpose: r.purpose,
        status: r.status,
        source: r.source,
        effectiveAt: r.effectiveAt.toISOString(),
        note: r.note,
        recordedBy: r.recordedBy ? (users.get(r.recordedBy) ?? null) : null,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    /** Current consent per contact: the latest decision per channel and purpose (for campaigns). */
    async currentConsents(contactIds: string[]): Promise<Map<string, Array<z.infer<typeof ConsentState>>>> {
      const result = new Map<string, Array<z.infer<typeof ConsentState>>>();
      if (contactIds.length === 0) return result;
      const latest = await db
        .selectDistinctOn([consents.contactId, consents.channel, consents.purpose])
        .from(consents)
        .where(inArray(consents.contactId, contactIds))
        .orderBy(
          consents.contactId,
          consents.channel,
          consents.purpose,
          desc(consents.effectiveAt),
          desc(consents.createdAt),
          desc(consents.id),
        );
      for (const r of latest) {
        const list = result.get(r.contactId) ?? [];
        list.push({
          channel: r.channel,
          purpose: r.purpose,
          status: r.status,
          effectiveAt: iso(r.effectiveAt),
          source: r.source,
        });
        result.set(r.contactId, list);
      }
      return result;
    },

    async block(actor: Actor, contactId: string, input: z.output<typeof BlockInput>): Promise<void> {
      const now = clock.now();
      const until = input.until ? new Date(input.until) : null;
      if (until && until <= now)
        throw new ValidationError([
          { field: 'until', in: 'body', code: 'must_be_future', message: 'must be in the future' },
        ]);
      await db.transaction((tx) => blockContactIn(tx, actor, contactId, { reason: input.reason, until }, now));
    },

    async unblock(actor: Actor, contactId: string, input: z.output<typeof UnblockInput>): Promise<void> {
      const now = clock.now();
      await db.transaction((tx) => unblockContactIn(tx, actor, contactId, input.reason ?? null, now));
    },
  };
}

/** The block in force now, if any (locks nothing). */
export async function activeBlockOf(tx: DbOrTx, contactId: string, now: Date) {
  const row = await repo.activeBlock(tx, contactId, now);
  return row ? { id: row.id } : null;
}

/**
 * Blocks a contact in the caller's transaction, with its timeline entry and audit record;
 * 409 when a block is in force already. `until` must be checked by the caller.
 */
export async function blockContactIn(
  tx: DbOrTx,
  actor: Actor | null,
  contactId: string,
  input: { reason: string; until: Date | null; data?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await lockLiveContact(tx, contactId);
  if (await repo.activeBlock(tx, contactId, now)) throw new ConflictError('This contact is blocked already.');
  const [row] = await tx
    .insert(contactBlocks)
    .values({ contactId, reason: input.reason, blockedBy: authorOf(actor), blockedAt: now, blockedUntil: input.until })
    .returning({ id: contactBlocks.id });
  await recordTimeline(tx, {
    contactId,
    kind: 'blocked',
    occurredAt: now,
    authorId: authorOf(actor),
    ...timelineText('timeline.blocked', { reason: input.reason }),
    data: { until: input.until?.toISOString() ?? null },
    sourceType: 'contact_block',
    sourceId: row!.id,
  });
  await recordAudit(tx, now, actor, {
    action: 'contact.blocked',
    entityType: 'contact',
    entityId: contactId,
    data: { reason: input.reason, ...input.data },
  });
}

/** Lifts the block in force, in the caller's transaction; 409 when there is none. */
export async function unblockContactIn(
  tx: DbOrTx,
  actor: Actor | null,
  contactId: string,
  reason: string | null,
  now: Date,
  data?: Record<string, unknown>,
): Promise<void> {
  await lockLiveContact(tx, contactId);
  const active = await repo.activeBlock(tx, contactId, now);
  if (!active) throw new ConflictError('This contact is not blocked.');
  await tx
    .update(contactBlocks)
    .set({ liftedAt: now, liftedBy: authorOf(actor), liftReason: reason })
    .where(sql`${contactBlocks.id} = ${active.id}`);
  await recordTimeline(tx, {
    contactId,
    kind: 'unblocked',
    occurredAt: now,
    authorId: authorOf(actor),
    ...timelineText('timeline.unblocked', { reason }),
    sourceType: 'contact_block',
    sourceId: active.id,
  });
  await recordAudit(tx, now, actor, {
    action: 'contact.unblocked',
    entityType: 'contact',
    entityId: contactId,
    ...(data ? { data } : {}),
  });
}
