import type { DbOrTx } from '@server/db/client';
import { insertAttachments } from '../attachments';
import { keepsCallbackWindow } from '../callback-activity';
import type { RequestsContext } from '../context';
import type { RequestJobs } from '../jobs';
import type * as repo from '../repo';
import type { PreparedIntake } from './types';

/**
 * Whether the intake writes more than its one statement (files, consents,
 * a deputy's return notice) and so needs a transaction around it.
 */
export function needsTransaction(prepared: PreparedIntake): boolean {
  const { input, decision } = prepared;
  return Boolean(
    input.attachments?.length ||
    input.consents?.length ||
    (decision.onBehalfOfId && decision.onBehalfUntil) ||
    plansCallbackAppointment(prepared),
  );
}

/** Whether the intake puts the agreed callback window into the assignee's calendar. */
export function plansCallbackAppointment({ input, decision, receivedAt }: PreparedIntake): boolean {
  return keepsCallbackWindow(
    { assigneeId: decision.assigneeId, callbackFrom: input.callbackFrom ?? null, callbackTo: input.callbackTo ?? null },
    receivedAt,
  );
}

/** The consents the customer gave in the sender's form, into the contact's consent history. */
async function recordConsents(
  { contacts }: Pick<RequestsContext, 'contacts'>,
  tx: DbOrTx,
  prepared: PreparedIntake,
  row: repo.RequestRow,
): Promise<void> {
  const { actor, input, receivedAt } = prepared;
  if (!input.consents?.length) return;
  // The proof an audit asks for: which form (API key) sent it, with which request.
  const via = actor.kind === 'apiKey' ? ` über die Schnittstelle (API-Schlüssel „${actor.name}“)` : '';
  await contacts.recordConsentsIn(
    tx,
    actor,
    row.contactId,
    input.consents.map((c) => ({
      ...c,
      effectiveAt: receivedAt,
      source: input.channel === 'web_form' || input.channel === 'lead_portal' ? 'web_form' : 'other',
      note: `Mit Anliegen ${row.number}${via} übermittelt`,
    })),
  );
}

/** The rare extras, written after the request exists: files, consents, the return notice of a deputy's work. */
export async function writeExtras(
  ctx: Pick<RequestsContext, 'contacts'>,
  jobs: RequestJobs,
  tx: DbOrTx,
  prepared: PreparedIntake,
  row: repo.RequestRow,
  now: Date,
): Promise<void> {
  const { actor, input, location, decision } = prepared;
  if (input.attachments?.length) await insertAttachments(tx, row.id, input.attachments, actor, now);
  await recordConsents(ctx, tx, prepared, row);
  if (decision.onBehalfOfId && decision.onBehalfUntil) {
    await jobs.returnNotice.schedule(tx, location, decision.onBehalfOfId, decision.onBehalfUntil);
  }
}
