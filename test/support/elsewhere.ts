import { personInput } from '@server/modules/contacts/test-factories';
import { multipart, upload } from '@server/modules/imports/test-support';
import { callbackRequest, createRequest } from '@server/modules/requests/test-support';
import { renderOfferPdfIn } from '@server/modules/sales';
import { salesRecords } from '@server/modules/sales/documents/test-factory';
import { WebhookPbx } from '@server/modules/telephony/test-simulator';
import { tinyPdf } from '@server/modules/sales/offers/test-support';
import { insertOffer } from '@server/modules/sales/orders/test-factory';
import { findMailbox } from '@server/modules/mailboxes';
import { type TestApp, type TestClient, testLocation } from './app';
import { plainMail } from './mails';

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
  const opportunity = await created<{ id: string; version: number }>(
    'opportunity',
    await admin.post('/api/opportunities', {
      contactId: contact.id,
      ownerId: sales.userId,
      locationId: location.id,
      interestMake: 'Volvo',
      interestModel: 'XC40',
    }),
  );
  const offer = await created<{ id: string }>(
    'offer',
    await admin.request({
      method: 'POST',
      url: `/api/opportunities/${opportunity.id}/offers/external`,
      ...multipart({ tool: 'volvo_vsma' }, { name: 'vsma.pdf', content: tinyPdf(), type: 'application/pdf' }),
    }),
  );
  const channels = (await sales.get('/api/board/channels')).json().items as Array<{ id: string; kind: string }>;
  const channel = channels.find((c) => c.kind === 'location')!;
  const thread = await created<{ id: string }>(
    'board thread',
    await sales.post(`/api/board/channels/${channel.id}/threads`, {
      title: 'Ulmer Hofladen liefert montags',
      body: 'Bitte den Kühlschrank im Pausenraum freiräumen.',
      contactId: contact.id,
    }),
  );
  const post = ((await sales.get(`/api/board/threads/${thread.id}`)).json().items as Array<{ id: string }>)[0]!;
  // A sales opportunity with an accepted offer still to order and one already ordered.
  const acceptedOffer = await insertOffer(t.database.db, opportunity.id, { version: 2 });
  const orderedOffer = await insertOffer(t.database.db, opportunity.id, { version: 3 });
  const purchaseOrder = await created<{ id: string }>(
    'purchase order',
    await manager.post(`/api/offers/${orderedOffer.id}/purchase-order`, {}),
  );
  const check = await created<{ id: string }>(
    'daily check',
    await admin.post(`/api/locations/${location.id}/checks`, { name: 'Kamerakontrolle', weekdays: [1, 2, 3, 4, 5] }),
  );
  const demoVehicle = await created<{ id: string }>(
    'demo vehicle',
    await admin.post('/api/demo-vehicles', { locationId: location.id, make: 'VW', model: 'ID.4', plate: 'UL-AB 1' }),
  );
  const demoBlock = await created<{ id: string }>(
    'demo vehicle block',
    await admin.post(`/api/demo-vehicles/${demoVehicle.id}/blocks`, {
      startsAt: '2026-03-05T08:00:00+01:00',
      endsAt: '2026-03-05T17:00:00+01:00',
      reason: 'Messe Ulm',
    }),
  );
  const { testDrive } = await created<{ testDrive: { id: string } }>(
    'test drive',
    await admin.post('/api/test-drives', {
      contactId: contact.id,
      consultantId: sales.userId,
      demoVehicleId: demoVehicle.id,
      startsAt: '2026-03-04T10:00:00+01:00',
      endsAt: '2026-03-04T11:00:00+01:00',
    }),
  );
  const sales_ = await salesRecords(t.database.db, {
    locationId: location.id,
    ownerId: sales.userId,
    contactId: contact.id,
  });
  const offerDocument = await renderOfferPdfIn(t.database.db, sales_.offer.id, null);
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
  const serviceProcess = await created<{ id: string }>(
    'service process',
    await manager.post('/api/service-processes', {
      name: 'Wartung Ulm',
      activity: 'maintenance',
      locationId: location.id,
      steps: [
        { title: 'Fahrzeug annehmen', role: 'manager', expectedHours: 1, expectedCostCents: 0, activityType: null },
      ],
    }),
  );
  const serviceTicket = await created<{ id: string; currentStep: { id: string } }>(
    'service ticket',
    await manager.post('/api/service-tickets', { templateId: serviceProcess.id, requestId: request.id }),
  );
  const campaign = await created<{ id: string }>(
    'campaign',
    await manager.post('/api/campaigns', {
      name: 'Ulmer Frühjahrs-Check',
      channel: 'letter',
      locationId: location.id,
      filter: {},
      body: '{{anrede}},',
    }),
  );
  const complaint = await created<{ id: string; version: number; steps: Array<{ id: string }> }>(
    'complaint',
    await admin.post('/api/complaints', { requestId: request.id }),
  );
  const lifecycleRule = await created<{ id: string }>(
    'lifecycle rule',
    await manager.post('/api/lifecycle/rules', {
      name: 'Ulm: Anruf nach der Auslieferung',
      locationId: location.id,
      make: null,
      trigger: 'days_after_delivery',
      amount: 10,
      phase: null,
      action: 'activity',
      assignee: 'sales_consultant',
      activityType: 'satisfaction_call',
      consentChannel: null,
      consentPurpose: null,
      template: 'Wie gefällt der Wagen?',
      lookbackDays: 0,
      enabled: false,
    }),
  );
  const mailbox = await created<{ id: string }>(
    'mailbox',
    await admin.post('/api/mailboxes', {
      locationId: location.id,
      name: 'Verkauf Ulm',
      address: 'verkauf@ulm.example.test',
      host: '127.0.0.1',
      port: 1143,
      tls: false,
      username: 'verkauf',
      secret: 'geheim-ulm',
      enabled: false,
    }),
  );
  // A mail the mailbox took in: what the reader of the server hands over, without a server to read.
  const mailed = await t.services.mailboxes.ingest((await findMailbox(t.database.db, mailbox.id))!, {
    uidValidity: 1,
    uid: 1,
    raw: Buffer.from(plainMail({ subject: 'Probefahrt in Ulm?', text: 'Geht es am Samstag?' })),
  });
  const [inboundMail] = await created<Array<{ id: string }>>(
    'inbound mail',
    await admin.get(`/api/requests/${mailed.requestId}/inbound-mails`),
  );
  // A batch of lifecycle letters printed there (empty: what matters is whose it is).
  const [printBatch] = (
    (await t.database.db.execute(
      `INSERT INTO lifecycle_print_batches (location_id, created_by, letter_count) VALUES ('${location.id}', '${manager.userId}', 0) RETURNING id`,
    )) as unknown as { rows: Array<{ id: string }> }
  ).rows;
  return {
    lifecycleRule,
    printBatch: printBatch!,
    mailbox,
    inboundMail: inboundMail!,
    serviceProcess,
    serviceTicket,
    campaign,
    complaint,
    board: { channelId: channel.id, threadId: thread.id, postId: post.id, title: 'Ulmer Hofladen liefert montags' },
    acceptedOffer,
    purchaseOrder,
    location,
    check,
    salesRecords: sales_,
    offerDocument,
    manager,
    offer,
    message,
    sales,
    contact,
    activity,
    opportunity,
    request,
    attachment: attachment!,
    rules,
    absence,
    importId: uploaded.id,
    connection,
    callId: call.callId,
    demoVehicle,
    demoBlock,
    testDrive,
  };
}

export type Elsewhere = Awaited<ReturnType<typeof locationElsewhere>>;
