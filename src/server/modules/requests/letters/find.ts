import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '@server/db/client';
import type { UserActor } from '@server/http/access';

export interface LetterHit {
  requestId: string;
  number: string;
  subject: string;
  contactId: string;
  locationId: string;
  /** The letter's words around the first one searched for, on one line. */
  excerpt: string;
}

/** Words shorter than this cannot use the trigram index; a query needs at least one longer word. */
const MIN_WORD = 3;
const MAX_WORDS = 6;
const EXCERPT_BEFORE = 30;
const EXCERPT_LENGTH = 120;

const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function excerptOf(text: string, word: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLocaleLowerCase('de').indexOf(word.toLocaleLowerCase('de'));
  const start = Math.max(0, at - EXCERPT_BEFORE);
  const cut = flat.slice(start, start + EXCERPT_LENGTH);
  return `${start > 0 ? '…' : ''}${cut}${start + EXCERPT_LENGTH < flat.length ? '…' : ''}`;
}

/**
 * Scanned letters whose read text holds every one of these words, newest first, among the
 * requests the reader may open (their locations, or theirs to handle). The ILIKEs on the letter
 * text use its trigram index (request_letters_text_trgm_idx), so a few words find a letter
 * among many without reading them all.
 */
export async function findLettersByWords(
  db: DbOrTx,
  reader: Pick<UserActor, 'role' | 'userId' | 'locationIds'>,
  query: string,
  limit: number,
): Promise<LetterHit[]> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  const longest = [...words].sort((a, b) => b.length - a.length)[0];
  if (!longest || longest.length < MIN_WORD) return [];
  const matches = sql.join(
    words.map((word) => sql`l.text ILIKE ${containing(word)}`),
    sql` AND `,
  );
  const locations = reader.locationIds.length
    ? sql.join(
        reader.locationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )
    : sql`NULL::uuid`;
  const readable =
    reader.role === 'admin'
      ? sql`true`
      : sql`(r.location_id IN (${locations}) OR r.assignee_id = ${reader.userId}::uuid
             OR r.on_behalf_of_id = ${reader.userId}::uuid)`;
  const found = await rows<{
    id: string;
    number: string;
    subject: string;
    contact_id: string;
    location_id: string;
    text: string;
  }>(
    db,
    sql`SELECT r.id, r.number, r.subject, r.contact_id, r.location_id, l.text
          FROM request_letters l JOIN customer_requests r ON r.id = l.request_id
         WHERE l.text IS NOT NULL AND ${matches} AND ${readable}
         ORDER BY r.received_at DESC, r.id
         LIMIT ${limit}`,
  );
  return found.map((r) => ({
    requestId: r.id,
    number: r.number,
    subject: r.subject,
    contactId: r.contact_id,
    locationId: r.location_id,
    excerpt: excerptOf(r.text, longest),
  }));
}
