import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import { ManualClock } from '@server/lib/clock';
import { pdfText } from '@server/modules/documents/pdf-text';
import { vehicleInput } from '@server/modules/vehicles/test-factories';

/**
 * A lifecycle rule's e-mails go out by themselves through the outbox, each once, with the
 * one-click unsubscribe; its letters wait for "Briefe drucken" and are printed in a batch.
 */
type Client = TestClient & { userId: string; email: string };

let t: TestApp;
let smtp: TestSmtpServer;
let manager: Client;
let reception: Client;
let sales: Client;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Monday 2 March 2026, 09:00 in Berlin.
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Autohaus CRM <crm@autohaus-test.de>',
      CRM_PUBLIC_URL: 'https://crm.example.test',
      CRM_SESSION_IDLE_MINUTES: '1000000',
      CRM_SESSION_MAX_HOURS: '100000',
    },
  });
  manager = await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  sales = await t.userWithRole('sales');
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const unfolded = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ');

async function runJobs() {
  for (let i = 0; i < 20; i++) if ((await t.services.jobs.worker.runDue()) === 0) return;
}

async function query<T>(text: string): Promise<T[]> {
  return ((await t.database.db.execute(text)) as unknown as { rows: T[] }).rows;
}

/** A customer of the manager with a car delivered on `delivered` and consent to the channel for marketing. */
async function customer(lastName: string, delivered: string, channel: 'email' | 'letter') {
  const res = await sales.post('/api/contacts', {
    salutation: 'ms',
    firstName: 'Anna',
    lastName,
    homeLocationId: t.location.id,
    salesConsultantId: manager.userId,
    emails: [{ address: `${lastName.toLowerCase()}@example.test`, isPrimary: true }],
    addresses: [{ street: 'Hauptstraße 1', postalCode: '80331', city: 'München', isPrimary: true }],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const car = await sales.post(
    '/api/vehicles',
    vehicleInput({
      make: 'VW',
      model: 'Golf',
      plate: `M-LZ ${Math.floor(1000 + Math.random() * 8999)}`,
      deliveryDate: delivered,
      locationId: t.location.id,
      contacts: [{ contactId: id, role: 'owner' }],
    }),
  );
  expect(car.statusCode, car.body).toBe(201);
  await consent(id, channel, 'granted');
  return id;
}

async function consent(contactId: string, channel: string, status: 'granted' | 'withdrawn') {
  const r = await sales.post(`/api/contacts/${contactId}/consents`, {
    channel,
    purpose: 'marketing',
    status,
    source: 'signed_form',
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
}

async function rule(action: 'email' | 'letter', amount: number) {
  const res = await manager.post('/api/lifecycle/rules', {
    name: action === 'email' ? 'Glückwunsch-Mail' : 'Glückwunsch-Brief',
    locationId: t.location.id,
    make: null,
    trigger: 'days_after_delivery',
    amount,
    phase: null,
    action,
    assignee: 'sales_consultant',
    activityType: 'other',
    consentChannel: action,
    consentPurpose: 'marketing',
    subject: 'Ihr {{fahrzeug}}, {{anrede}}',
    template: '{{anrede}},\n\nwie gefällt Ihnen Ihr {{fahrzeug}} ({{kennzeichen}})?',
    lookbackDays: 0,
    enabled: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

async function runRules() {
  const res = await manager.post('/api/lifecycle/run');
  expect(res.statusCode, res.body).toBe(200);
}

const actionsOf = (ruleId: string) =>
  query<{ contact_id: string; status: string; skip_reason: string | null; message_id: string | null }>(
    `SELECT contact_id, status, skip_reason, message_id FROM lifecycle_actions WHERE rule_id = '${ruleId}'`,
  );

describe('a letter or e-mail rule', () => {
  it('refuses a placeholder it cannot fill, naming the field and the placeholder', async () => {
    const res = await manager.post('/api/lifecycle/rules', {
      name: 'Tippfehler-Brief',
      locationId: t.location.id,
      make: null,
      trigger: 'days_after_delivery',
      amount: 7,
      phase: null,
      action: 'letter',
      assignee: 'sales_consultant',
      activityType: 'other',
      consentChannel: 'letter',
      consentPurpose: 'marketing',
      subject: 'Ihr {{Fahrzeug}}',
      template: '{{anrede}},\n\nIhr {{fahrzeugg}} wartet.',
      lookbackDays: 0,
      enabled: false,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'template',
        code: 'unknown_placeholder',
        params: { placeholder: '{{fahrzeugg}}' },
      }),
    ]);
  });

  it('refuses a consent for another channel than the one it goes out by, naming the field; a rule without one is fine', async () => {
    const body = {
      name: 'Brief mit Telefon-Einwilligung',
      locationId: t.location.id,
      make: null,
      trigger: 'days_after_delivery',
      amount: 7,
      phase: null,
      action: 'letter',
      assignee: 'sales_consultant',
      activityType: 'other',
      consentChannel: 'phone',
      consentPurpose: 'marketing',
      subject: 'Ihr {{fahrzeug}}',
      template: '{{anrede}},\n\nalles gut?',
      lookbackDays: 0,
      enabled: false,
    };
    const letter = await manager.post('/api/lifecycle/rules', body);
    expect(letter.statusCode, letter.body).toBe(400);
    expect(letter.json().errors).toEqual([
      expect.objectContaining({
        field: 'consentChannel',
        code: 'consent_channel_mismatch',
        params: { channel: 'letter' },
      }),
    ]);
    const mail = await manager.post('/api/lifecycle/rules', { ...body, action: 'email', consentChannel: 'letter' });
    expect(mail.statusCode, mail.body).toBe(400);
    expect(mail.json().errors).toEqual([
      expect.objectContaining({ field: 'consentChannel', params: { channel: 'email' } }),
    ]);
    const call = await manager.post('/api/lifecycle/rules', { ...body, action: 'call_list', consentChannel: 'email' });
    expect(call.statusCode, call.body).toBe(400);
    expect(call.json().errors).toEqual([
      expect.objectContaining({ field: 'consentChannel', params: { channel: 'phone' } }),
    ]);
    const unasked = await manager.post('/api/lifecycle/rules', { ...body, consentChannel: null, consentPurpose: null });
    expect(unasked.statusCode, unasked.body).toBe(201);
  });
});

describe('lifecycle e-mails', () => {
  let ruleId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Delivered ten days ago: the rule "10 days after delivery" is due today.
    ids.sent = await customer('Mailkundin', '2026-02-20', 'email');
    ids.withdrawn = await customer('Zurueckgezogen', '2026-02-20', 'email');
    ids.crash = await customer('Absturz', '2026-02-20', 'email');
    ruleId = (await rule('email', 10)).id;
  });

  it('reach the SMTP server personalised, with the one-click unsubscribe, each once and on the timeline', async () => {
    // Consent withdrawn after the rule found the customer, before the mail went out.
    await runRules();
    expect((await actionsOf(ruleId)).map((a) => a.status)).toEqual(['pending_send', 'pending_send', 'pending_send']);
    // A minute later: a withdrawal recorded at the very instant of the consent would tie with it.
    t.clock.advance(60_000);
    await consent(ids.withdrawn!, 'email', 'withdrawn');

    // A worker that dies after writing the mails but before committing leaves nothing behind.
    await expect(
      t.database.db.transaction(async (tx) => {
        const result = await t.services.lifecycle.sendDueEmailsIn(tx, t.clock.now());
        expect(result.sent).toBe(2);
        throw new Error('the process died');
      }),
    ).rejects.toThrow('the process died');
    expect((await actionsOf(ruleId)).every((a) => a.status === 'pending_send')).toBe(true);
    expect(await query(`SELECT 1 FROM outbox_emails`)).toHaveLength(0);

    await runJobs();
    const mail = await smtp.waitForMessage((m) => m.rcptTo.includes('mailkundin@example.test'));
    await smtp.waitForMessage((m) => m.rcptTo.includes('absturz@example.test'));
    expect(mail.parsed.subject).toBe('Ihr VW Golf, Sehr geehrte Frau Mailkundin');
    expect(mail.parsed.text).toContain('wie gefällt Ihnen Ihr VW Golf (M-LZ');
    expect(mail.parsed.text).toContain('Mit freundlichen Grüßen');
    const [signer] = await query<{ name: string }>(
      `SELECT first_name || ' ' || last_name AS name FROM users WHERE id = '${manager.userId}'`,
    );
    expect(mail.parsed.text).toContain(signer!.name);
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(unfolded(mail.raw)).toMatch(
      /List-Unsubscribe: <https:\/\/crm\.example\.test\/api\/public\/unsubscribe\/[0-9a-f]{64}>/,
    );

    const actions = await actionsOf(ruleId);
    const sent = actions.find((a) => a.contact_id === ids.sent)!;
    expect(sent.status).toBe('sent');
    expect(sent.message_id).toBe(mail.parsed.messageId);
    expect(actions.find((a) => a.contact_id === ids.withdrawn)).toMatchObject({
      status: 'skipped',
      skip_reason: 'consent_withdrawn',
    });
    expect(smtp.messages.flatMap((m) => m.rcptTo)).not.toContain('zurueckgezogen@example.test');

    const timeline = (await sales.get(`/api/contacts/${ids.sent}/timeline`)).json() as {
      items: Array<{ kind: string; summary: string }>;
    };
    expect(timeline.items.some((i) => i.kind === 'email' && i.summary.includes('Ihr VW Golf'))).toBe(true);

    // Another worker run, and another rule run the same day, send nothing again.
    const before = smtp.messages.length;
    await t.services.jobs.worker.runDue(new Date(t.clock.now().getTime() + 3_600_000));
    await runRules();
    await runJobs();
    expect(smtp.messages.length).toBe(before);
    expect(await query(`SELECT 1 FROM outbox_emails`)).toHaveLength(2);
  });

  it('unsubscribe through the link withdraws the marketing consent to e-mail', async () => {
    const mail = smtp.messages.find((m) => m.rcptTo.includes('mailkundin@example.test'))!;
    const link = /List-Unsubscribe: <https:\/\/crm\.example\.test(\/api\/public\/unsubscribe\/[0-9a-f]{64})>/.exec(
      unfolded(mail.raw),
    )![1]!;
    t.clock.advance(60_000);
    const page = await t.anonymous.get(link);
    expect(page.body).toContain('<form method="post">');
    const res = await t.anonymous.request({
      method: 'POST',
      url: link,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sie sind abgemeldet');
    const history = (await sales.get(`/api/contacts/${ids.sent}/consents`)).json() as Array<Record<string, string>>;
    expect(history.find((h) => h.channel === 'email')).toMatchObject({
      purpose: 'marketing',
      status: 'withdrawn',
      source: 'unsubscribe_link',
    });
  });
});

describe('lifecycle letters', () => {
  let ruleId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.first = await customer('Briefempfaengerin', '2026-02-12', 'letter');
    ids.second = await customer('Zweitbrief', '2026-02-12', 'letter');
    ruleId = (await rule('letter', 18)).id;
    await runRules();
  });

  it('are listed per rule for the location, waiting', async () => {
    const res = await reception.get(`/api/lifecycle/letters/${t.location.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const waiting = res.json().rules.find((r: { ruleId: string }) => r.ruleId === ruleId);
    expect(waiting).toMatchObject({ count: 2 });
    expect(waiting.names.join(' ')).toContain('Briefempfaengerin');
    expect((await sales.get(`/api/lifecycle/letters/${t.location.id}`)).statusCode).toBe(403);
  });

  it('print as one PDF with each customer, marked printed with the batch; a second batch is empty', async () => {
    const created = await reception.post(`/api/lifecycle/letters/${t.location.id}/batches`);
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json() as { id: string; letterCount: number };
    expect(batch.letterCount).toBe(2);

    const pdf = await reception.get(`/api/lifecycle/print-batches/${batch.id}/letters.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { pages } = await pdfText(pdf.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages.some((p) => p.includes('Sehr geehrte Frau Briefempfaengerin'))).toBe(true);
    expect(pages.some((p) => p.includes('Sehr geehrte Frau Zweitbrief'))).toBe(true);
    expect(pages.every((p) => p.includes('VW Golf'))).toBe(true);

    const actions = await query<{ status: string; print_batch_id: string }>(
      `SELECT status, print_batch_id FROM lifecycle_actions WHERE rule_id = '${ruleId}'`,
    );
    expect(actions).toEqual([
      { status: 'sent', print_batch_id: batch.id },
      { status: 'sent', print_batch_id: batch.id },
    ]);
    const timeline = (await sales.get(`/api/contacts/${ids.first}/timeline`)).json() as {
      items: Array<{ kind: string; summary: string }>;
    };
    expect(timeline.items.some((i) => i.kind === 'letter' && i.summary.includes('Glückwunsch-Brief'))).toBe(true);

    const again = await reception.post(`/api/lifecycle/letters/${t.location.id}/batches`);
    expect(again.statusCode).toBe(409);
    const list = (await reception.get(`/api/lifecycle/letters/${t.location.id}`)).json();
    expect(list.rules.find((r: { ruleId: string }) => r.ruleId === ruleId)).toBeUndefined();
    expect(list.batches[0]).toMatchObject({ id: batch.id, letterCount: 2 });

    // Downloaded again: the same letters.
    const reprint = await pdfText(
      (await manager.get(`/api/lifecycle/print-batches/${batch.id}/letters.pdf`)).rawPayload,
    );
    expect(reprint.pages).toEqual(pages);
  });
});
