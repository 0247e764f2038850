import { renderNotificationText } from '@shared/texts/notifications';
import { translator } from '@shared/texts/translate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { makeUser } from '../assignment/test-factories';
import { callbackRequest, createRequest } from '../requests/test-support';

let t: TestApp;
let reception: TestClient & { userId: string };
let advisor: { id: string; email: string; client: TestClient };

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' } });
  await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  const english = await makeUser(t, 'service', { firstName: 'Emma', lastName: 'Baker', locale: 'en' });
  advisor = { ...english, client: await t.login(english.email) };
});
afterAll(() => t.close());

describe('notifications in the reader’s language', () => {
  it('stores what a German colleague’s request says by key, and an English advisor reads it in English', async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const request = await createRequest(
      reception,
      callbackRequest(t.location.id, { assigneeId: advisor.id, subject: 'Rückruf wegen Inspektion' }),
    );

    const [row] = await t.database.query<{ title: string; text_key: string; text_params: Record<string, unknown> }>(
      `SELECT title, text_key, text_params FROM notifications WHERE user_id = $1 AND kind = 'request.assigned'`,
      [advisor.id],
    );
    expect(row!.text_key).toBe('notification.requestAssigned');
    expect(row!.text_params).toMatchObject({
      number: request.number,
      subject: 'Rückruf wegen Inspektion',
      onBehalfOf: null,
    });
    // API clients that do not render texts keep the German title.
    expect(row!.title).toBe(`Neues Anliegen ${request.number}: Rückruf wegen Inspektion`);

    const [item] = (await advisor.client.get('/api/notifications')).json().items;
    expect(item.text.key).toBe('notification.requestAssigned');
    const english = renderNotificationText(item.text, translator('en'), 'en');
    expect(english?.title).toBe(`New request ${request.number}: Rückruf wegen Inspektion`);
    expect(english?.body).toMatch(/^Customer: .*Kundin\d+/);
  });

  it('sends the overdue alert to an English advisor in English and to a German manager in German', async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const request = await createRequest(reception, callbackRequest(t.location.id, { assigneeId: advisor.id }));
    t.clock.set('2026-03-03T08:01:00Z');
    await t.services.jobs.worker.runDue();

    const mails = await t.database.query<{ to: string[]; subject: string; text: string }>(
      `SELECT "to", subject, text FROM outbox_emails WHERE subject LIKE $1 OR subject LIKE $2`,
      [`Overdue: ${request.number}%`, `Überfällig: ${request.number}%`],
    );
    const toAdvisor = mails.find((m) => m.to.includes(advisor.email))!;
    expect(toAdvisor.subject).toMatch(new RegExp(`^Overdue: ${request.number} Callback – `));
    expect(toAdvisor.text).toContain('Hello Emma Baker,');
    expect(toAdvisor.text).toContain('needed a first contact by 03/03/2026, 09:00. Responsible: Emma Baker.');
    const toManager = mails.find((m) => !m.to.includes(advisor.email))!;
    expect(toManager.subject).toMatch(new RegExp(`^Überfällig: ${request.number} Rückruf – `));
    expect(toManager.text).toContain('hätte bis 03.03.26, 09:00 einen Erstkontakt gebraucht. Zuständig: Emma Baker.');
  });

  it('mails the assignment to an English advisor in English, with the German customer’s words as they were', async () => {
    t.clock.set('2026-03-02T08:00:00Z');
    const request = await createRequest(
      reception,
      callbackRequest(t.location.id, { assigneeId: advisor.id, subject: 'Bitte Rückruf wegen Bremsen' }),
    );
    const [mail] = await t.database.query<{ subject: string; text: string }>(
      `SELECT subject, text FROM outbox_emails WHERE $1 = ANY("to") AND subject LIKE $2`,
      [advisor.email, `%${request.number}%`],
    );
    expect(mail!.subject).toBe(`New request ${request.number}: Bitte Rückruf wegen Bremsen`);
    expect(mail!.text).toContain('Hello Emma Baker,');
    expect(mail!.text).toContain('A request has been assigned to you.');
    expect(mail!.text).toContain('Type:      Callback');
    expect(mail!.text).toContain('Subject:   Bitte Rückruf wegen Bremsen');
    expect(mail!.text).not.toContain('Anliegen');
  });
});
