import { and, eq, inArray, max } from 'drizzle-orm';
import { bulkInsert } from '@server/db/bulk-insert';
import type { DbOrTx } from '@server/db/client';
import type { TimelineKind } from '@shared/timeline/kinds';
import type { TextRef } from '@shared/texts/translate';
import { timelineEntries } from './tables';

export interface TimelineWrite {
  contactId?: string | null;
  vehicleId?: string | null;
  kind: TimelineKind;
  occurredAt: Date;
  authorId?: string | null;
  /** In German; with `text`, built from it (timelineText in src/shared/texts/timeline.ts). */
  summary: string;
  /** The summary as a key and parameters, so that it is read in the reader's language. */
  text?: TextRef | null;
  body?: string | null;
  data?: Record<string, unknown> | null;
  sourceType?: string | null;
  sourceId?: string | null;
}

/**
 * Writes timeline entries in the caller's transaction — every module records
 * its changes this way, so the history and the change commit together.
 */
export async function recordTimeline(tx: DbOrTx, entries: TimelineWrite | TimelineWrite[]): Promise<void> {
  const list = [entries].flat();
  if (list.length === 0) return;
  await timelineInsert(tx, list);
}

/**
 * The one entry a source (a call, say) keeps on the timeline: written the
 * first time, updated in place from then on, so it never shows twice. Call
 * inside the transaction that changed the source, with the source locked.
 */
export async function syncSourcedTimeline(
  tx: DbOrTx,
  source: { type: string; id: string },
  entry: Omit<TimelineWrite, 'sourceType' | 'sourceId'>,
): Promise<void> {
  const [existing] = await tx
    .select({ id: timelineEntries.id })
    .from(timelineEntries)
    .where(and(eq(timelineEntries.sourceType, source.type), eq(timelineEntries.sourceId, source.id)));
  if (existing) {
    const { text, ...columns } = entry;
    await tx
      .update(timelineEntries)
      .set({ ...columns, textKey: text?.key ?? null, textParams: text?.params ?? null })
      .where(eq(timelineEntries.id, existing.id));
    return;
  }
  await recordTimeline(tx, { ...entry, sourceType: source.type, sourceId: source.id });
}

/** The insert of recordTimeline, not yet run: for a caller that sends it together with other writes. */
export function timelineInsert(tx: DbOrTx, list: TimelineWrite[]) {
  return tx.insert(timelineEntries).values(list.map(timelineRow));
}

/** Timeline entries by the thousand (imports, demo data): the same rows, one statement per batch. */
export const recordTimelineInBulk = (tx: DbOrTx, entries: TimelineWrite[]) =>
  bulkInsert(tx, timelineEntries, entries.map(timelineRow));

const timelineRow = (e: TimelineWrite) => ({
  contactId: e.contactId ?? null,
  vehicleId: e.vehicleId ?? null,
  kind: e.kind,
  occurredAt: e.occurredAt,
  authorId: e.authorId ?? null,
  summary: e.summary,
  textKey: e.text?.key ?? null,
  textParams: e.text?.params ?? null,
  body: e.body ?? null,
  data: e.data ?? null,
  sourceType: e.sourceType ?? null,
  sourceId: e.sourceId ?? null,
});

/** When each of these contacts last had anything in their history (none: not in the map). */
export async function lastActivityOf(db: DbOrTx, contactIds: string[]): Promise<Map<string, Date>> {
  if (contactIds.length === 0) return new Map();
  const rows = await db
    .select({ contactId: timelineEntries.contactId, at: max(timelineEntries.occurredAt) })
    .from(timelineEntries)
    .where(inArray(timelineEntries.contactId, contactIds))
    .groupBy(timelineEntries.contactId);
  return new Map(rows.flatMap((r) => (r.contactId && r.at ? [[r.contactId, r.at] as const] : [])));
}
