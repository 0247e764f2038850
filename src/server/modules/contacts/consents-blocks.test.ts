import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { personInput } from './test-factories';

let t: TestApp;
let reception: TestClient & { userId: string };
let manager: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp();
  reception = await t.userWithRole('reception');
  manager = await t.userWithRole('manager');
});
afterAll(() => t.close());

const newContact = async () => (await reception.post('/api/contacts', personInput(t.location.id))).json();
const HOUR = 3_600_000;

describe('consent (GDPR)', () => {
  it('keeps both rows after grant then withdraw; the current state shows withdrawn', async () => {
    const contact = await newContact();
    const grant = await reception.post(`/api/contacts/${contact.id}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status: 'granted',
      source: 'signed_form',
      effectiveAt: '2026-03-01T10:00:00+01:00',
    });
    expect(grant.statusCode).toBe(201);
    expect(grant.json().consents).toEqual([
      expect.objectContaining({ channel: 'email', purpose: 'marketing', status: 'granted' }),
    ]);
    t.clock.advance(HOUR);
    const withdraw = await reception.post(`/api/contacts/${contact.id}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status: 'withdrawn',
      source: 'email',
      note: 'Kunde bittet um keine Werbung mehr',
    });
    expect(withdraw.json().consents).toEqual([
      {
        channel: 'email',
        purpose: 'marketing',
        status: 'withdrawn',
        source: 'email',
        effectiveAt: t.clock.now().toISOString(),
      },
    ]);
    const history = (await reception.get(`/api/contacts/${contact.id}/consents`)).json();
    expect(history.map((h: { status: string }) => h.status)).toEqual(['withdrawn', 'granted']);
    expect(history[0]).toMatchObject({
      note: 'Kunde bittet um keine Werbung mehr',
      recordedBy: { id: reception.userId },
    });
    const current = await t.services.contacts.currentConsents([contact.id]);
    expect(current.get(contact.id)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    const entries = await t.database.query<{ summary: string }>(
      `SELECT summary FROM timeline_entries WHERE contact_id = $1 AND kind = 'consent_changed' ORDER BY id`,
      [contact.id],
    );
    expect(entries.map((e) => e.summary)).toEqual([
      'Einwilligung erteilt: E-Mail (Werbung)',
      'Einwilligung widerrufen: E-Mail (Werbung)',
    ]);
  });

  it('refuses an unknown channel naming channel, and a decision in the future naming effectiveAt', async () => {
    const contact = await newContact();
    const unknown = await reception.post(`/api/contacts/${contact.id}/consents`, {
      channel: 'fax',
      purpose: 'marketing',
      status: 'granted',
      source: 'verbal',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('channel');
    const future = await reception.post(`/api/contacts/${contact.id}/consents`, {
      channel: 'phone',
      purpose: 'marketing',
      status: 'granted',
      source: 'verbal',
      effectiveAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('effectiveAt');
  });
});

describe('blocks', () => {
  it('a manager blocks a contact: the card shows the banner data, the list marks it, and a second block is refused', async () => {
    const contact = await newContact();
    const res = await manager.post(`/api/contacts/${contact.id}/block`, { reason: 'Hausverbot nach Beleidigung' });
    expect(res.statusCode).toBe(200);
    expect(res.json().activeBlock).toMatchObject({
      reason: 'Hausverbot nach Beleidigung',
      blockedAt: t.clock.now().toISOString(),
      blockedUntil: null,
      blockedBy: { id: manager.userId },
    });
    const list = (await reception.get(`/api/contacts?blocked=true&limit=200`)).json();
    expect(list.items.find((i: { id: string }) => i.id === contact.id)).toMatchObject({ blocked: true });
    expect((await manager.post(`/api/contacts/${contact.id}/block`, { reason: 'nochmal' })).statusCode).toBe(409);
    expect(await t.services.contacts.blockedIds([contact.id])).toEqual(new Set([contact.id]));
  });

  it('an unblock lifts it; unblocking an unblocked contact is refused', async () => {
    const contact = await newContact();
    await manager.post(`/api/contacts/${contact.id}/block`, { reason: 'Zahlungsrückstand' });
    const lifted = await manager.post(`/api/contacts/${contact.id}/unblock`, { reason: 'bezahlt' });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().activeBlock).toBeNull();
    expect((await manager.post(`/api/contacts/${contact.id}/unblock`, {})).statusCode).toBe(409);
    const kinds = await t.database.query<{ kind: string }>(
      `SELECT kind FROM timeline_entries WHERE contact_id = $1 ORDER BY id`,
      [contact.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['contact_created', 'blocked', 'unblocked']);
  });

  it('only admins and managers block', async () => {
    const contact = await newContact();
    expect((await reception.post(`/api/contacts/${contact.id}/block`, { reason: 'unfreundlich' })).statusCode).toBe(
      403,
    );
  });
  // Last in this file: moving the clock a day on also ends the test sessions.
  it('a block with an end runs out by itself', async () => {
    const contact = await newContact();
    const until = new Date(t.clock.now().getTime() + 24 * HOUR).toISOString();
    await manager.post(`/api/contacts/${contact.id}/block`, { reason: 'Sperre für einen Tag', until });
    expect((await reception.get(`/api/contacts/${contact.id}`)).json().activeBlock.blockedUntil).toBe(until);
    t.clock.advance(25 * HOUR);
    expect((await t.services.contacts.get(contact.id)).activeBlock).toBeNull();
    expect((await t.services.contacts.blockedIds([contact.id])).size).toBe(0);
  });
});
