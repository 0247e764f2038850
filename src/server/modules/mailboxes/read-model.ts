import type { InboundMail } from '@shared/mailboxes/schemas';
import type { DbOrTx } from '@server/db/client';
import * as repo from './repo';

const present = (r: repo.InboundSummary): InboundMail => ({
  ...r,
  sentAt: r.sentAt?.toISOString() ?? null,
  receivedAt: r.receivedAt.toISOString(),
});

/** The mails a request came with and that joined it, oldest first (a copy sent to two mailboxes shows once). */
export async function inboundMailsOfRequest(db: DbOrTx, requestId: string): Promise<InboundMail[]> {
  const rows = await repo.inboundOfRequest(db, requestId);
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      if (!r.messageId) return true;
      if (seen.has(r.messageId)) return false;
      seen.add(r.messageId);
      return true;
    })
    .map(present);
}

/**
 * The customer's latest mail on a request, for a reply to thread on it (In-Reply-To, References),
 * or null when the request came by another way.
 */
export async function latestInboundMail(
  db: DbOrTx,
  requestId: string,
): Promise<Pick<InboundMail, 'messageId' | 'references' | 'subject' | 'fromAddress' | 'fromName'> | null> {
  const mails = (await inboundMailsOfRequest(db, requestId)).filter(
    (m) => m.outcome !== 'auto_reply' && m.outcome !== 'bounce',
  );
  const last = mails.at(-1);
  return last
    ? {
        messageId: last.messageId,
        references: last.references,
        subject: last.subject,
        fromAddress: last.fromAddress,
        fromName: last.fromName,
      }
    : null;
}
