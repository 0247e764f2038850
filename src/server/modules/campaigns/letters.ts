import type { Db } from '@server/db/client';
import { NotFoundError } from '@server/http/errors';
import { letterheadFor, MailMerge } from '@server/modules/documents';
import { addressLines, personalise } from './personalise';
import * as repo from './repo';

/** Recipients read per statement: enough to keep the printer busy, few enough to keep memory flat. */
const BATCH = 500;

/**
 * The campaign's letters as one PDF, a page per frozen recipient on the location's letterhead.
 * Returns the stream at once and writes into it batch by batch (keyset on the recipients' order),
 * waiting whenever the reader falls behind; a failure ends the stream with the error.
 */
export async function campaignLetters(db: Db, campaign: repo.CampaignRow, date: Date) {
  const letterhead = await letterheadFor(db, campaign.locationId);
  if (!letterhead) throw new NotFoundError('Location');
  const merge = new MailMerge(letterhead, date, campaign.name);
  const write = async () => {
    let after = 0;
    for (;;) {
      const batch = await repo.recipientBatch(db, campaign.id, after, BATCH);
      for (const r of batch) {
        merge.add({
          title: personalise(campaign.subject || campaign.name, r),
          recipient: addressLines(r),
          info: [['Kundennummer', r.customerNumber]],
          body: personalise(campaign.body, r),
        });
      }
      await merge.waitForReader();
      if (batch.length < BATCH || merge.doc.destroyed) break;
      after = batch.at(-1)!.seq;
    }
    merge.end();
  };
  write().catch((err: unknown) => merge.doc.destroy(err instanceof Error ? err : new Error(String(err))));
  return merge.doc;
}
