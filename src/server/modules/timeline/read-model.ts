/*
 * Read by the call pop, which shows a caller's last interactions inside its
 * one-statement read (the pop opens while the phone rings), so the SQL on
 * timeline_entries lives here with its owner.
 */

/** A contact's newest entries of the kinds in the text[] parameter `kinds`, as a JSON array (null when none). */
export const recentEntriesOfContactJson = (contactId: string, kinds: string, limit: number) =>
  `(SELECT json_agg(json_build_object('kind', t.kind, 'summary', t.summary, 'occurredAt', t.occurred_at))
       FROM (SELECT * FROM timeline_entries t WHERE t.contact_id = ${contactId} AND t.kind = ANY(${kinds}::text[])
              ORDER BY t.occurred_at DESC, t.id DESC LIMIT ${limit}) t)`;
