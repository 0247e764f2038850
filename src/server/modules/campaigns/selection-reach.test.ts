import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { upload } from '@server/modules/imports/test-support';
import { vehicleInput } from '@server/modules/vehicles/test-factories';

/*
 * The live count, the preview and the recipients a start freezes must tell the same story after
 * every way a customer's consent, block or address changes: they read one definition of "who is
 * reached", kept current in the same transaction as each change. Everyone here holds a car of the
 * make below, so a filter by tag alone (read from the contacts' reach) and the same filter with
 * the make (read from the holdings beside their holders' reach) must count alike as well.
 */

const MAKE = 'Reichweite';

type User = TestClient & { userId: string };
let t: TestApp;
let manager: User;
let sales: User;
let admin: User;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
  admin = await t.userWithRole('admin');
});
afterAll(() => t.close());

type Channel = 'email' | 'letter';

interface Person {
  lastName: string;
  tag: string;
  email?: boolean;
  address?: boolean;
  consent?: Channel[];
}

async function person(p: Person): Promise<{ id: string; customerNumber: string }> {
  const res = await sales.post('/api/contacts', {
    salutation: 'mr',
    firstName: 'Jan',
    lastName: p.lastName,
    homeLocationId: t.location.id,
    emails: p.email === false ? [] : [{ address: `${p.lastName.toLowerCase()}@example.test`, isPrimary: true }],
    addresses:
      p.address === false ? [] : [{ street: 'Ringstraße 4', postalCode: '80331', city: 'München', isPrimary: true }],
    tags: [p.tag],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id, customerNumber } = res.json() as { id: string; customerNumber: string };
  for (const channel of p.consent ?? ['email', 'letter']) await consent(id, channel, 'granted');
  const car = await sales.post(
    '/api/vehicles',
    vehicleInput({ make: MAKE, deliveryDate: '2024-03-01', contacts: [{ contactId: id, role: 'owner' }] }),
  );
  expect(car.statusCode, car.body).toBe(201);
  return { id, customerNumber };
}

async function consent(id: string, channel: Channel, status: 'granted' | 'withdrawn') {
  const res = await sales.post(`/api/contacts/${id}/consents`, {
    channel,
    purpose: 'marketing',
    status,
    source: 'verbal',
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

const surname = (displayName: string) => displayName.split(',')[0]!;

/**
 * Counts, previews and starts a campaign to everyone tagged `tag`: returns the count, the preview
 * as [surname, reason left out] and the frozen recipients' surnames, after checking they agree.
 */
async function select(tag: string, channel: Channel = 'email') {
  const filter = { tags: [tag] };
  const counted = await manager.post('/api/campaigns/selection/count', { channel, filter });
  expect(counted.statusCode, counted.body).toBe(200);
  const count = counted.json() as { matching: number; recipients: number; blocked: number; withoutConsent: number };
  const byVehicle = await manager.post('/api/campaigns/selection/count', {
    channel,
    filter: { ...filter, brands: [MAKE] },
  });
  expect(byVehicle.statusCode, byVehicle.body).toBe(200);
  expect(byVehicle.json()).toEqual(count);
  const previewed = await manager.post('/api/campaigns/selection/preview', { channel, filter });
  const preview = (previewed.json() as Array<{ displayName: string; excludedBecause: string | null }>).map(
    (r) => [surname(r.displayName), r.excludedBecause] as const,
  );
  const created = await manager.post('/api/campaigns', {
    name: `Auswahl ${tag}`,
    channel,
    locationId: t.location.id,
    filter,
    subject: 'Herbstaktion',
    body: '{{anrede}},\n\nwir laden Sie ein.',
  });
  expect(created.statusCode, created.body).toBe(201);
  const campaignId = (created.json() as { id: string }).id;
  const started = await manager.post(`/api/campaigns/${campaignId}/start`, { expectedRecipients: count.recipients });
  expect(started.statusCode, started.body).toBe(200);
  const list = await manager.get(`/api/campaigns/${campaignId}/recipients`);
  const frozen = (list.json() as { items: Array<{ displayName: string }> }).items.map((r) => surname(r.displayName));

  expect(preview).toHaveLength(count.matching);
  expect(frozen).toEqual(preview.filter(([, reason]) => reason === null).map(([name]) => name));
  expect(frozen).toHaveLength(count.recipients);
  return { count, preview, frozen, campaignId };
}

describe('count, preview and frozen recipients agree', () => {
  it('after the unsubscribe link withdraws the consent to e-mail', async () => {
    await person({ lastName: 'Abmelder', tag: 'reach-unsub' });
    await person({ lastName: 'Bleiber', tag: 'reach-unsub' });
    const first = await select('reach-unsub');
    expect(first.frozen).toEqual(['Abmelder', 'Bleiber']);
    const [recipient] = await t.database.query<{ unsubscribe_token: string }>(
      `SELECT r.unsubscribe_token FROM campaign_recipients r JOIN contacts c ON c.id = r.contact_id
        WHERE r.campaign_id = $1 AND c.last_name = 'Abmelder'`,
      [first.campaignId],
    );
    t.clock.advance(60_000);
    const res = await t.anonymous.request({
      method: 'POST',
      url: `/api/public/unsubscribe/${recipient!.unsubscribe_token}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    const after = await select('reach-unsub');
    // Whom the campaign reaches comes first.
    expect(after.preview).toEqual([
      ['Bleiber', null],
      ['Abmelder', 'no_consent'],
    ]);
    // Letters were not part of the unsubscribe.
    expect((await select('reach-unsub', 'letter')).frozen).toEqual(['Abmelder', 'Bleiber']);
  });

  it('while a block is in force, and again once it runs out or is lifted, without any write in between', async () => {
    const until = await person({ lastName: 'Befristet', tag: 'reach-block' });
    const forever = await person({ lastName: 'Dauerhaft', tag: 'reach-block' });
    const end = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    expect(
      (await manager.post(`/api/contacts/${until.id}/block`, { reason: 'Rechtsstreit', until: end })).statusCode,
    ).toBeLessThan(300);
    expect(
      (await manager.post(`/api/contacts/${forever.id}/block`, { reason: 'Zahlungsrückstand' })).statusCode,
    ).toBeLessThan(300);
    const blocked = await select('reach-block');
    expect(blocked.preview).toEqual([
      ['Befristet', 'blocked'],
      ['Dauerhaft', 'blocked'],
    ]);
    expect(blocked.count.blocked).toBe(2);

    t.clock.advance(11 * 60_000);
    expect((await select('reach-block')).preview).toEqual([
      ['Befristet', null],
      ['Dauerhaft', 'blocked'],
    ]);
    expect((await manager.post(`/api/contacts/${forever.id}/unblock`, { reason: 'bezahlt' })).statusCode).toBeLessThan(
      300,
    );
    expect((await select('reach-block')).frozen).toEqual(['Befristet', 'Dauerhaft']);
  });

  it('after the e-mail address is removed: left out of e-mail, still written to', async () => {
    const { id } = await person({ lastName: 'Ohnemail', tag: 'reach-mail' });
    const res = await sales.patch(`/api/contacts/${id}`, { emails: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await select('reach-mail')).preview).toEqual([['Ohnemail', 'no_address']]);
    expect((await select('reach-mail', 'letter')).frozen).toEqual(['Ohnemail']);
  });

  it('after an import adds the e-mail address a consenting customer lacked', async () => {
    const { customerNumber } = await person({ lastName: 'Nachgetragen', tag: 'reach-import', email: false });
    expect((await select('reach-import')).preview).toEqual([['Nachgetragen', 'no_address']]);
    const uploaded = await upload(
      admin,
      'contacts',
      'kunden.csv',
      Buffer.from(`Kundennummer;Nachname;E-Mail\n${customerNumber};Nachgetragen;nachgetragen@example.test\n`),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id, suggestedMapping } = uploaded.json() as { id: string; suggestedMapping: Record<string, string> };
    const apply = await admin.post(`/api/imports/${id}/apply`, {
      mapping: suggestedMapping,
      duplicateHandling: 'update',
    });
    expect(apply.statusCode, apply.body).toBe(202);
    await t.services.imports.idle();
    expect((await admin.get(`/api/imports/${id}`)).json().totals).toMatchObject({ update: 1 });
    expect((await select('reach-import')).frozen).toEqual(['Nachgetragen']);
  });

  it('after a merge brings the duplicate’s consent and block to the customer kept', async () => {
    const kept = await person({ lastName: 'Zusammen', tag: 'reach-merge', consent: [] });
    const duplicate = await person({ lastName: 'Zusammen', tag: 'reach-other', consent: ['email'] });
    const other = await person({ lastName: 'Zweitkunde', tag: 'reach-merge', consent: [] });
    const dupOfOther = await person({ lastName: 'Zweitkunde', tag: 'reach-other', consent: ['email'] });
    expect(
      (await manager.post(`/api/contacts/${dupOfOther.id}/block`, { reason: 'Widerspruch' })).statusCode,
    ).toBeLessThan(300);
    expect((await select('reach-merge')).preview).toEqual([
      ['Zusammen', 'no_consent'],
      ['Zweitkunde', 'no_consent'],
    ]);
    for (const [source, target] of [
      [duplicate.id, kept.id],
      [dupOfOther.id, other.id],
    ]) {
      const res = await manager.post('/api/contacts/merge', { sourceId: source, targetId: target });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    expect((await select('reach-merge')).preview).toEqual([
      ['Zusammen', null],
      ['Zweitkunde', 'blocked'],
    ]);
    // The duplicates redirect now: their tag came along, their rows are selected no more.
    expect((await select('reach-other')).preview).toEqual([
      ['Zusammen', null],
      ['Zweitkunde', 'blocked'],
    ]);
  });

  it('leaves every contact’s stored reach as its consents, blocks and addresses say', async () => {
    const differing = await t.database.query<{ id: string }>(
      `SELECT c.id FROM contacts c LEFT JOIN contact_reach r ON r.contact_id = c.id
        WHERE (coalesce(r.email_consent, false), coalesce(r.letter_consent, false), coalesce(r.has_email, false),
               coalesce(r.has_phone, false), coalesce(r.has_address, false), r.blocked_until)
              IS DISTINCT FROM
              (coalesce((SELECT k.status = 'granted' FROM consents k WHERE k.contact_id = c.id
                           AND k.channel = 'email' AND k.purpose = 'marketing'
                         ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false),
               coalesce((SELECT k.status = 'granted' FROM consents k WHERE k.contact_id = c.id
                           AND k.channel = 'letter' AND k.purpose = 'marketing'
                         ORDER BY k.effective_at DESC, k.created_at DESC, k.id DESC LIMIT 1), false),
               EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id),
               EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.kind <> 'fax'),
               EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id),
               (SELECT max(coalesce(b.blocked_until, 'infinity')) FROM contact_blocks b
                 WHERE b.contact_id = c.id AND b.lifted_at IS NULL))`,
    );
    expect(differing).toEqual([]);
    // Each current holding once beside its holder's reach as stored.
    const stale = await t.database.query<{ vehicle_id: string }>(
      `SELECT coalesce(h.vehicle_id, a.vehicle_id) AS vehicle_id
         FROM vehicle_holdings h
         JOIN contact_reach r ON r.contact_id = h.contact_id
         FULL JOIN campaign_audience a ON a.vehicle_id = h.vehicle_id AND a.contact_id = h.contact_id
        WHERE h.vehicle_id IS NULL OR a.vehicle_id IS NULL
           OR (a.live, a.home_location_id, a.sales_consultant_id, a.tags, a.email_consent, a.letter_consent,
               a.phone_consent, a.has_email, a.has_phone, a.has_address, a.blocked_until, a.make, a.delivery_date)
              IS DISTINCT FROM
              (r.live, r.home_location_id, r.sales_consultant_id, r.tags, r.email_consent, r.letter_consent,
               r.phone_consent, r.has_email, r.has_phone, r.has_address, r.blocked_until, h.make, h.delivery_date)`,
    );
    expect(stale).toEqual([]);
    const [{ n }] = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_reach')) as [
      { n: number },
    ];
    // Everyone made above has a row: the check above compared something.
    expect(n).toBeGreaterThanOrEqual(10);
  });
});
