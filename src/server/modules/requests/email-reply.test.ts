import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { plainMail } from '@test/support/mails';
import { findMailbox } from '@server/modules/mailboxes';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import { callbackRequest, createRequest, intakeKey, newCustomer } from './test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let smtp: TestSmtpServer;
let reception: User;
let manager: User;
let elsewhere: User;
let admin: User;
let key: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Autohaus CRM <crm@autohaus-test.de>' } });
  reception = await t.userWithRole('reception');
  manager = await t.userWithRole('manager');
  admin = await t.userWithRole('admin');
  const other = await t.services.org.createLocation(null, testLocation({ name: 'Anderswo', code: 'ANW' }));
  elsewhere = await t.userWithRole('manager', { locationId: other.id });
  key = await intakeKey(t, admin);
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const PDF = Buffer.from('%PDF-1.4\n% Kostenvoranschlag Bremsen\n%%EOF\n');

function multipart(name: string, type: string, content: Buffer) {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const to = (address: string) => (m: ReceivedMail) => m.rcptTo.includes(address);

let uid = 0;
/** A mail from the customer as the mailbox reader hands it over (Message-ID kunde-1, answering kunde-0). */
async function customerMail(from: string, subject: string) {
  const created = await admin.post('/api/mailboxes', {
    locationId: t.location.id,
    name: `Service ${++uid}`,
    address: `service${uid}@autohaus-test.de`,
    host: '127.0.0.1',
    port: 1143,
    tls: false,
    username: 'service',
    secret: 'geheim',
    enabled: false,
  });
  expect(created.statusCode, created.body).toBe(201);
  const mailbox = (await findMailbox(t.database.db, created.json().id))!;
  const raw = plainMail({
    from,
    subject,
    id: '<kunde-1@example.test>',
    headers: ['In-Reply-To: <kunde-0@example.test>', 'References: <kunde-0@example.test>'],
    text: 'Wann kann ich kommen?',
  });
  const stored = await t.services.mailboxes.ingest(mailbox, { uidValidity: 1, uid, raw: Buffer.from(raw) });
  expect(stored.outcome).toBe('added_to_request');
}

async function emailRequest(overrides: Record<string, unknown> = {}) {
  const customer = newCustomer();
  const request = await createRequest(
    reception,
    callbackRequest(t.location.id, { channel: 'email', subject: 'Frage zur Inspektion', customer, ...overrides }),
  );
  return { request, address: (customer.email as string).toLowerCase() };
}

describe('answering a request by e-mail', () => {
  it('goes out from the consultant with the number in the subject, threaded, with the file, as an attempt', async () => {
    const { request, address } = await emailRequest();
    const uploaded = await manager.request({
      method: 'POST',
      url: `/api/requests/${request.id}/attachments`,
      ...multipart('Kostenvoranschlag.pdf', 'application/pdf', PDF),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const [file] = (await manager.get(`/api/requests/${request.id}/attachments`)).json();
    // The customer writes again, to the mailbox, naming the request: the reply answers that mail.
    await customerMail(address, `Re: Frage zur Inspektion [${request.number}]`);

    const text = 'Guten Tag,\n\nanbei der Kostenvoranschlag.   Zwei Leerzeichen bleiben.\n\nViele Grüße';
    const res = await manager.post(`/api/requests/${request.id}/email-reply`, {
      to: address,
      subject: 'Re: Frage zur Inspektion',
      text,
      attachmentIds: [file.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('in_progress');

    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage(to(address));
    expect(mail.parsed.subject).toBe(`Re: Frage zur Inspektion [${request.number}]`);
    expect(mail.parsed.messageId).toMatch(/^<[0-9a-f-]+@autohaus-test\.de>$/);
    expect(mail.parsed.inReplyTo).toBe('<kunde-1@example.test>');
    expect(mail.parsed.references).toEqual(['<kunde-0@example.test>', '<kunde-1@example.test>']);
    expect(mail.parsed.replyTo?.value[0]?.address).toBe(manager.email);
    expect(mail.parsed.text?.trimEnd()).toBe(text);
    const attachment = mail.parsed.attachments.find((a) => a.filename === 'Kostenvoranschlag.pdf');
    expect(Buffer.compare(attachment!.content, PDF)).toBe(0);

    const attempts = await t.database.query<{ channel: string; outcome: string; email_id: string }>(
      `SELECT channel, outcome, email_id FROM contact_attempts WHERE request_id = '${request.id}'`,
    );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ channel: 'email', outcome: 'email_sent' });
    // The request shows the attempt with the mail as sent.
    expect(res.json().attempts).toEqual([
      expect.objectContaining({ outcome: 'email_sent', emailId: attempts[0]!.email_id }),
    ]);
    const emails = (await manager.get(`/api/contacts/${request.contact.id}/emails`)).json();
    expect(emails[0]).toMatchObject({ id: attempts[0]!.email_id, requestId: request.id, reason: 'asked' });

    const timeline = (await manager.get(`/api/contacts/${request.contact.id}/timeline`)).json();
    const entries = (timeline.items ?? timeline) as Array<{
      kind: string;
      body: string | null;
      data: Record<string, unknown>;
    }>;
    const entry = entries.find((e) => e.data.customerEmailId === attempts[0]!.email_id)!;
    expect(entry.body).toBe(text);
    // The attempt is on the customer's history too.
    expect(entries.some((e) => e.data.outcome === 'email_sent' && e.data.requestId === request.id)).toBe(true);
    expect(entry.data).toMatchObject({ requestId: request.id, attachments: ['Kostenvoranschlag.pdf'] });

    // The next reply refers to ours and to the customer's thread; the number is not repeated.
    const again = await manager.post(`/api/requests/${request.id}/email-reply`, {
      subject: `Re: Frage zur Inspektion [${request.number}]`,
      text: 'Nachtrag.',
    });
    expect(again.statusCode, again.body).toBe(201);
    await t.services.jobs.worker.runDue();
    const second = await smtp.waitForMessage((m) => m.parsed.text?.includes('Nachtrag.') ?? false);
    expect(second.parsed.subject).toBe(`Re: Frage zur Inspektion [${request.number}]`);
    expect(second.parsed.references).toEqual([
      '<kunde-0@example.test>',
      mail.parsed.messageId,
      '<kunde-1@example.test>',
    ]);
  });

  it('without a mail from the customer refers to the request’s earlier mails only', async () => {
    const { request } = await emailRequest();
    const first = await manager.post(`/api/requests/${request.id}/email-reply`, { subject: 'Ihre Anfrage', text: 'A' });
    const second = await manager.post(`/api/requests/${request.id}/email-reply`, {
      subject: 'Ihre Anfrage',
      text: 'B',
    });
    expect(second.statusCode).toBe(201);
    const emails = (await manager.get(`/api/contacts/${request.contact.id}/emails`)).json();
    expect(emails).toHaveLength(2);
    expect(emails[1].inReplyTo).toBeNull();
    expect(emails[0]).toMatchObject({ inReplyTo: emails[1].messageId, references: [emails[1].messageId] });
    expect(first.statusCode).toBe(201);
  });

  it('is refused to staff of another location, and nothing is sent', async () => {
    const { request } = await emailRequest();
    const res = await elsewhere.post(`/api/requests/${request.id}/email-reply`, { subject: 'Hallo', text: 'Text' });
    expect(res.statusCode).toBe(403);
    expect((await manager.get(`/api/contacts/${request.contact.id}/emails`)).json()).toEqual([]);
  });

  it('names the missing subject and a file that is not the request’s', async () => {
    const { request } = await emailRequest();
    const empty = await manager.post(`/api/requests/${request.id}/email-reply`, { subject: ' ', text: 'Text' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'subject' });
    const foreign = await manager.post(`/api/requests/${request.id}/email-reply`, {
      subject: 'Hallo',
      text: 'Text',
      attachmentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'attachmentIds.0', code: 'unknown_document' });
  });
});

describe('the acknowledgement of a request', () => {
  const intake = (body: Record<string, unknown>, idempotencyKey: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/intake/requests',
      payload: body,
      headers: { ...key.headers, 'idempotency-key': idempotencyKey },
    });
  const ackOn = async (type: string, on: boolean) => {
    const res = await admin.put(`/api/requests/type-settings/${type}`, {
      firstContactAmount: 4,
      firstContactUnit: 'working_hours',
      acknowledgement: on,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const acksOf = (contactId: string) =>
    t.database.query<{ id: string; subject: string; text: string }>(
      `SELECT id, subject, text FROM customer_emails WHERE contact_id = '${contactId}' AND template_key = 'acknowledgement'`,
    );

  it('goes out once for a web-form request, with the number and the deadline in words', async () => {
    await ackOn('parts', true);
    const customer = newCustomer();
    const body = {
      type: 'parts',
      locationCode: t.location.code,
      subject: 'Winterräder',
      message: 'Haben Sie Winterräder für den Golf?',
      customer,
    };
    const res = await intake(body, 'ack-1');
    expect(res.statusCode, res.body).toBe(201);
    // The same call retried: the same request, no second mail.
    expect((await intake(body, 'ack-1')).statusCode).toBe(201);
    const requestId = res.json().request.id as string;
    const request = (await manager.get(`/api/requests/${requestId}`)).json();
    // Explicitly asked again (as the mailbox intake will): still one.
    const twice = await t.database.db.transaction((tx) => t.services.requests.sendAcknowledgement(tx, requestId));
    expect(twice).toEqual({ sent: false, reason: 'already_sent' });

    const acks = await acksOf(request.contact.id);
    expect(acks).toHaveLength(1);
    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage(to((customer.email as string).toLowerCase()));
    expect(mail.parsed.subject).toBe(`Eingangsbestätigung: Winterräder [${request.number}]`);
    expect(mail.parsed.from?.value[0]?.name).toBe('Autohaus Test Stuttgart');
    expect(mail.parsed.text).toContain(`unter der Vorgangsnummer ${request.number} aufgenommen`);
    // Monday 2 March, 09:00 in Berlin + 4 working hours.
    expect(mail.parsed.text).toContain('Wir melden uns bis spätestens Montag, 2. März, 13:00 Uhr.');
    expect(request.firstContactDueAt).toBe('2026-03-02T12:00:00.000Z');
  });

  it('speaks English when asked to', async () => {
    await ackOn('parts', true);
    const res = await intake(
      { type: 'parts', locationCode: t.location.code, subject: 'Roof box', customer: newCustomer() },
      'ack-en',
    );
    const requestId = res.json().request.id as string;
    // The web form's request was acknowledged in German already: a new request, acknowledged in English.
    await t.database.query(`UPDATE customer_requests SET acknowledged_at = NULL WHERE id = '${requestId}'`);
    await t.database.query(`DELETE FROM customer_emails WHERE request_id = '${requestId}'`);
    const sent = await t.database.db.transaction((tx) =>
      t.services.requests.sendAcknowledgement(tx, requestId, { locale: 'en', mailboxAddress: 'service@example.test' }),
    );
    expect(sent).toMatchObject({ sent: true });
    const [ack] = await t.database.query<{ text: string; reply_to: string }>(
      `SELECT text, reply_to FROM customer_emails WHERE request_id = '${requestId}'`,
    );
    expect(ack!.text).toContain('We will get back to you by Monday, 2 March, 13:00 at the latest.');
    expect(ack!.reply_to).toBe('service@example.test');
  });

  it('is not sent when the type has it off, nor to an address the outbox gave up on', async () => {
    await ackOn('general', false);
    const off = await intake(
      { type: 'general', locationCode: t.location.code, subject: 'Frage', customer: newCustomer() },
      'ack-off',
    );
    const offRequest = (await manager.get(`/api/requests/${off.json().request.id}`)).json();
    expect(await acksOf(offRequest.contact.id)).toEqual([]);

    await ackOn('general', true);
    const customer = newCustomer();
    const address = (customer.email as string).toLowerCase();
    await t.database.query(
      `INSERT INTO outbox_emails (id, "to", subject, text, status) VALUES (gen_random_uuid(), ARRAY['${address}'], 'x', 'x', 'failed')`,
    );
    const invalid = await intake(
      { type: 'general', locationCode: t.location.code, subject: 'Frage', customer },
      'ack-invalid',
    );
    const invalidRequest = (await manager.get(`/api/requests/${invalid.json().request.id}`)).json();
    expect(await acksOf(invalidRequest.contact.id)).toEqual([]);
    const asked = await t.database.db.transaction((tx) =>
      t.services.requests.sendAcknowledgement(tx, invalidRequest.id),
    );
    expect(asked).toEqual({ sent: false, reason: 'address_invalid' });
  });
});
