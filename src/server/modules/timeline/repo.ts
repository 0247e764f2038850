import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '@server/db/client';
import { timelineEntries } from './tables';

export type EntryRow = typeof timelineEntries.$inferSelect;

export interface PageRow {
  id: number | string;
  kind: string;
  occurredAt: Date;
  /** occurred_at with microseconds, as the cursor carries it. */
  cursorAt: string;
  authorId: string | null;
  summary: string;
  textKey: string | null;
  textParams: Record<string, unknown> | null;
  body: string | null;
  data: Record<string, unknown> | null;
  sourceType: string | null;
  sourceId: string | null;
  contactId: string | null;
  vehicleId: string | null;
}

/**
 * One page, newest first. The ORDER BY matches timeline_contact_idx /
 * timeline_vehicle_idx read backwards and the cursor is a row comparison on
 * the same columns, so any page is one index range scan however long the
 * history is.
 */
export function pageQuery(
  owner: 'contact_id' | 'vehicle_id',
  ownerId: string,
  options: { kinds: string[] | null; after: { at: string; id: number } | null; limit: number },
): { text: string; params: unknown[] } {
  const params: unknown[] = [ownerId];
  const where = [`${owner} = $1::uuid`];
  if (options.kinds) {
    params.push(options.kinds);
    where.push(`kind = ANY($${params.length}::text[])`);
  }
  if (options.after) {
    params.push(options.after.at, options.after.id);
    where.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  params.push(options.limit);
  const text = `SELECT id, kind, occurred_at AS "occurredAt",
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt",
            author_id AS "authorId", summary, text_key AS "textKey", text_params AS "textParams", body, data, source_type AS "sourceType", source_id AS "sourceId",
            contact_id AS "contactId", vehicle_id AS "vehicleId"
       FROM timeline_entries
      WHERE ${where.join(' AND ')}
      ORDER BY occurred_at DESC, id DESC
      LIMIT $${params.length}::int`;
  return { text, params };
}

export async function pageOf(database: Database, ...args: Parameters<typeof pageQuery>): Promise<PageRow[]> {
  const { text, params } = pageQuery(...args);
  return database.query<PageRow>(text, params);
}

export async function insertEntry(db: DbOrTx, values: typeof timelineEntries.$inferInsert): Promise<EntryRow> {
  const [row] = await db.insert(timelineEntries).values(values).returning();
  return row!;
}

/** A merged contact's history becomes part of the contact it was merged into. */
export async function moveEntries(db: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await db.update(timelineEntries).set({ contactId: targetId }).where(eq(timelineEntries.contactId, sourceId));
}
