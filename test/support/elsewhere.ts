import { personInput } from '@server/modules/contacts/test-factories';
import { multipart, upload } from '@server/modules/imports/test-support';
import { callbackRequest, createRequest } from '@server/modules/requests/test-support';
import { WebhookPbx } from '@server/modules/telephony/test-simulator';
import { type TestApp, type TestClient, testLocation } from './app';

async function created<T>(what: string, res: { statusCode: number; body: string; json(): unknown }): Promise<T> {
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/**
 * A second location with one of everything that belongs to a location: a
 * request with a file, two assignment rules, an absence, an import, a phone
 * system with a call. What a colleague elsewhere must not reach.
 */
export async function locationElsewhere(t: TestApp, admin: TestClient) {
  const location = await t.services.org.createLocation(
    null,
    testLocation({ name: 'Autohaus Test Ulm', code: 'ULM', city: 'Ulm', email: 'ulm@example.test' }),
  );
  const manager = await t.userWithRole('manager', { locationId: location.id });
  const sales = await t.userWithRole('sales', { locationId: location.id });
  const contact = await created<{ id: string }>('contact', await admin.post('/api/contacts', personInput(location.id)));
  const request = await createRequest(
    admin,
    callbackRequest(location.id, { customer: undefined, contactId: contact.id, assigneeId: sales.userId }),
  );
  const file = multipart(
    {},
    { name: 'notiz.txt', content: Buffer.from('Bitte vormittags anrufen.'), type: 'text/plain' },
  );
  const [attachment] = await created<Array<{ id: string }>>(
    'attachment',
    await admin.request({ method: 'POST', url: `/api/requests/${request.id}/attachments`, ...file }),
  );
  const rule = (name: string) =>
    admin.post('/api/assignment/rules', {
      name,
      match: { locationIds: [location.id] },
      strategy: 'fixed_user',
      userId: sales.userId,
    });
  const rules = [
    await created<{ id: string }>('rule', await rule('Ulm Rückrufe')),
    await created<{ id: string }>('rule', await rule('Ulm Verkauf')),
  ];
  const absence = await created<{ id: string }>(
    'absence',
    await admin.post('/api/absences', {
      userId: sales.userId,
      kind: 'sick',
      startsOn: '2026-03-02',
      endsOn: '2026-03-03',
      note: 'Attest liegt vor',
    }),
  );
  const uploaded = await created<{ id: string }>(
    'import',
    await upload(manager, 'contacts', 'ulm.csv', Buffer.from('Nachname;Telefon\nUlmer;0731 123456\n')),
  );
  const connection = await created<{ id: string }>(
    'connection',
    await admin.post('/api/telephony/connections', {
      provider: 'webhook',
      name: 'Telefonanlage Ulm',
      locationId: location.id,
    }),
  );
  const key = await created<{ secret: string }>(
    'api key',
    await admin.post('/api/admin/api-keys', { name: 'PBX Ulm', scopes: ['telephony'] }),
  );
  const pbx = new WebhookPbx(t, connection.id, { 'x-api-key': key.secret });
  const call = await pbx.ring('ulm-call-1', '+49 731 9876543', []);
  const activity = await created<{ id: string }>(
    'activity',
    await admin.post('/api/activities', {
      type: 'test_drive',
      subject: 'Probefahrt in Ulm',
      ownerId: sales.userId,
      contactId: contact.id,
      startsAt: '2026-03-04T10:00:00+01:00',
      endsAt: '2026-03-04T11:00:00+01:00',
    }),
  );
  const message = await created<{ id: string }>(
    'message',
    await manager.post('/api/messages', {
      contactId: contact.id,
      responsibleId: sales.userId,
      text: 'Neue Telefonnummer genannt.',
      type: 'internal',
      internalSubject: 'phone',
      locationId: location.id,
    }),
  );
  return {
    location,
    manager,
    message,
    sales,
    contact,
    activity,
    request,
    attachment: attachment!,
    rules,
    absence,
    importId: uploaded.id,
    connection,
    callId: call.callId,
  };
}

export type Elsewhere = Awaited<ReturnType<typeof locationElsewhere>>;
