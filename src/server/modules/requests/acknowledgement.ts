import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { NotFoundError } from '@server/http/errors';
import type { RequestsContext } from './context';
import { deadlineInWords } from './deadline-words';
import { customerRequests } from './tables';

export interface AcknowledgementOptions {
  /** The mailbox the customer wrote to: the reply to the acknowledgement goes back there. */
  mailboxAddress?: string | null;
  /** The address the customer wrote from; else their primary one. */
  to?: string | null;
  /** The customer's language (German unless known otherwise). */
  locale?: 'de' | 'en';
}

export type AcknowledgementResult =
  | { sent: true; customerEmailId: string; to: string }
  | { sent: false; reason: 'off' | 'already_sent' | 'no_address' | 'address_invalid' | 'blocked' | 'unavailable' };

/**
 * The acknowledgement (Eingangsbestätigung) of a request: at most one per request, however often
 * it is asked for. The claim on the request row and the mail are one transaction: a refused or
 * rolled-back mail leaves the request unclaimed, a sent one can never be sent again.
 * Whether a mail is an auto-reply (never acknowledged) is the caller's to decide.
 */
export function createAcknowledgement(ctx: RequestsContext) {
  return async function sendAcknowledgement(
    tx: DbOrTx,
    requestId: string,
    options: AcknowledgementOptions = {},
  ): Promise<AcknowledgementResult> {
    const [row] = await tx
      .select({
        type: customerRequests.type,
        dueAt: customerRequests.firstContactDueAt,
        acknowledgedAt: customerRequests.acknowledgedAt,
      })
      .from(customerRequests)
      .where(eq(customerRequests.id, requestId));
    if (!row) throw new NotFoundError('Request');
    if (row.acknowledgedAt) return { sent: false, reason: 'already_sent' };
    if (!(await ctx.typeSettings.acknowledgementFor(tx, row.type))) return { sent: false, reason: 'off' };
    const send = ctx.correspondence?.sendAcknowledgementIn;
    if (!send || !row.dueAt) return { sent: false, reason: 'unavailable' };

    // The claim: of two concurrent calls, only one gets the row back.
    const claimed = await tx
      .update(customerRequests)
      .set({ acknowledgedAt: ctx.deps.clock.now() })
      .where(and(eq(customerRequests.id, requestId), isNull(customerRequests.acknowledgedAt)))
      .returning({ id: customerRequests.id });
    if (claimed.length === 0) return { sent: false, reason: 'already_sent' };

    const locale = options.locale ?? 'de';
    const outcome = await send.call(ctx.correspondence, tx, {
      requestId,
      locale,
      deadline: deadlineInWords(row.dueAt, locale),
      to: options.to ?? null,
      replyTo: options.mailboxAddress ?? null,
    });
    if (!outcome.sent) {
      // Nothing went out: the request stays unclaimed, a later call (another address) may still send.
      await tx.update(customerRequests).set({ acknowledgedAt: null }).where(eq(customerRequests.id, requestId));
      return { sent: false, reason: outcome.reason as 'no_address' | 'address_invalid' | 'blocked' };
    }
    return { sent: true, customerEmailId: outcome.id, to: outcome.to };
  };
}
