import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import { customerWithEmail, insertOpportunity, offerContent } from './test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let smtp: TestSmtpServer;
let sales: User;
let manager: User;
let reception: User;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Tuesday 24 March 2026: ten days on is Good Friday, then a weekend and Easter Monday.
  t = await createTestApp({
    clock: new ManualClock('2026-03-24T09:00:00Z'),
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Autohaus CRM <crm@autohaus-test.de>' },
  });
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const customer = (email: string | null, consent: 'granted' | 'withdrawn' | null = 'granted') =>
  customerWithEmail(t, sales, email, consent);

/** An opportunity of the consultant with one offer version (with financing) built in the editor. */
async function offerFor(contactId: string) {
  const opportunity = await insertOpportunity(t, { contactId, ownerId: sales.userId });
  const res = await sales.post(`/api/opportunities/${opportunity.id}/offers`, {
    content: offerContent({
      financing: { downPaymentCents: 500_000, termMonths: 48, nominalRateBasisPoints: 399, balloonCents: 0 },
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { opportunity, offer: res.json() as { id: string; version: number } };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

const count = async (sql: string) =>
  Number(((await t.database.db.execute(sql)) as { rows: Array<{ n: number }> }).rows[0]!.n);

const send = (client: TestClient, offerId: string, body: Record<string, unknown> = {}) =>
  client.post(`/api/offers/${offerId}/send`, {
    subject: 'Ihr Angebot – Autohaus Test Stuttgart',
    text: 'Guten Tag Frau Krüger,\n\nanbei Ihr Angebot.\n\nViele Grüße',
    ...body,
  });

describe('sending an offer by e-mail', () => {
  it('arrives with the offer PDF attached and the text as edited, marks the offer sent and the opportunity "offer"', async () => {
    const contactId = await customer('sabine.krueger@example.test');
    const { opportunity, offer } = await offerFor(contactId);

    const res = await send(sales, offer.id, { subject: 'Ihr Angebot für den Tucson' });
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json();
    expect(sent).toMatchObject({ to: 'sabine.krueger@example.test', offer: { status: 'sent' } });

    await t.services.jobs.worker.runDue();
    const mail = await smtp.waitForMessage((m: ReceivedMail) => m.rcptTo.includes('sabine.krueger@example.test'));
    expect(mail.parsed.subject).toBe('Ihr Angebot für den Tucson');
    expect(mail.parsed.text).toContain('anbei Ihr Angebot.');
    expect(mail.parsed.messageId).toBe(sent.messageId);
    const number = `${opportunity.number}/${offer.version}`;
    const attachment = mail.parsed.attachments.find((a) => a.filename === `Angebot ${number}.pdf`);
    expect(attachment?.contentType).toBe('application/pdf');
    const text = await pdfText(attachment!.content);
    expect(text).toContain(opportunity.number);
    expect(text).toContain('Tucson');

    const stored = (await sales.get(`/api/customer-emails/${sent.id}`)).json();
    expect(stored).toMatchObject({ templateKey: 'offer_sent', offerId: offer.id, opportunityId: opportunity.id });
    const after = (await sales.get(`/api/opportunities/${opportunity.id}`)).json();
    expect(after.stage).toBe('offer');
  });

  it('plans the follow-up for the consultant ten days on, on the next working day (after Easter)', async () => {
    const contactId = await customer('folgen@example.test');
    const { opportunity, offer } = await offerFor(contactId);

    // The manager sends it for the consultant: the follow-up is still the consultant's.
    const res = await send(manager, offer.id);
    expect(res.statusCode, res.body).toBe(200);
    // 3 April is Good Friday, then the weekend and Easter Monday (Baden-Württemberg).
    expect(res.json().followUp).toMatchObject({ dueOn: '2026-04-07', afterDays: 10 });

    const activity = (await sales.get(`/api/activities/${res.json().followUp.activityId}`)).json();
    expect(activity).toMatchObject({ type: 'offer_follow_up', allDay: true, dueOn: '2026-04-07' });
    expect(activity.contact?.id).toBe(contactId);
    expect(activity.owner.id).toBe(sales.userId);
    expect(activity.subject).toContain(opportunity.number);
  });

  it("follows the managers' rule for a sent offer when they set one", async () => {
    const rules = (await manager.get('/api/activities/follow-up-rules')).json();
    const changed = (rules.rules as Array<Record<string, unknown>>).map((r) =>
      r.result === 'offer_sent' && r.activityType === null ? { ...r, followUpType: 'call', afterDays: 3 } : r,
    );
    const put = await manager.put('/api/activities/follow-up-rules', { rules: changed });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const { offer } = await offerFor(await customer('regel@example.test'));
      const res = await send(sales, offer.id);
      expect(res.statusCode, res.body).toBe(200);
      // Tuesday + 3 days: Friday 27 March, a working day.
      expect(res.json().followUp).toMatchObject({ dueOn: '2026-03-27', afterDays: 3 });
      const activity = (await sales.get(`/api/activities/${res.json().followUp.activityId}`)).json();
      expect(activity.type).toBe('call');
    } finally {
      await manager.put('/api/activities/follow-up-rules', rules);
    }
  });

  it.each([
    ['without consent to e-mail', 'ohne@example.test', null, 'consent_missing'],
    ['after the consent was withdrawn', 'zurueck@example.test', 'withdrawn', 'consent_withdrawn'],
    ['to a customer without an address', null, 'granted', 'email_missing'],
  ] as const)('is refused %s, in words, and writes nothing', async (_what, email, consent, code) => {
    const contactId = await customer(email, consent);
    const { opportunity, offer } = await offerFor(contactId);
    const before = {
      outbox: await count('SELECT count(*)::int AS n FROM outbox_emails'),
      mails: await count('SELECT count(*)::int AS n FROM customer_emails'),
      activities: await count(`SELECT count(*)::int AS n FROM activities WHERE contact_id = '${contactId}'`),
      documents: await count(`SELECT count(*)::int AS n FROM documents WHERE owner_id = '${offer.id}'`),
    };

    const res = await send(sales, offer.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail ?? res.json().title).toBeTruthy();
    expect(res.json().errors?.map((e: { code: string }) => e.code)).toContain(code);

    expect({
      outbox: await count('SELECT count(*)::int AS n FROM outbox_emails'),
      mails: await count('SELECT count(*)::int AS n FROM customer_emails'),
      activities: await count(`SELECT count(*)::int AS n FROM activities WHERE contact_id = '${contactId}'`),
      documents: await count(`SELECT count(*)::int AS n FROM documents WHERE owner_id = '${offer.id}'`),
    }).toEqual(before);
    expect((await sales.get(`/api/offers/${offer.id}`)).json().status).toBe('draft');
    expect((await sales.get(`/api/opportunities/${opportunity.id}`)).json().stage).toBe('contacted');
  });

  it('is for sales staff and managers of the location only', async () => {
    const { offer } = await offerFor(await customer('empfang@example.test'));
    expect((await send(reception, offer.id)).statusCode).toBe(403);
    expect((await sales.get(`/api/offers/${offer.id}`)).json().status).toBe('draft');
  });
});
