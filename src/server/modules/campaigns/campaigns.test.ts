import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '@test/support/smtp-server';
import { pdfText } from '@server/modules/documents/pdf-text';
import { vehicleInput } from '@server/modules/vehicles/test-factories';
import { markBounced } from './index';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let smtp: TestSmtpServer;
let manager: User;
let sales: User;
let caller: User;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Autohaus CRM <crm@autohaus-test.de>',
      CRM_PUBLIC_URL: 'https://crm.example.test',
    },
  });
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
  caller = await t.userWithRole('sales');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

interface Customer {
  lastName: string;
  delivered: string;
  make?: string;
  consent?: Array<'email' | 'letter' | 'phone'>;
  blocked?: boolean;
  tag?: string;
}

/** A customer holding one car delivered on `delivered`, with marketing consent for the channels given. */
async function customer(c: Customer): Promise<string> {
  const res = await sales.post('/api/contacts', {
    salutation: 'ms',
    firstName: 'Anna',
    lastName: c.lastName,
    homeLocationId: t.location.id,
    emails: [{ address: `${c.lastName.toLowerCase()}@example.test`, isPrimary: true }],
    phones: [{ kind: 'mobile', number: '+49 170 1234567', isPrimary: true }],
    addresses: [{ street: 'Hauptstraße 1', postalCode: '80331', city: 'München', isPrimary: true }],
    tags: c.tag ? [c.tag] : [],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const car = await sales.post(
    '/api/vehicles',
    vehicleInput({ make: c.make ?? 'VW', deliveryDate: c.delivered, contacts: [{ contactId: id, role: 'owner' }] }),
  );
  expect(car.statusCode, car.body).toBe(201);
  for (const channel of c.consent ?? ['email', 'letter', 'phone']) {
    const r = await sales.post(`/api/contacts/${id}/consents`, {
      channel,
      purpose: 'marketing',
      status: 'granted',
      source: 'signed_form',
    });
    expect(r.statusCode, r.body).toBeLessThan(300);
  }
  if (c.blocked) {
    const r = await manager.post(`/api/contacts/${id}/block`, { reason: 'Zahlungsrückstand' });
    expect(r.statusCode, r.body).toBeLessThan(300);
  }
  return id;
}

const ids: Record<string, string> = {};
/** Header lines as one line each (long ones are folded on the wire). */
const unfolded = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ');
const phase3 = { phases: ['reorientation'] };

async function runJobs() {
  for (let i = 0; i < 20; i++) if ((await t.services.jobs.worker.runDue()) === 0) return;
}

async function newCampaign(body: Record<string, unknown>) {
  const res = await manager.post('/api/campaigns', {
    name: 'Neuorientierung',
    locationId: t.location.id,
    subject: 'Ihr neues Auto, {{anrede}}',
    body: '{{anrede}},\n\nIhr Wagen ist bald drei Jahre alt. Kommen Sie zur Probefahrt!',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  // Today is 2026-03-02: phase 3 is months 29–36 of ownership, i.e. delivered 2023-03-03 … 2023-11-02.
  ids.first = await customer({ lastName: 'Erstertag', delivered: '2023-11-02' });
  ids.before = await customer({ lastName: 'Nochphasezwei', delivered: '2023-11-03' });
  ids.last = await customer({ lastName: 'Letztertag', delivered: '2023-03-03', make: 'BMW', tag: 'vip' });
  ids.after = await customer({ lastName: 'Danach', delivered: '2023-03-02' });
  ids.noConsent = await customer({ lastName: 'Ohneeinwilligung', delivered: '2023-06-01', consent: ['letter'] });
  ids.blocked = await customer({ lastName: 'Gesperrt', delivered: '2023-06-01', blocked: true });
});

describe('the live count of a selection', () => {
  it('counts the phase to the day, and names who is left out for consent or a block', async () => {
    const res = await manager.post('/api/campaigns/selection/count', { channel: 'email', filter: phase3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ matching: 4, blocked: 1, withoutConsent: 1, withoutAddress: 0, recipients: 2 });
  });

  it('narrows by brand and tag, and counts consent per channel', async () => {
    const vw = await manager.post('/api/campaigns/selection/count', {
      channel: 'email',
      filter: { ...phase3, brands: ['VW'] },
    });
    expect(vw.json()).toMatchObject({ matching: 3, recipients: 1 });
    const vip = await manager.post('/api/campaigns/selection/count', { channel: 'letter', filter: { tags: ['vip'] } });
    expect(vip.json()).toMatchObject({ matching: 1, recipients: 1 });
    // The customer without e-mail consent consented to letters.
    const letter = await manager.post('/api/campaigns/selection/count', { channel: 'letter', filter: phase3 });
    expect(letter.json()).toMatchObject({ matching: 4, withoutConsent: 0, recipients: 3 });
  });

  it('previews the first recipients, then those left out with the reason each is left out', async () => {
    const res = await manager.post('/api/campaigns/selection/preview', { channel: 'email', filter: phase3 });
    const rows = res.json() as Array<{ displayName: string; excludedBecause: string | null }>;
    expect(rows.map((r) => [r.displayName.split(',')[0], r.excludedBecause])).toEqual([
      ['Erstertag', null],
      ['Letztertag', null],
      ['Gesperrt', 'blocked'],
      ['Ohneeinwilligung', 'no_consent'],
    ]);
  });
});

describe('an e-mail campaign', () => {
  let campaignId: string;
  let mails: ReceivedMail[];

  it('refuses to start on a count the user did not confirm, naming the field', async () => {
    campaignId = (await newCampaign({ channel: 'email', filter: phase3 })).id;
    const res = await manager.post(`/api/campaigns/${campaignId}/start`, { expectedRecipients: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('expectedRecipients');
  });

  it('reaches only the recipients who consented, with the one-click unsubscribe headers', async () => {
    const res = await manager.post(`/api/campaigns/${campaignId}/start`, { expectedRecipients: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'running',
      recipientCount: 2,
      excluded: { blocked: 1, withoutConsent: 1 },
    });
    await runJobs();
    mails = await Promise.all([
      smtp.waitForMessage((m) => m.rcptTo.includes('erstertag@example.test')),
      smtp.waitForMessage((m) => m.rcptTo.includes('letztertag@example.test')),
    ]);
    const everyone = smtp.messages.flatMap((m) => m.rcptTo);
    expect(everyone).not.toContain('ohneeinwilligung@example.test');
    expect(everyone).not.toContain('gesperrt@example.test');
    expect(mails[0]!.parsed.subject).toBe('Ihr neues Auto, Sehr geehrte Frau Erstertag');
    expect(mails[0]!.parsed.text).toContain('Sehr geehrte Frau Erstertag,');
    expect(mails[0]!.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(unfolded(mails[0]!.raw)).toMatch(
      /List-Unsubscribe: <https:\/\/crm\.example\.test\/api\/public\/unsubscribe\/[0-9a-f]{64}>/,
    );
    const done = await manager.get(`/api/campaigns/${campaignId}`);
    expect(done.json()).toMatchObject({ status: 'done', processed: 2 });
  });

  it('unsubscribes through the link: the consent is withdrawn with its history, a second click says it is done', async () => {
    const link = /List-Unsubscribe: <https:\/\/crm\.example\.test(\/api\/public\/unsubscribe\/[0-9a-f]{64})>/.exec(
      unfolded(mails[0]!.raw),
    )![1]!;
    t.clock.advance(60_000);
    const page = await t.anonymous.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post">');
    const first = await t.anonymous.request({
      method: 'POST',
      url: link,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Sie sind abgemeldet');
    const second = await t.anonymous.request({
      method: 'POST',
      url: link,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(second.body).toContain('Sie sind bereits abgemeldet');
    const history = (await sales.get(`/api/contacts/${ids.first}/consents`)).json() as Array<Record<string, string>>;
    expect(history.find((h) => h.channel === 'email')).toMatchObject({
      channel: 'email',
      purpose: 'marketing',
      status: 'withdrawn',
      source: 'unsubscribe_link',
    });
    const campaign = await manager.get(`/api/campaigns/${campaignId}`);
    expect(campaign.json().responses.unsubscribed).toBe(1);
  });

  it('keeps its frozen recipients when the customers change, and takes bounces from the mail intake', async () => {
    await sales.post(`/api/contacts/${ids.noConsent}/consents`, {
      channel: 'email',
      purpose: 'marketing',
      status: 'granted',
      source: 'signed_form',
    });
    const res = await sales.patch(`/api/contacts/${ids.last}`, { lastName: 'Umbenannt' });
    expect(res.statusCode).toBeLessThan(500);
    const list = await manager.get(`/api/campaigns/${campaignId}/recipients`);
    expect(list.json().items.map((r: { displayName: string }) => r.displayName.split(',')[0])).toEqual([
      'Erstertag',
      'Letztertag',
    ]);
    const bounced = await t.database.db.transaction((tx) => markBounced(tx, 'Letztertag@example.test', t.clock.now()));
    expect(bounced).toBe(true);
    expect((await manager.get(`/api/campaigns/${campaignId}`)).json().responses.bounced).toBe(1);
  });
});

describe('a letter campaign', () => {
  it('prints one page per recipient on the letterhead, with their names', async () => {
    const { id } = await newCampaign({ channel: 'letter', filter: phase3, subject: 'Zeit für etwas Neues' });
    const count = (await manager.post('/api/campaigns/selection/count', { channel: 'letter', filter: phase3 })).json();
    const start = await manager.post(`/api/campaigns/${id}/start`, { expectedRecipients: count.recipients });
    expect(start.statusCode, start.body).toBe(200);
    await runJobs();
    const pdf = await manager.get(`/api/campaigns/${id}/letters.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { pages } = await pdfText(pdf.rawPayload);
    expect(pages).toHaveLength(count.recipients);
    expect(pages.some((p) => p.includes('Sehr geehrte Frau Erstertag'))).toBe(true);
    expect(pages.some((p) => p.includes('Ohneeinwilligung'))).toBe(true);
    expect(pages.join(' ')).not.toContain('Gesperrt');
  });
});

describe('a call list', () => {
  it('shares the calls evenly among the team', async () => {
    const { id } = await newCampaign({
      channel: 'call',
      filter: { phases: ['reorientation', 'usage', 'after36'] },
      teamUserIds: [sales.userId, caller.userId],
    });
    const count = (
      await manager.post('/api/campaigns/selection/count', {
        channel: 'call',
        filter: { phases: ['reorientation', 'usage', 'after36'] },
      })
    ).json();
    expect(count.recipients).toBe(4);
    await manager.post(`/api/campaigns/${id}/start`, { expectedRecipients: 4 });
    await runJobs();
    const rows = (
      (await t.database.db.execute(
        `SELECT owner_id, count(*)::int AS n FROM activities WHERE type = 'call' GROUP BY owner_id ORDER BY owner_id`,
      )) as unknown as { rows: Array<{ n: number }> }
    ).rows;
    expect(rows.map((r) => r.n)).toEqual([2, 2]);
  });
});

describe('who may do what', () => {
  it('keeps campaigns to managers', async () => {
    expect((await sales.get('/api/campaigns')).statusCode).toBe(403);
    expect((await sales.post('/api/campaigns/selection/count', { channel: 'email', filter: {} })).statusCode).toBe(403);
  });

  it('names the field of bad input', async () => {
    const phase = await manager.post('/api/campaigns/selection/count', { channel: 'email', filter: { phases: ['x'] } });
    expect(phase.statusCode).toBe(400);
    expect(phase.json().errors[0].field).toBe('filter.phases.0');
    const elsewhere = await t.services.org.createLocation(
      null,
      testLocation({ name: 'Autohaus Test Ulm', code: 'ULM', city: 'Ulm', email: 'ulm@example.test' }),
    );
    const foreign = await manager.post('/api/campaigns/selection/count', {
      channel: 'letter',
      filter: { locationIds: [elsewhere.id] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'filter.locationIds', code: 'own_location_required' });
    const name = await manager.post('/api/campaigns', {
      name: 'x'.repeat(121),
      channel: 'email',
      locationId: t.location.id,
      filter: {},
    });
    expect(name.statusCode).toBe(400);
    expect(name.json().errors[0].field).toBe('name');
    const placeholder = await manager.post('/api/campaigns', {
      name: 'Test',
      channel: 'email',
      locationId: t.location.id,
      filter: {},
      body: 'Hallo {{unbekannt}}',
    });
    expect(placeholder.statusCode).toBe(400);
    expect(placeholder.json().errors[0]).toMatchObject({ field: 'body', code: 'unknown_placeholder' });
  });

  it('reports the campaigns with their responses and conversion', async () => {
    const res = await manager.get('/api/reports/campaigns?from=2026-03-01&to=2026-03-31');
    expect(res.statusCode, res.body).toBe(200);
    const email = res.json().campaigns.find((c: { channel: string }) => c.channel === 'email');
    expect(email).toMatchObject({ sent: 2, excluded: 2, responses: { unsubscribed: 1, bounced: 1 } });
  });
});
