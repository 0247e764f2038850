import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { pageQuery } from './repo';

/**
 * A long history must not get slower to open: the first page (and every
 * further one) is a single backward range scan of timeline_contact_idx,
 * never a sort of all of a contact's entries.
 */
let t: TestApp;
const CONTACT = '11111111-1111-4111-8111-111111111111';

beforeAll(async () => {
  t = await createTestApp();
  // 1,000 entries for the contact under test among 40,000 of 2,000 other contacts.
  await t.database.exec(`
    INSERT INTO timeline_entries (contact_id, kind, occurred_at, summary)
    SELECT '${CONTACT}'::uuid, (ARRAY['note','call','email'])[1 + g % 3], now() - g * interval '1 hour', 'Eintrag ' || g
      FROM generate_series(1, 1000) g;
    INSERT INTO timeline_entries (contact_id, kind, occurred_at, summary)
    SELECT md5('c' || (g % 2000))::uuid, 'note', now() - g * interval '1 minute', 'Anderer ' || g
      FROM generate_series(1, 40000) g;
    ANALYZE timeline_entries;`);
});
afterAll(() => t.close());

async function plan(options: Parameters<typeof pageQuery>[2]): Promise<string> {
  const { text, params } = pageQuery('contact_id', CONTACT, options);
  const rows = await t.database.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('reading a long timeline', () => {
  it('reads the first page by a backward scan of the contact index, without sorting', async () => {
    const text = await plan({ kinds: null, after: null, limit: 51 });
    expect(text).toContain('Index Scan Backward using timeline_contact_idx');
    expect(text).not.toMatch(/Sort|Seq Scan/);
  });

  it('reads later pages and kind filters the same way', async () => {
    const text = await plan({ kinds: ['note', 'call'], after: { at: new Date().toISOString(), id: 500 }, limit: 51 });
    expect(text).toContain('Index Scan Backward using timeline_contact_idx');
    expect(text).not.toMatch(/Sort|Seq Scan/);
  });

  it('returns the newest 50 of 1,000 entries', async () => {
    const { text, params } = pageQuery('contact_id', CONTACT, { kinds: null, after: null, limit: 50 });
    const rows = await t.database.query<{ summary: string }>(text, params);
    expect(rows.map((r) => r.summary).slice(0, 3)).toEqual(['Eintrag 1', 'Eintrag 2', 'Eintrag 3']);
  });
});
