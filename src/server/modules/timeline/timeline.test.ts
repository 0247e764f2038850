import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { createContact, createVehicle } from '../vehicles/test-factories';

let t: TestApp;
let clerk: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.userWithRole('service');
});
afterAll(() => t.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const hoursAgo = (h: number) => new Date(t.clock.now().getTime() - h * 3_600_000).toISOString();

type Entry = { id: number; kind: string; occurredAt: string; summary: string };

async function walk(url: string, limit: number): Promise<Entry[][]> {
  const pages: Entry[][] = [];
  let cursor: string | null = null;
  do {
    const res = await clerk.get(
      `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    pages.push(res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('a contact’s timeline', () => {
  it('pages newest first across pages, also when entries share the same moment, and filters by kind', async () => {
    const contact = await createContact(t, clerk, 'Chronik');
    for (const h of [5, 1, 30, 1, 12, 48, 2]) {
      expect(
        (await clerk.post(`/api/contacts/${contact.id}/notes`, { text: `Notiz vor ${h} h`, occurredAt: hoursAgo(h) }))
          .statusCode,
      ).toBe(201);
    }
    await createVehicle(clerk, { contacts: [{ contactId: contact.id, role: 'owner', validFrom: hoursAgo(3) }] });

    const pages = await walk(`/api/contacts/${contact.id}/timeline`, 3);
    const all = pages.flat();
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const order = all.map((e) => [e.occurredAt, e.id] as const);
    const sorted = [...order].sort((a, b) => b[0].localeCompare(a[0]) || b[1] - a[1]);
    expect(order).toEqual(sorted);
    expect(all.map((e) => e.kind)).toEqual(expect.arrayContaining(['note', 'vehicle_linked', 'contact_created']));

    const notes = (await walk(`/api/contacts/${contact.id}/timeline?kinds=note`, 2)).flat();
    expect(notes.map((e) => e.summary)).toEqual([
      'Notiz vor 1 h',
      'Notiz vor 1 h',
      'Notiz vor 2 h',
      'Notiz vor 5 h',
      'Notiz vor 12 h',
      'Notiz vor 30 h',
      'Notiz vor 48 h',
    ]);
    const two = (await clerk.get(`/api/contacts/${contact.id}/timeline?kinds=note,vehicle_linked&limit=200`)).json()
      .items as Entry[];
    expect(new Set(two.map((e) => e.kind))).toEqual(new Set(['note', 'vehicle_linked']));
  });

  it('refuses an unknown kind with 400 naming kinds, and a damaged cursor naming cursor', async () => {
    const contact = await createContact(t, clerk, 'Filter');
    const res = await clerk.get(`/api/contacts/${contact.id}/timeline?kinds=note,gossip`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'kinds', message: 'unknown kind: gossip' });
    const bad = await clerk.get(`/api/contacts/${contact.id}/timeline?cursor=abc`);
    expect(bad.json().errors[0].field).toBe('cursor');
  });

  it('answers 404 for a contact or vehicle that does not exist', async () => {
    expect((await clerk.get(`/api/contacts/${UNKNOWN}/timeline`)).statusCode).toBe(404);
    expect((await clerk.get(`/api/vehicles/${UNKNOWN}/timeline`)).statusCode).toBe(404);
    expect((await clerk.post(`/api/contacts/${UNKNOWN}/notes`, { text: 'Hallo' })).statusCode).toBe(404);
  });
});

describe('notes', () => {
  it('records the note with its author; the summary is the first line, shortened', async () => {
    const contact = await createContact(t, clerk, 'Notizen');
    const text = `Kunde ruft wegen Inspektion an ${'x'.repeat(150)}\nMöchte Termin nächste Woche.`;
    const res = await clerk.post(`/api/contacts/${contact.id}/notes`, { text });
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      kind: 'note',
      body: text,
      contactId: contact.id,
      occurredAt: t.clock.now().toISOString(),
    });
    expect(entry.summary).toHaveLength(120);
    expect(entry.summary.endsWith('…')).toBe(true);
    expect(entry.author).toEqual({ id: clerk.userId, displayName: expect.stringContaining('service') });
  });

  it('refuses a note dated in the future with 400 naming occurredAt', async () => {
    const contact = await createContact(t, clerk, 'Zukunft');
    const res = await clerk.post(`/api/contacts/${contact.id}/notes`, {
      text: 'Kommt morgen vorbei',
      occurredAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('occurredAt');
  });

  it('a note about a vehicle shows on the vehicle too; an unknown vehicle is refused', async () => {
    const contact = await createContact(t, clerk, 'Werkstatt');
    const vehicle = await createVehicle(clerk);
    const ok = await clerk.post(`/api/contacts/${contact.id}/notes`, {
      text: 'Bremsen quietschen',
      vehicleId: vehicle.id,
    });
    expect(ok.statusCode).toBe(201);
    const ofVehicle = (await clerk.get(`/api/vehicles/${vehicle.id}/timeline?kinds=note`)).json().items;
    expect(ofVehicle.map((e: Entry) => e.summary)).toEqual(['Bremsen quietschen']);
    const bad = await clerk.post(`/api/contacts/${contact.id}/notes`, { text: 'x', vehicleId: UNKNOWN });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('vehicleId');
  });
});

describe('merging contacts', () => {
  it('moves the duplicate’s history to the contact kept', async () => {
    const manager = await t.userWithRole('manager');
    const kept = await createContact(t, clerk, 'Zusammen', 'Zoe');
    const duplicate = await createContact(t, clerk, 'Zusammen', 'Zoe');
    await clerk.post(`/api/contacts/${duplicate.id}/notes`, { text: 'Notiz am Duplikat' });
    expect((await manager.post('/api/contacts/merge', { sourceId: duplicate.id, targetId: kept.id })).statusCode).toBe(
      200,
    );
    const notes = (await clerk.get(`/api/contacts/${kept.id}/timeline?kinds=note`)).json().items;
    expect(notes.map((e: Entry) => e.summary)).toEqual(['Notiz am Duplikat']);
  });
});
