import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { seedDemoMailboxes } from './mailboxes';
import { seedDemoOrganisation } from './org';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_MAIL_IN: '0' } });
  await seedDemoOrganisation(t.services);
  await seedDemoMailboxes(t.services, t.database);
}, 120_000);
afterAll(() => t.close());

describe('demo mailboxes', () => {
  it('shows verkauf@ and service@ switched off, with mails that became requests, a reply and an auto-reply', async () => {
    const admin = await t.userWithRole('admin');
    const boxes = (await admin.get('/api/mailboxes')).json();
    expect(boxes.map((b: { address: string; enabled: boolean }) => [b.address, b.enabled])).toEqual(
      expect.arrayContaining([
        ['verkauf@autohaus-demo.example', false],
        ['service@autohaus-demo.example', false],
      ]),
    );
    const rows = await t.database.query<{ outcome: string; request_id: string | null; subject: string }>(
      'SELECT outcome, request_id, subject FROM inbound_emails ORDER BY subject',
    );
    expect(rows.map((r) => r.outcome).sort()).toEqual(['added_to_request', 'auto_reply', 'new_request', 'new_request']);
    const tiguan = rows.filter((r) => r.subject.includes('Tiguan'));
    expect(tiguan[0]!.request_id).toBe(tiguan[1]!.request_id);
    const mails = (await admin.get(`/api/requests/${tiguan[0]!.request_id}/inbound-mails`)).json();
    expect(mails).toHaveLength(2);
  });
});
