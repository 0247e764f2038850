import type { Db } from '@server/db/client';
import { NotFoundError } from '@server/http/errors';
import { letterheadFor, MailMerge, type MergedLetter } from '@server/modules/documents';
import { addressLines, personalise } from './personalise';
import * as repo from './repo';

/** Recipients read per statement: enough to keep the printer busy, few enough to keep memory flat. */
const BATCH = 500;

/**
 * Letters as one PDF on a location's letterhead, a page each. Returns the stream at once and
 * writes into it batch by batch (`next` reads the batch after the given one, keyset), waiting
 * whenever the reader falls behind; a failure ends the stream with the error. Lifecycle letters
 * print through here too.
 */
export async function streamMailMerge<R>(
  db: Db,
  locationId: string,
  fileTitle: string,
  date: Date,
  next: (after: R | null, limit: number) => Promise<R[]>,
  /** Null leaves the row out (a contact gone since). */
  letterOf: (row: R) => MergedLetter | null,
) {
  const letterhead = await letterheadFor(db, locationId);
  if (!letterhead) throw new NotFoundError('Location');
  const merge = new MailMerge(letterhead, date, fileTitle);
  const write = async () => {
    let after: R | null = null;
    for (;;) {
      const batch = await next(after, BATCH);
      for (const row of batch) {
        const letter = letterOf(row);
        if (letter) merge.add(letter);
      }
      await merge.waitForReader();
      if (batch.length < BATCH || merge.doc.destroyed) break;
      after = batch.at(-1)!;
    }
    merge.end();
  };
  write().catch((err: unknown) => merge.doc.destroy(err instanceof Error ? err : new Error(String(err))));
  return merge.doc;
}

/** The campaign's letters as one PDF, a page per frozen recipient on the location's letterhead. */
export function campaignLetters(db: Db, campaign: repo.CampaignRow, date: Date) {
  return streamMailMerge<repo.RecipientRow>(
    db,
    campaign.locationId,
    campaign.name,
    date,
    (after, limit) => repo.recipientBatch(db, campaign.id, after?.seq ?? 0, limit),
    (r) => ({
      title: personalise(campaign.subject || campaign.name, r),
      recipient: addressLines(r),
      info: [['Kundennummer', r.customerNumber]],
      body: personalise(campaign.body, r),
    }),
  );
}
