import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { MESSAGE_TYPES } from '@shared/messages/enums';
import { ManualClock } from '../lib/clock';
import { seedDemoCustomers } from './customers';
import { seedDemoMessages } from './messages';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganisation } from './org';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-12T10:30:00Z') });
  await seedDemoOrganisation(t.services);
  await seedDemoCustomers(t.services, t.database, { count: 300, now: t.clock.now() });
  await seedDemoMessages(t.services, t.database, { now: t.clock.now() });
}, 240_000);
afterAll(() => t.close());

describe('demo messages and board', () => {
  it('has messages of every type in every house, an unblock waiting, and unread ones in the demo manager inbox', async () => {
    const rows = await t.database.query<{ type: string; location_id: string; unblock_state: string | null }>(
      'SELECT type, location_id, unblock_state FROM customer_messages',
    );
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(MESSAGE_TYPES));
    expect(new Set(rows.map((r) => r.location_id)).size).toBe(3);
    expect(rows.some((r) => r.unblock_state === 'pending')).toBe(true);
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const inbox = await manager.get('/api/messages/inbox');
    expect(inbox.statusCode).toBe(200);
    const items = inbox.json().items as Array<{ acknowledgedAt: string | null; archived?: boolean }>;
    expect(items.filter((m) => m.acknowledgedAt === null).length).toBeGreaterThanOrEqual(5);
  });

  it('shows the demo manager unread board posts, a mention, a customer thread and one taken to the board', async () => {
    const manager = await t.login(DEMO_LOGINS.manager, DEMO_PASSWORD);
    const channels = (await manager.get('/api/board/channels')).json().items as Array<{ unread: number; kind: string }>;
    expect(channels.reduce((sum, c) => sum + (c.unread ?? 0), 0)).toBeGreaterThanOrEqual(5);
    const [counts] = await t.database.query<{
      mentions: number;
      customer: number;
      from_message: number;
      reactions: number;
    }>(
      `SELECT (SELECT count(*)::int FROM board_mentions) AS mentions,
              (SELECT count(*)::int FROM board_threads WHERE contact_id IS NOT NULL AND message_id IS NULL) AS customer,
              (SELECT count(*)::int FROM board_threads WHERE message_id IS NOT NULL) AS from_message,
              (SELECT count(*)::int FROM board_reactions) AS reactions`,
    );
    expect(counts).toEqual({ mentions: 1, customer: 1, from_message: 1, reactions: expect.any(Number) });
    expect(counts!.reactions).toBeGreaterThan(2);
  });
});
