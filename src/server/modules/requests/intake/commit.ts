import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { WriteBatch } from '@server/db/together';
import type { RequestsContext } from '../context';
import type { RequestJobs } from '../jobs';
import * as repo from '../repo';
import { announceAssignee } from './announce';
import { writeContact } from './contact-writes';
import { needsTransaction, plansCallbackAppointment, writeExtras } from './extras';
import { historyWrites } from './history';
import { requestRow } from './request-row';
import type { IntakeResult, PreparedIntake } from './types';

/**
 * The second half of an intake: it only writes. The request with its contact,
 * assignment, timers, alerts and history go in one statement; `alsoWrite` adds
 * the caller's own writes to it (the Idempotency-Key's answer). Pass the
 * caller's transaction, or the database itself when !needsTransaction(prepared):
 * one statement is atomic on its own, and the BEGIN and COMMIT round trips are saved.
 */
export function createCommitIntake(ctx: RequestsContext, jobs: RequestJobs) {
  const { deps } = ctx;

  return async function commit(
    tx: DbOrTx,
    prepared: PreparedIntake,
    alsoWrite?: (row: repo.RequestRow) => SQLWrapper[],
  ): Promise<IntakeResult> {
    if (tx === deps.db && needsTransaction(prepared)) throw new Error('this intake needs a transaction');
    const now = deps.clock.now();
    const batch = new WriteBatch();
    const contactMatched = 'matched' in prepared.contact && prepared.contact.matched !== null;
    const contactId = await writeContact(ctx, tx, batch, prepared);
    const row = requestRow(prepared, contactId, now);
    batch.write(repo.requestInsert(tx, row));
    batch.write(...historyWrites(tx, prepared, row, contactMatched, now));
    jobs.escalation.scheduleIn(batch, row.id, prepared.dueAt);
    // With an assignee the window becomes a call in their calendar, which reminds them; else the managers are told.
    const appointment = plansCallbackAppointment(prepared);
    if (!appointment) jobs.callbackReminder.scheduleIn(batch, row.id, { from: row.callbackFrom, to: row.callbackTo });
    await announceAssignee(ctx, tx, batch, prepared, row);
    if (alsoWrite) batch.write(...alsoWrite(row));
    await batch.run(tx);

    await writeExtras(ctx, jobs, tx, prepared, row, now);
    await ctx.takenIn.notify(tx, row);
    const callbackActivityId = appointment ? await jobs.callbackAppointments.plan(tx, row) : null;
    return { row: callbackActivityId ? { ...row, callbackActivityId } : row, contactMatched };
  };
}
