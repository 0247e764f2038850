import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import { storeDocumentIn } from '@server/modules/documents';
import { callbackRequest, createRequest } from '@server/modules/requests/test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let smtp: TestSmtpServer;
let sales: User;
let manager: User;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Autohaus CRM <crm@autohaus-test.de>' } });
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

let n = 0;
async function customer(email: string | null, consent: Array<'granted' | 'withdrawn'> = ['granted']) {
  const res = await sales.post('/api/contacts', {
    salutation: 'mr',
    firstName: 'Jürgen',
    lastName: `Schäfer${++n}`,
    homeLocationId: t.location.id,
    emails: email ? [{ address: email, isPrimary: true }] : [],
    ignoreDuplicates: true,
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  for (const status of consent) {
    const c = await sales.post(`/api/contacts/${id}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status,
      source: 'signed_form',
    });
    expect(c.statusCode).toBeLessThan(300);
    t.clock.advance(1000);
  }
  return id;
}

async function tinyPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

const queuedCount = async () =>
  Number(
    ((await t.database.db.execute('SELECT count(*)::int AS n FROM outbox_emails')) as { rows: Array<{ n: number }> })
      .rows[0]!.n,
  );

const to = (address: string) => (m: ReceivedMail) => m.rcptTo.includes(address);

describe('an e-mail to the customer from the CRM', () => {
  it('arrives from the consultant with Reply-To them, the PDF attached, and is kept byte for byte as sent', async () => {
    const contactId = await customer('juergen.schaefer@example.test');
    const pdf = await tinyPdf('Angebot A-4711 Gesamtpreis 34.990,00 EUR');
    const doc = await t.database.db.transaction((tx) =>
      storeDocumentIn(tx, {
        kind: 'offer',
        ownerType: 'contact',
        ownerId: contactId,
        fileName: 'Angebot-A-4711.pdf',
        contentType: 'application/pdf',
        content: pdf,
        createdById: sales.userId,
      }),
    );

    const res = await sales.post(`/api/contacts/${contactId}/emails`, {
      templateKey: 'offer_sent',
      subject: 'Ihr Angebot für den Golf – Grüße aus Göppingen',
      text: 'Guten Tag Herr Schäfer,\n\nanbei Ihr Angebot. <b>nicht fett</b>\n\nViele Grüße',
      attachmentDocumentIds: [doc.id],
    });
    expect(res.statusCode).toBe(201);
    const sent = res.json();
    expect(sent).toMatchObject({ status: 'queued', reason: 'consent', to: 'juergen.schaefer@example.test' });

    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage(to('juergen.schaefer@example.test'));
    const me = (await sales.get('/api/auth/session')).json();
    // With SMTP_URL set the app knows mail goes out.
    expect(me.mailServer).toBe(true);
    const name = me.user?.displayName ?? me.displayName;
    // The location's own address (set on the test location) is the sender; the name is the consultant's.
    expect(mail.parsed.from?.value[0]).toMatchObject({ name, address: 'stuttgart@example.test' });
    expect(mail.parsed.replyTo?.value[0]?.address).toBe(sales.email);
    expect(mail.parsed.subject).toBe('Ihr Angebot für den Golf – Grüße aus Göppingen');
    expect(mail.parsed.text).toContain('anbei Ihr Angebot. <b>nicht fett</b>');
    expect(mail.parsed.html).toContain('&lt;b&gt;nicht fett&lt;/b&gt;');
    expect(mail.parsed.messageId).toBe(sent.messageId);
    const attachment = mail.parsed.attachments.find((a) => a.filename === 'Angebot-A-4711.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(await pdfText(attachment!.content)).toContain('34.990,00 EUR');

    const raw = await sales.get(`/api/customer-emails/${sent.id}/raw`);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toContain('message/rfc822');
    // What the server received is exactly what is kept (the SMTP dot-stuffing is undone on receipt).
    expect(Buffer.compare(raw.rawPayload, Buffer.from(mail.raw, 'utf8'))).toBe(0);

    const detailRes = await sales.get(`/api/customer-emails/${sent.id}`);
    const detail = detailRes.json();
    expect(detail).toMatchObject({ status: 'sent', text: expect.stringContaining('anbei Ihr Angebot') });
    expect(detail.attachments).toEqual([
      expect.objectContaining({ fileName: 'Angebot-A-4711.pdf', contentType: 'application/pdf', documentId: doc.id }),
    ]);
    expect(detail.headers).toContainEqual({ name: 'Message-ID', value: sent.messageId });

    const timeline = (await sales.get(`/api/contacts/${contactId}/timeline`)).json();
    const entry = (timeline.items ?? timeline).find((e: { kind: string }) => e.kind === 'email');
    expect(entry.body).toBe('Guten Tag Herr Schäfer,\n\nanbei Ihr Angebot. <b>nicht fett</b>\n\nViele Grüße');
    expect(entry.data).toMatchObject({ customerEmailId: sent.id, attachments: ['Angebot-A-4711.pdf'] });
  });

  it('is refused without consent, with the reason, and nothing is queued', async () => {
    const contactId = await customer('ohne.einwilligung@example.test', []);
    const before = await queuedCount();
    const res = await sales.post(`/api/contacts/${contactId}/emails`, { subject: 'Hallo', text: 'Text' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail ?? res.json().title).toMatch(/not agreed to e-mail/);
    expect(res.json().errors[0]).toMatchObject({ code: 'consent_missing' });
    expect(await queuedCount()).toBe(before);
    expect((await sales.get(`/api/contacts/${contactId}/emails`)).json()).toEqual([]);
  });

  it('is refused when the customer withdrew their consent', async () => {
    const contactId = await customer('widerruf@example.test', ['granted', 'withdrawn']);
    const res = await sales.post(`/api/contacts/${contactId}/emails`, { subject: 'Hallo', text: 'Text' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ code: 'consent_withdrawn' });
    expect((await sales.get(`/api/contacts/${contactId}/email-options`)).json()).toMatchObject({
      consent: 'withdrawn',
      blocked: false,
    });
  });

  it('goes out without consent when the customer asked for it in the request, and says so', async () => {
    const request = await createRequest(sales, callbackRequest(t.location.id, {}));
    const contactId = request.contact.id;
    const res = await sales.post(`/api/contacts/${contactId}/emails`, {
      subject: 'Die gewünschten Unterlagen',
      text: 'Wie besprochen.',
      requestId: request.id,
      askedInRequest: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reason: 'asked', askedInRequestId: request.id, requestId: request.id });
    expect(res.json().subject).toBe(`Die gewünschten Unterlagen [${request.number}]`);
    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage(
      (m) => m.parsed.subject === `Die gewünschten Unterlagen [${request.number}]`,
    );
    expect(mail.parsed.messageId).toBe(res.json().messageId);

    // A second mail on the same request refers to the first, so the customer's reply threads.
    const again = await sales.post(`/api/contacts/${contactId}/emails`, {
      subject: 'Nachtrag',
      text: 'Noch etwas.',
      requestId: request.id,
      askedInRequest: true,
    });
    expect(again.json()).toMatchObject({ inReplyTo: res.json().messageId, references: [res.json().messageId] });
  });

  it('is refused for a blocked customer and for one without an address', async () => {
    const blocked = await customer('gesperrt@example.test');
    expect(
      (await manager.post(`/api/contacts/${blocked}/block`, { reason: 'Wünscht keinen Kontakt' })).statusCode,
    ).toBeLessThan(300);
    const res = await sales.post(`/api/contacts/${blocked}/emails`, { subject: 'Hallo', text: 'Text' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ code: 'contact_blocked' });

    const none = await customer(null);
    const missing = await sales.post(`/api/contacts/${none}/emails`, { subject: 'Hallo', text: 'Text' });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().errors[0]).toMatchObject({ code: 'email_missing' });
  });

  it('fills a template for the customer, leaving unknown placeholders visible and named', async () => {
    const contactId = await customer('vorlage@example.test');
    const preview = await sales.post(`/api/contacts/${contactId}/emails/preview`, { templateKey: 'offer_sent' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().body).toMatch(/^Guten Tag Herr Schäfer\d+,/);
    expect(preview.json().missing).toContain('offer.number');

    const saved = await manager.put('/api/customer-email-templates/general_reply/en', {
      subject: 'Re: {{location.name}}',
      body: 'Dear {{customer.salutation}}, {{constructor}}',
    });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().errors[0]).toMatchObject({ code: 'unknown_placeholder' });
    const en = await sales.post(`/api/contacts/${contactId}/emails/preview`, {
      templateKey: 'general_reply',
      locale: 'en',
    });
    expect(en.json().body).toMatch(/^Dear Mr Schäfer\d+,/);
  });

  it('sends the three-failed-calls e-mail for real and records its id on the attempt', async () => {
    const request = await createRequest(sales, callbackRequest(t.location.id));
    const contactId = request.contact.id;
    await sales.post(`/api/contacts/${contactId}/consents`, {
      channel: 'email',
      purpose: 'service_reminders',
      status: 'granted',
      source: 'signed_form',
    });
    const res = await manager.post(`/api/requests/${request.id}/attempts`, {
      channel: 'email',
      outcome: 'email_sent',
      send: { subject: 'Ihr Rückrufwunsch', text: 'Wir konnten Sie leider nicht erreichen.' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.statusCode).toBe(201);
    const emails = (await sales.get(`/api/contacts/${contactId}/emails`)).json();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ templateKey: 'failed_calls', requestId: request.id, reason: 'consent' });
    const rows = (await t.database.db.execute(
      `SELECT email_id FROM contact_attempts WHERE request_id = '${request.id}'`,
    )) as { rows: Array<{ email_id: string }> };
    expect(rows.rows[0]!.email_id).toBe(emails[0].id);
    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage((m) => m.parsed.subject === `Ihr Rückrufwunsch [${request.number}]`);
    expect(mail.parsed.text).toContain('Wir konnten Sie leider nicht erreichen.');

    // Without consent the attempt is refused as a whole: no attempt, no mail.
    const other = await createRequest(sales, callbackRequest(t.location.id));
    const before = await queuedCount();
    const refused = await manager.post(`/api/requests/${other.id}/attempts`, {
      channel: 'email',
      outcome: 'email_sent',
      send: { subject: 'Ihr Rückrufwunsch', text: 'Text' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({ code: 'consent_missing' });
    expect(await queuedCount()).toBe(before);
  });
});
