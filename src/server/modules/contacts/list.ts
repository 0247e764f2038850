import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { formatPhone, normalizeName } from '@shared/contacts/normalize';
import { phaseDeliveryRange } from '@shared/lifecycle/phase-range';
import type { ContactListItem, ContactListQuery } from '@shared/contacts/schemas';
import type { DbOrTx } from '@server/db/client';
import { cursorCodec, isKeyText, isTimestamp, isUuid } from '@server/http/cursor';
import { iso } from './detail';
import { berlinToday } from './input';
import type { ContactListFilters } from './list-filters';
import { activeBlockSql, rows } from './repo';

export type ListQuery = z.output<typeof ContactListQuery>;

interface ListRow {
  id: string;
  kind: ContactListItem['kind'];
  customer_number: string;
  display_name: string;
  home_location_id: string;
  sales_consultant_id: string | null;
  tags: string[];
  updated_at: Date | string;
  sort_key: string;
  city: string | null;
  phone_e164: string | null;
  phone_raw: string | null;
  email: string | null;
  blocked: boolean;
}

/**
 * Keyset ordering per sort: the key column(s) and how a cursor value compares.
 * Each matches an index (display_name,id), (home_location_id,display_name,id),
 * the unique customer_number, (updated_at,id) — no OFFSET, no count.
 */
const SORTS = {
  name: {
    key: sql`c.display_name`,
    order: ['c.display_name', 'c.id'],
    after: (k: string, id: string) => sql`(c.display_name, c.id) > (${k}, ${id}::uuid)`,
    before: (k: string, id: string) => sql`(c.display_name, c.id) < (${k}, ${id}::uuid)`,
  },
  customerNumber: {
    key: sql`c.customer_number`,
    order: ['c.customer_number'],
    after: (k: string) => sql`c.customer_number > ${k}`,
    before: (k: string) => sql`c.customer_number < ${k}`,
  },
  updatedAt: {
    key: sql`c.updated_at::text`,
    order: ['c.updated_at', 'c.id'],
    after: (k: string, id: string) => sql`(c.updated_at, c.id) > (${k}::timestamptz, ${id}::uuid)`,
    before: (k: string, id: string) => sql`(c.updated_at, c.id) < (${k}::timestamptz, ${id}::uuid)`,
  },
} satisfies Record<ListQuery['sort'], unknown>;

/** Cursor: the last row's sort key and id. The key must compare the way the sort's column does: a time for updatedAt, text otherwise. */
const listCursor = (sort: ListQuery['sort']) =>
  cursorCodec(
    (value: unknown): value is [string, string] =>
      Array.isArray(value) &&
      value.length === 2 &&
      (sort === 'updatedAt' ? isTimestamp(value[0]) : isKeyText(value[0])) &&
      isUuid(value[1]),
  );

/** `LIKE` treats % and _ as wildcards; a typed name must match literally. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listContacts(db: DbOrTx, query: ListQuery, now: Date, filters: ContactListFilters) {
  const sort = SORTS[query.sort];
  const where: SQL[] = [sql`c.merged_into_id IS NULL`];
  if (query.locationId) where.push(sql`c.home_location_id = ${query.locationId}`);
  if (query.kind) where.push(sql`c.kind = ${query.kind}`);
  if (query.tag) where.push(sql`${query.tag} = ANY(c.tags)`);
  if (query.salesConsultantId) where.push(sql`c.sales_consultant_id = ${query.salesConsultantId}`);
  if (query.blocked) {
    const active = sql`EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = c.id AND ${activeBlockSql('b', now)})`;
    where.push(query.blocked === 'true' ? active : sql`NOT ${active}`);
  }
  // Any vehicle the customer holds in the phase (the record shows the most advanced one).
  if (query.phase) where.push(filters.holdsVehicleDeliveredIn(phaseDeliveryRange(query.phase, berlinToday(now))));
  const prefix = query.q ? normalizeName(query.q) : '';
  if (prefix) where.push(sql`c.search_name LIKE ${`${escapeLike(prefix)}%`}`);
  if (query.cursor) {
    const [key, id] = listCursor(query.sort).decode(query.cursor);
    where.push(query.dir === 'asc' ? sort.after(key, id) : sort.before(key, id));
  }
  const orderBy = sql.raw(sort.order.map((col) => `${col} ${query.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', '));
  const pageOrder = sql.raw(
    sort.order.map((col) => `${col.replace('c.', 'pg.')} ${query.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', '),
  );

  // The name prefix and the name order are correlated: walking the name index to "Z…" reads most of
  // the table. A prefix of three letters or more is selective, so its matches (via the trigram index)
  // are collected first and sorted; shorter prefixes leave the plan to the planner.
  const fenced = prefix.length >= 3;
  const found = await rows<ListRow>(
    db,
    sql`WITH matches AS ${fenced ? sql`MATERIALIZED` : sql`NOT MATERIALIZED`} (
          SELECT c.id, c.kind, c.customer_number, c.display_name, c.home_location_id, c.sales_consultant_id, c.tags,
                 c.updated_at, ${sort.key} AS sort_key
            FROM contacts c
           WHERE ${sql.join(where, sql` AND `)}
        ),
        pg AS MATERIALIZED (SELECT * FROM matches c ORDER BY ${orderBy} LIMIT ${query.limit + 1})
        SELECT pg.*,
               (SELECT a.city FROM contact_addresses a WHERE a.contact_id = pg.id ORDER BY a.is_primary DESC, a.position LIMIT 1) AS city,
               (SELECT e.address FROM contact_emails e WHERE e.contact_id = pg.id ORDER BY e.is_primary DESC, e.position LIMIT 1) AS email,
               p.e164 AS phone_e164, p.raw AS phone_raw,
               EXISTS (SELECT 1 FROM contact_blocks b WHERE b.contact_id = pg.id AND ${activeBlockSql('b', now)}) AS blocked
          FROM pg
          LEFT JOIN LATERAL (SELECT ph.e164, ph.raw FROM contact_phones ph WHERE ph.contact_id = pg.id
                             ORDER BY ph.is_primary DESC, ph.position LIMIT 1) p ON true
         ORDER BY ${pageOrder}`,
  );
  const hasMore = found.length > query.limit;
  const page = hasMore ? found.slice(0, query.limit) : found;
  const last = page.at(-1);
  return { rows: page, nextCursor: hasMore && last ? listCursor(query.sort).encode([last.sort_key, last.id]) : null };
}

export function presentListItem(row: ListRow, consultant: { id: string; displayName: string } | null): ContactListItem {
  return {
    id: row.id,
    kind: row.kind,
    customerNumber: row.customer_number,
    displayName: row.display_name,
    city: row.city,
    primaryPhone: row.phone_raw === null ? null : formatPhone(row.phone_e164, row.phone_raw),
    primaryEmail: row.email,
    homeLocationId: row.home_location_id,
    salesConsultant: consultant,
    blocked: row.blocked,
    tags: row.tags,
    updatedAt: iso(row.updated_at),
  };
}
