import { and, eq, inArray } from 'drizzle-orm';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { DomainError } from '@server/http/errors';
import { berlinToday } from '@server/modules/contacts';
import type { SendCustomerEmail } from '@server/modules/correspondence';
import { recordTimeline } from '@server/modules/timeline';
import { personalise } from './personalise';
import * as repo from './repo';
import { campaignRecipients, campaigns } from './tables';

/** What the campaign needs of the modules that write mails and plan calls; wired in services.ts. */
export interface CampaignSenders {
  sendCustomerEmailIn(tx: DbOrTx, input: SendCustomerEmail): Promise<{ outboxEmailId: string }>;
  planCallIn(
    tx: DbOrTx,
    call: { ownerId: string; contactId: string; subject: string; note: string; dueOn: string; authorId: string | null },
  ): Promise<{ id: string }>;
  /** An absolute link into this installation (its public URL and the path). */
  link(path: string): string;
}

/** Recipients per job run: a batch commits together, so a failure repeats at most this many. */
const BATCH = 200;

export const unsubscribePath = (token: string) => `/api/public/unsubscribe/${token}`;

export function createSenders({ clock }: Deps, ports: CampaignSenders) {
  /** The mail text: the campaign's, personalised, with the way out at its foot. */
  function mailText(body: string, recipient: repo.RecipientRow, link: string): string {
    return `${personalise(body, recipient)}\n\n--\nSie möchten keine E-Mails dieser Art mehr erhalten? Hier abmelden:\n${link}`;
  }

  async function sendMails(tx: DbOrTx, campaign: repo.CampaignRow, batch: repo.RecipientRow[]) {
    for (const r of batch) {
      const link = ports.link(unsubscribePath(r.unsubscribeToken));
      let outboxEmailId: string | null = null;
      try {
        const sent = await ports.sendCustomerEmailIn(tx, {
          contactId: r.contactId,
          sentById: campaign.startedBy ?? campaign.createdBy!,
          to: r.email,
          subject: personalise(campaign.subject, r),
          text: mailText(campaign.body, r, link),
          locationId: campaign.locationId,
          headers: {
            'List-Unsubscribe': `<${link}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
        outboxEmailId = sent.outboxEmailId;
      } catch (err) {
        // Refused before anything was written (address gone, blocked since, consent withdrawn): skipped, not retried.
        if (!(err instanceof DomainError)) throw err;
      }
      await tx
        .update(campaignRecipients)
        .set({ processedAt: clock.now(), outboxEmailId })
        .where(eq(campaignRecipients.id, r.id));
    }
  }

  async function planCalls(tx: DbOrTx, campaign: repo.CampaignRow, batch: repo.RecipientRow[], done: number) {
    const team = campaign.teamUserIds;
    const dueOn = berlinToday(clock.now());
    for (const [i, r] of batch.entries()) {
      // Round robin in campaign order: the team's lists differ by one call at most.
      const ownerId = team[(done + i) % team.length]!;
      const activity = await ports.planCallIn(tx, {
        ownerId,
        contactId: r.contactId,
        subject: campaign.name,
        note: personalise(campaign.body, r),
        dueOn,
        authorId: campaign.startedBy,
      });
      await tx
        .update(campaignRecipients)
        .set({ processedAt: clock.now(), activityId: activity.id })
        .where(eq(campaignRecipients.id, r.id));
    }
  }

  async function recordLetters(tx: DbOrTx, campaign: repo.CampaignRow, batch: repo.RecipientRow[], now: Date) {
    await recordTimeline(
      tx,
      batch.map((r) => ({
        contactId: r.contactId,
        kind: 'letter' as const,
        occurredAt: now,
        authorId: campaign.startedBy,
        ...timelineText('timeline.campaignLetter', { name: campaign.name }),
        body: personalise(campaign.body, r),
        data: { campaignId: campaign.id },
        sourceType: 'campaign_recipient',
        sourceId: r.id,
      })),
    );
    await tx
      .update(campaignRecipients)
      .set({ processedAt: now })
      .where(
        and(
          eq(campaignRecipients.campaignId, campaign.id),
          inArray(
            campaignRecipients.id,
            batch.map((r) => r.id),
          ),
        ),
      );
  }

  return {
    /** Handles the next batch of a running campaign; true while recipients remain. */
    async processBatch(tx: DbOrTx, campaignId: string, now: Date): Promise<boolean> {
      const campaign = await repo.findCampaign(tx, campaignId, true);
      if (!campaign || campaign.status !== 'running') return false;
      const batch = await repo.recipientBatch(tx, campaignId, 0, BATCH, true);
      if (campaign.channel === 'email') await sendMails(tx, campaign, batch);
      else if (campaign.channel === 'call')
        await planCalls(tx, campaign, batch, await repo.processedCount(tx, campaignId));
      else await recordLetters(tx, campaign, batch, now);
      if (batch.length === BATCH) return true;
      await tx
        .update(campaigns)
        .set({ status: 'done', finishedAt: now, updatedAt: now })
        .where(eq(campaigns.id, campaignId));
      return false;
    },
  };
}
