import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import type { AnnounceInput } from './service';
import { makeUser } from './test-factories';

let t: TestApp;
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, CRM_PUBLIC_URL: 'https://crm.autohaus.test' } });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

function request(overrides: Partial<AnnounceInput['request']> = {}): AnnounceInput['request'] {
  return {
    id: randomUUID(),
    number: 'A-100012',
    subject: 'Inspektion Golf',
    type: 'service_appointment',
    locationId: t.location.id,
    contactDisplayName: 'Jürgen Schäfer',
    firstContactDueAt: '2026-03-03T08:00:00Z',
    ...overrides,
  };
}

const notificationsOf = (userId: string) =>
  t.database.query<{ kind: string; title: string; body: string; link: string }>(
    'SELECT kind, title, body, link FROM notifications WHERE user_id = $1',
    [userId],
  );
const outboxFor = (requestId: string) =>
  t.database.query<{ to: string[]; subject: string; text: string }>(
    'SELECT "to", subject, text FROM outbox_emails WHERE related_id = $1 ORDER BY subject',
    [requestId],
  );

describe('announcing an assignment', () => {
  it('notifies the deputy in the app and by mail, and copies the manager', async () => {
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Schulz' });
    const max = await makeUser(t, 'service', { firstName: 'Max', lastName: 'Weber' });
    const manager = await makeUser(t, 'manager', { firstName: 'Mia', lastName: 'Chefin' });
    const req = request();
    await t.database.db.transaction((tx) =>
      t.services.assignment.announce(tx, {
        request: req,
        assigneeId: anna.id,
        onBehalfOfId: max.id,
        notifyUserIds: [manager.id],
      }),
    );

    expect(await notificationsOf(anna.id)).toEqual([
      {
        kind: 'request.assigned',
        title: 'Neues Anliegen A-100012: Inspektion Golf',
        body: 'Kunde: Jürgen Schäfer · in Vertretung für Max Weber',
        link: `/requests/${req.id}`,
      },
    ]);
    expect(await notificationsOf(max.id)).toEqual([]);
    const outbox = await outboxFor(req.id);
    expect(outbox.map((m) => m.to)).toEqual([[anna.email], [manager.email]]);
    expect(outbox[1]!.subject).toBe('Zur Kenntnis: Anliegen A-100012 an Anna Schulz: Inspektion Golf');

    expect(await t.services.jobs.worker.runDue()).toBe(2);
    const mail = await smtp.waitForMessage((m) => m.rcptTo.includes(anna.email));
    expect(mail.parsed.subject).toBe('Neues Anliegen A-100012: Inspektion Golf');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Ihnen wurde ein Anliegen zugewiesen – in Vertretung für Max Weber.');
    expect(text).toContain('Anliegen:  A-100012');
    expect(text).toContain('Art:       Serviceanfrage');
    expect(text).toContain('Kunde:     Jürgen Schäfer');
    expect(text).toContain('Erstkontakt fällig bis: 03.03.2026 09:00 Uhr');
    expect(text).toContain(`Zum Anliegen: https://crm.autohaus.test/requests/${req.id}`);
  });

  it('names who reassigned it and why', async () => {
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Neu' });
    const boss = await makeUser(t, 'manager', { firstName: 'Bernd', lastName: 'Boss' });
    const req = request();
    await t.database.db.transaction((tx) =>
      t.services.assignment.announce(tx, {
        request: req,
        assigneeId: anna.id,
        onBehalfOfId: null,
        notifyUserIds: [],
        reassignedBy: boss.id,
        reason: 'Kollege krank',
      }),
    );
    expect((await notificationsOf(anna.id))[0]!.body).toBe(
      'Kunde: Jürgen Schäfer · zugewiesen von Bernd Boss: Kollege krank',
    );
    expect((await outboxFor(req.id))[0]!.text).toContain('Neu zugewiesen von Bernd Boss. Grund: Kollege krank.');
  });

  it('sends the assignee no mail when the rule says the deputy gets only the in-app notice', async () => {
    const anna = await makeUser(t, 'service');
    const req = request();
    await t.database.db.transaction((tx) =>
      t.services.assignment.announce(tx, {
        request: req,
        assigneeId: anna.id,
        onBehalfOfId: null,
        notifyUserIds: [],
        mailAssignee: false,
      }),
    );
    expect(await notificationsOf(anna.id)).toHaveLength(1);
    expect(await outboxFor(req.id)).toEqual([]);
  });

  it('alerts no one when the transaction rolls back', async () => {
    const anna = await makeUser(t, 'service');
    const req = request();
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.assignment.announce(tx, {
          request: req,
          assigneeId: anna.id,
          onBehalfOfId: null,
          notifyUserIds: [],
        });
        throw new Error('intake failed');
      }),
    ).rejects.toThrow('intake failed');
    expect(await notificationsOf(anna.id)).toEqual([]);
    expect(await outboxFor(req.id)).toEqual([]);
  });
});
