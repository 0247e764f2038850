import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ConsentPurpose } from '@shared/contacts/enums';
import type { DbOrTx } from '@server/db/client';
import { writeConsents } from '@server/modules/contacts';
import { campaignRecipients, campaigns, unsubscribeLinks } from './tables';

/*
 * Responses that arrive without a colleague: the unsubscribe link (a public page, the token is
 * the only proof) and bounces (the mail intake calls markBounced once it reads the bounce).
 */

export type UnsubscribeOutcome = 'unsubscribed' | 'already' | 'unknown';

/** Whether the link is valid and already used, without changing anything (the page's first view). */
export async function unsubscribeState(db: DbOrTx, token: string): Promise<UnsubscribeOutcome> {
  const [row] = await db
    .select({ at: campaignRecipients.unsubscribedAt })
    .from(campaignRecipients)
    .where(eq(campaignRecipients.unsubscribeToken, token));
  if (row) return row.at ? 'already' : 'unsubscribed';
  const [link] = await db
    .select({ at: unsubscribeLinks.unsubscribedAt })
    .from(unsubscribeLinks)
    .where(eq(unsubscribeLinks.token, token));
  if (!link) return 'unknown';
  return link.at ? 'already' : 'unsubscribed';
}

/** A new unsubscribe link's token for a mail sent outside a campaign; the link withdraws `purpose` for e-mail. */
export async function unsubscribeTokenIn(
  tx: DbOrTx,
  link: { contactId: string; purpose: ConsentPurpose; label: string },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await tx.insert(unsubscribeLinks).values({ token, ...link, createdAt: now });
  return token;
}

async function unsubscribeLinkIn(tx: DbOrTx, token: string, now: Date): Promise<UnsubscribeOutcome> {
  const [link] = await tx.select().from(unsubscribeLinks).where(eq(unsubscribeLinks.token, token)).for('update');
  if (!link) return 'unknown';
  if (link.unsubscribedAt) return 'already';
  await tx.update(unsubscribeLinks).set({ unsubscribedAt: now }).where(eq(unsubscribeLinks.token, token));
  await writeConsents(
    tx,
    null,
    link.contactId,
    [
      {
        channel: 'email',
        purpose: link.purpose as ConsentPurpose,
        status: 'withdrawn',
        effectiveAt: now,
        source: 'unsubscribe_link',
        note: `Abgemeldet über den Link in der E-Mail „${link.label}“`,
      },
    ],
    now,
  );
  return 'unsubscribed';
}

/**
 * Unsubscribes the recipient holding the token: the response is recorded and the customer's
 * marketing consent to e-mail withdrawn, with its history entry ("by the unsubscribe link").
 * A second click changes nothing and says so.
 */
export async function unsubscribeIn(tx: DbOrTx, token: string, now: Date): Promise<UnsubscribeOutcome> {
  const [row] = await tx
    .select({
      id: campaignRecipients.id,
      contactId: campaignRecipients.contactId,
      at: campaignRecipients.unsubscribedAt,
      name: campaigns.name,
    })
    .from(campaignRecipients)
    .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
    .where(eq(campaignRecipients.unsubscribeToken, token))
    .for('update', { of: campaignRecipients });
  if (!row) return unsubscribeLinkIn(tx, token, now);
  if (row.at) return 'already';
  await tx.update(campaignRecipients).set({ unsubscribedAt: now }).where(eq(campaignRecipients.id, row.id));
  await writeConsents(
    tx,
    null,
    row.contactId,
    [
      {
        channel: 'email',
        purpose: 'marketing',
        status: 'withdrawn',
        effectiveAt: now,
        source: 'unsubscribe_link',
        note: `Abgemeldet über den Link in der Kampagne „${row.name}“`,
      },
    ],
    now,
  );
  return 'unsubscribed';
}

/**
 * A campaign mail to `address` bounced: marks the latest campaign recipient with that address
 * whose mail was sent and not marked bounced yet. Returns whether one was found.
 */
export async function markBounced(tx: DbOrTx, address: string, now: Date): Promise<boolean> {
  const updated = await tx
    .update(campaignRecipients)
    .set({ bouncedAt: now })
    .where(
      eq(
        campaignRecipients.id,
        sql`(SELECT r.id FROM campaign_recipients r
              WHERE r.email = ${address.trim().toLowerCase()} AND r.outbox_email_id IS NOT NULL AND r.bounced_at IS NULL
              ORDER BY r.processed_at DESC LIMIT 1)`,
      ),
    )
    .returning({ id: campaignRecipients.id });
  return updated.length > 0;
}
