import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { mapExtension, WebhookPbx, webhookConnection } from '../telephony/test-simulator';

let t: TestApp;
let reception: TestClient & { userId: string };
let pbx: WebhookPbx;
let pbxKey: Record<string, string>;
let people = 0;

beforeAll(async () => {
  t = await createTestApp();
  reception = await t.userWithRole('reception');
  const admin = await t.userWithRole('admin');
  const connection = await webhookConnection(t, admin);
  await mapExtension(t, connection.id, '21', reception.userId);
  pbx = new WebhookPbx(t, connection.id, connection.headers);
  pbxKey = connection.headers;
});
afterAll(() => t.close());

async function contactWithPhone(number: string) {
  const res = await reception.post('/api/contacts', {
    lastName: `Nummer${++people}`,
    homeLocationId: t.location.id,
    phones: [{ kind: 'landline', number }],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; phones: Array<{ raw: string; e164: string | null; display: string }> };
}

describe('phone numbers as German users and systems write them', () => {
  it.each([
    ['0171 1234567', '+491711234567', '0171 1234567'],
    ['+49 171 1234567', '+491711234567', '0171 1234567'],
    ['0049 171 1234567', '+491711234567', '0171 1234567'],
    ['49171 1234567', '+491711234567', '0171 1234567'],
    ['4915791234567', '+4915791234567', '01579 1234567'],
    ['492111234567', '+492111234567', '0211 1234567'],
    ['+49 (0) 30 1234567', '+49301234567', '030 1234567'],
    ['49(0)30 1234567', '+49301234567', '030 1234567'],
    ['030/1234567', '+49301234567', '030 1234567'],
    ['030-123 45 67', '+49301234567', '030 1234567'],
    ['(030) 1234567', '+49301234567', '030 1234567'],
    ['+43 662 842211', '+43662842211', '+43 662 842211'],
    ['0043 662 842211', '+43662842211', '+43 662 842211'],
    ['089 123456-42', '+498912345642', '089 12345642'],
  ])('stores %s as %s, shown as %s, and keeps what was typed', async (typed, e164, display) => {
    const contact = await contactWithPhone(typed);
    expect(contact.phones[0]).toMatchObject({ raw: typed, e164, display });
  });

  it('finds the caller and the search bar finds the customer by the number without "+"', async () => {
    const stored = await contactWithPhone('0211 7654321');
    for (const sent of ['492117654321', '49(0)211 7654321']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/contacts/lookup-by-phone?number=${encodeURIComponent(sent)}`,
        headers: pbxKey,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ e164: '+492117654321', matches: [{ contactId: stored.id }] });
      const search = await reception.get(`/api/search?q=${encodeURIComponent(sent)}`);
      expect(search.statusCode, search.body).toBe(200);
      expect(search.json().results.map((r: { contactId: string }) => r.contactId)).toContain(stored.id);
    }
  });

  it('reads a webhook call from "49…" as the German number and pops up the customer', async () => {
    const stored = await contactWithPhone('0157 91234568');
    const ring = await pbx.ring('notation-1', '4915791234568', ['21']);
    const call = (await reception.get(`/api/calls/${ring.callId}`)).json();
    expect(call).toMatchObject({ fromNumber: '+4915791234568', contact: { id: stored.id } });
  });

  it('leaves short, internal and withheld numbers alone', async () => {
    for (const [callId, from] of [
      ['short-1', '110'],
      ['internal-1', '22'],
      ['withheld-1', 'anonymous'],
    ] as const) {
      const ring = await pbx.ring(callId, from, ['21']);
      const call = (await reception.get(`/api/calls/${ring.callId}`)).json();
      expect(call.fromNumber).toBeNull();
      expect(call.contact).toBeNull();
    }
  });
});
