import { eq } from 'drizzle-orm';
import { OPEN_STATUSES } from '@shared/requests/enums';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import { recordTimeline } from '@server/modules/timeline';
import * as repo from './repo';
import { customerRequests } from './tables';

/** Request numbers as staff and customers write them in a subject: "[A-100123]", "A-100123". */
const NUMBER_IN_TEXT = /\bA-\d{6}\b/g;

/** The request a subject names by its number (the first number that exists), else null. */
export async function requestIdByNumberIn(db: DbOrTx, subject: string | null): Promise<string | null> {
  const numbers = [...new Set(subject?.match(NUMBER_IN_TEXT) ?? [])];
  for (const number of numbers) {
    const [row] = await db
      .select({ id: customerRequests.id })
      .from(customerRequests)
      .where(eq(customerRequests.number, number))
      .limit(1);
    if (row) return row.id;
  }
  return null;
}

export interface ArrivedMail {
  inboundEmailId: string;
  fromAddress: string | null;
  subject: string | null;
  /** The customer's words, verbatim, for the history. */
  text: string | null;
}

/**
 * A further mail from the customer joins its request (a reply, a mail naming its number):
 * the request's history notes it, the customer's timeline shows it, and a request that was
 * done or lost is opened again, since the customer is waiting for an answer. In the caller's transaction.
 */
export async function addInboundMailIn(
  tx: DbOrTx,
  requestId: string,
  mail: ArrivedMail,
  now: Date,
): Promise<{ reopened: boolean; contactId: string; number: string }> {
  const row = (await repo.findRequest(tx, requestId, true))!;
  const reopened = !OPEN_STATUSES.includes(row.status);
  const updated = reopened
    ? await repo.updateRequest(
        tx,
        requestId,
        { status: 'in_progress', outcome: null, lostReason: null, closedAt: null },
        now,
      )
    : row;
  await repo.insertEvents(tx, [
    {
      requestId,
      at: now,
      actorId: null,
      kind: 'email_received',
      data: { inboundEmailId: mail.inboundEmailId, from: mail.fromAddress, subject: mail.subject },
    },
    ...(reopened
      ? [
          {
            requestId,
            at: now,
            actorId: null,
            kind: 'reopened',
            fromStatus: row.status,
            toStatus: 'in_progress' as const,
            data: { reason: 'email_received' },
          },
        ]
      : []),
  ]);
  await recordTimeline(tx, {
    contactId: row.contactId,
    vehicleId: row.vehicleId,
    kind: 'request',
    occurredAt: now,
    authorId: null,
    ...timelineText('timeline.requestMailReceived', {
      number: row.number,
      from: mail.fromAddress ?? '',
      subject: mail.subject ?? '',
      reopened,
    }),
    body: mail.text ? mail.text.slice(0, 20_000) : null,
    data: { requestId, number: row.number, status: updated.status, inboundEmailId: mail.inboundEmailId },
    sourceType: 'inbound_email',
    sourceId: mail.inboundEmailId,
  });
  return { reopened, contactId: row.contactId, number: row.number };
}
