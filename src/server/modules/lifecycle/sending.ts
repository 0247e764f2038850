import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { LifecycleSkipReason } from '@shared/lifecycle/rules';
import { timelineText } from '@shared/texts/timeline';
import { type DbOrTx, rows } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '@server/http/errors';
import type { UserActor } from '@server/http/access';
import { defineJob, exponentialBackoff, NoPayload } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { streamMailMerge, unsubscribePath, unsubscribeTokenIn } from '@server/modules/campaigns';
import type { SendCustomerEmail } from '@server/modules/correspondence';
import type { MergedLetter } from '@server/modules/documents';
import { recordTimeline } from '@server/modules/timeline';
import {
  addresseeOf,
  claimDueEmails,
  composeText,
  letterActions,
  letterheads,
  letterOf,
  reasonNotToSend,
  type SendableAction,
  signerOf,
} from './letters-and-mails';
import { lifecycleActions, lifecyclePrintBatches } from './tables';

/** What lifecycle needs of the modules that write mails; wired in services.ts. */
export interface LifecyclePorts {
  sendCustomerEmailIn(
    tx: DbOrTx,
    input: SendCustomerEmail,
  ): Promise<{ id: string; messageId: string; outboxEmailId: string }>;
  /** An absolute link into this installation. */
  link(path: string): string;
}

/** E-mails per job run: they commit together. */
const BATCH = 100;
/** Attempts before an e-mail that keeps failing is given up ("failed"), with its last error kept. */
export const MAX_SEND_ATTEMPTS = 5;
const retryDelay = exponentialBackoff(5 * 60_000);

/** Refusals of the correspondence that no retry mends, as the reason recorded on the action. */
function refusalReason(err: DomainError): LifecycleSkipReason {
  const code = err.errors?.[0]?.code;
  if (code === 'email_missing') return 'no_email_address';
  if (code === 'contact_blocked') return 'customer_blocked';
  if (code === 'consent_withdrawn') return 'consent_withdrawn';
  return 'consent_missing';
}

export function createLifecycleSending({ db, clock, log }: Deps, jobs: JobsService, ports: LifecyclePorts) {
  async function skip(tx: DbOrTx, id: string, reason: LifecycleSkipReason, now: Date) {
    await tx
      .update(lifecycleActions)
      .set({ status: 'skipped', skipReason: reason, settledAt: now, nextAttemptAt: null })
      .where(eq(lifecycleActions.id, id));
  }

  /** One e-mail, in a savepoint: a failure undoes its own writes only and is retried later. */
  async function sendOne(tx: DbOrTx, action: SendableAction, now: Date): Promise<'sent' | 'skipped' | 'retry'> {
    const reason = await reasonNotToSend(tx, action, now);
    if (reason) {
      await skip(tx, action.id, reason, now);
      return 'skipped';
    }
    try {
      await tx.transaction(async (sp) => {
        const to = await addresseeOf(sp, action.contactId);
        if (!to) throw new NotFoundError('Contact');
        const signer = await signerOf(sp, action);
        const letterhead = action.locationId ? await letterheads(sp)(action.locationId) : null;
        const { subject, text } = composeText(action, to, signer, letterhead, 'email');
        const token = await unsubscribeTokenIn(
          sp,
          { contactId: action.contactId, purpose: action.consentPurpose ?? 'marketing', label: action.ruleName },
          now,
        );
        const link = ports.link(unsubscribePath(token));
        const sent = await ports.sendCustomerEmailIn(sp, {
          contactId: action.contactId,
          sentById: signer.userId,
          subject: subject.slice(0, 200),
          text: `${text}\n\n--\nSie möchten keine E-Mails dieser Art mehr erhalten? Hier abmelden:\n${link}`,
          locationId: action.locationId,
          templateKey: `lifecycle:${action.ruleId}`,
          headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        });
        // The status moves with the mail's outbox row: both commit, or neither does.
        await sp
          .update(lifecycleActions)
          .set({ status: 'sent', messageId: sent.messageId, settledAt: now, nextAttemptAt: null, lastError: null })
          .where(and(eq(lifecycleActions.id, action.id), eq(lifecycleActions.status, 'pending_send')));
      });
      return 'sent';
    } catch (err) {
      if (err instanceof DomainError) {
        await skip(tx, action.id, refusalReason(err), now);
        return 'skipped';
      }
      const attempts = action.attempts + 1;
      const givenUp = attempts >= MAX_SEND_ATTEMPTS;
      await tx
        .update(lifecycleActions)
        .set({
          attempts,
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
          status: givenUp ? 'failed' : 'pending_send',
          nextAttemptAt: givenUp ? null : new Date(now.getTime() + retryDelay(attempts)),
          settledAt: givenUp ? now : null,
        })
        .where(eq(lifecycleActions.id, action.id));
      log.warn({ err, actionId: action.id, attempts }, 'lifecycle e-mail could not be written');
      return 'retry';
    }
  }

  /** Sends the e-mails whose turn has come, a batch per call; returns how each went. */
  async function sendDueEmailsIn(tx: DbOrTx, now: Date) {
    const counts = { sent: 0, skipped: 0, retry: 0, more: false };
    const claimed = await claimDueEmails(tx, now, BATCH);
    for (const action of claimed) counts[await sendOne(tx, action, now)]++;
    counts.more = claimed.length === BATCH;
    return counts;
  }

  const sendJob = jobs.register(
    defineJob({
      kind: 'lifecycle.send',
      payload: NoPayload,
      maxAttempts: 3,
      handler: async (_payload, ctx) => {
        const result = await sendDueEmailsIn(ctx.tx, ctx.now);
        if (result.sent + result.skipped + result.retry > 0) ctx.log.info(result, 'lifecycle e-mails');
        if (result.more) await jobs.schedule(ctx.tx, sendJob, {}, { runAt: ctx.now, uniqueKey: 'lifecycle.send:more' });
      },
    }),
  );
  // Retries come due between runs; the nightly run also starts one right away.
  jobs.every(sendJob, 'every 15 minutes');

  /** Managers and reception print the letters of their locations; administrators anywhere. */
  function assertMayPrint(actor: UserActor, locationId: string) {
    if (!['admin', 'manager', 'reception'].includes(actor.role)) throw new ForbiddenError();
    if (actor.role !== 'admin' && !actor.locationIds.includes(locationId))
      throw new ForbiddenError('You do not work at this location.');
  }

  return {
    sendJob,
    sendDueEmailsIn,

    /** Starts sending now (after a run that left e-mails waiting). */
    async sendSoonIn(tx: DbOrTx, now: Date) {
      await jobs.schedule(tx, sendJob, {}, { runAt: now, uniqueKey: 'lifecycle.send:now' });
    },

    /** The letters waiting at a location, counted per rule, and the batches printed before. */
    async waitingLetters(actor: UserActor, locationId: string) {
      assertMayPrint(actor, locationId);
      const perRule = await rows<{ rule_id: string; rule_name: string; count: number; names: string[] | null }>(
        db,
        sql`SELECT r.id AS rule_id, r.name AS rule_name, count(*)::int AS count,
                   (array_agg(c.display_name ORDER BY c.display_name))[1:5] AS names
              FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id JOIN contacts c ON c.id = a.contact_id
             WHERE a.status = 'pending_send' AND r.action = 'letter' AND a.location_id = ${locationId}::uuid
             GROUP BY r.id, r.name ORDER BY r.name`,
      );
      const batches = await db
        .select()
        .from(lifecyclePrintBatches)
        .where(eq(lifecyclePrintBatches.locationId, locationId))
        .orderBy(desc(lifecyclePrintBatches.createdAt))
        .limit(20);
      return {
        rules: perRule.map((r) => ({ ruleId: r.rule_id, ruleName: r.rule_name, count: r.count, names: r.names ?? [] })),
        batches: batches.map((b) => ({ id: b.id, letterCount: b.letterCount, createdAt: b.createdAt.toISOString() })),
      };
    },

    /**
     * "PDF erstellen": every letter waiting at the location goes into a new batch, marked sent
     * (printed) and written to each customer's timeline, all in one transaction; the PDF is the
     * batch's. Letters of customers sold, blocked or without consent since are skipped instead.
     */
    async createBatch(actor: UserActor, locationId: string) {
      assertMayPrint(actor, locationId);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const waiting = await rows<{ id: string }>(
          tx,
          sql`SELECT a.id FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id
               WHERE a.status = 'pending_send' AND r.action = 'letter' AND a.location_id = ${locationId}::uuid
               ORDER BY a.id FOR UPDATE OF a SKIP LOCKED`,
        );
        if (waiting.length === 0) throw new ConflictError('No letters are waiting at this location.');
        const [batch] = await tx
          .insert(lifecyclePrintBatches)
          .values({ locationId, createdBy: actor.userId, letterCount: 0, createdAt: now })
          .returning();
        let printed = 0;
        const letterhead = letterheads(tx);
        // Only the letters locked above: a second batch made at the same moment takes none of them.
        for (let from = 0; from < waiting.length; from += 500) {
          const chunk = waiting.slice(from, from + 500).map((w) => w.id);
          const actions = await letterActions(tx, { ids: chunk }, null, chunk.length);
          const entries = [];
          for (const action of actions) {
            const reason = await reasonNotToSend(tx, action, now);
            const to = reason ? null : await addresseeOf(tx, action.contactId);
            if (!to) {
              await skip(tx, action.id, reason ?? 'vehicle_sold', now);
              continue;
            }
            const signer = await signerOf(tx, action);
            const { subject, text } = composeText(action, to, signer, await letterhead(action.locationId), 'letter');
            entries.push({ action, subject, text });
          }
          if (entries.length > 0) {
            await tx
              .update(lifecycleActions)
              .set({ status: 'sent', printBatchId: batch!.id, settledAt: now, nextAttemptAt: null })
              .where(
                inArray(
                  lifecycleActions.id,
                  entries.map((e) => e.action.id),
                ),
              );
            await recordTimeline(
              tx,
              entries.map((e) => ({
                contactId: e.action.contactId,
                kind: 'letter' as const,
                occurredAt: now,
                authorId: actor.userId,
                ...timelineText('timeline.lifecycleLetter', { rule: e.action.ruleName, subject: e.subject }),
                body: e.text,
                data: { lifecycleActionId: e.action.id, printBatchId: batch!.id, ruleId: e.action.ruleId },
                sourceType: 'lifecycle_action',
                sourceId: e.action.id,
              })),
            );
            printed += entries.length;
          }
        }
        await tx
          .update(lifecyclePrintBatches)
          .set({ letterCount: printed })
          .where(eq(lifecyclePrintBatches.id, batch!.id));
        return { id: batch!.id, letterCount: printed, createdAt: now.toISOString() };
      });
    },

    /** A batch's letters as one mail-merge PDF, streamed; the same letters however often it is printed. */
    async batchPdf(actor: UserActor, batchId: string) {
      const [batch] = await db.select().from(lifecyclePrintBatches).where(eq(lifecyclePrintBatches.id, batchId));
      if (!batch) throw new NotFoundError('The print batch');
      assertMayPrint(actor, batch.locationId);
      const letterhead = letterheads(db);
      const stream = await streamMailMerge<{ id: string; page: MergedLetter | null }>(
        db,
        batch.locationId,
        'Lebenszyklus-Briefe',
        batch.createdAt,
        async (after, limit) => {
          const actions = await letterActions(db, { batchId }, after?.id ?? null, limit);
          const pages: Array<{ id: string; page: MergedLetter | null }> = [];
          for (const action of actions) {
            const to = await addresseeOf(db, action.contactId);
            const page = to
              ? letterOf(action, to, await signerOf(db, action), await letterhead(action.locationId))
              : null;
            pages.push({ id: action.id, page });
          }
          return pages;
        },
        (row) => row.page,
      );
      return { batch, stream };
    },
  };
}

export type LifecycleSending = ReturnType<typeof createLifecycleSending>;
