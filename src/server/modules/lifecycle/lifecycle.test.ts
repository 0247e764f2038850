import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { openPostgres } from '@server/db/client';
import { ManualClock } from '@server/lib/clock';
import { vehicleInput } from '@server/modules/vehicles/test-factories';

/**
 * Lifecycle rules act by themselves: the nightly run (or "Jetzt ausführen") plans each due
 * action once per vehicle, rule and occurrence, for the regular person or their deputy, within
 * the daily cap, and records why it skipped one. The clock is moved day by day.
 */
type Client = TestClient & { userId: string; email: string };

let t: TestApp;
let manager: Client;
let admin: Client;
let service: Client;

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Berlin.
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' },
  });
  manager = await t.userWithRole('manager');
  admin = await t.userWithRole('admin');
  service = await t.userWithRole('service');
});
afterAll(() => t?.close());

const day = (iso: string) => t.clock.set(`${iso}T08:00:00Z`);

async function customer(consultant: Client, options: { deliveryDate: string; consents?: boolean; extra?: object }) {
  const contact = await manager.post('/api/contacts', {
    firstName: 'Eva',
    lastName: `Kundin${Math.random().toString(36).slice(2, 8)}`,
    homeLocationId: t.location.id,
    salesConsultantId: consultant.userId,
    serviceAdvisorId: service.userId,
    ignoreDuplicates: true,
  });
  expect(contact.statusCode, contact.body).toBe(201);
  const contactId = contact.json().id as string;
  if (options.consents !== false) {
    for (const purpose of ['marketing', 'service_reminders']) {
      const c = await manager.post(`/api/contacts/${contactId}/consents`, {
        channel: 'phone',
        purpose,
        status: 'granted',
        source: 'signed_form',
      });
      expect(c.statusCode, c.body).toBeLessThan(300);
    }
  }
  const vehicle = await manager.post(
    '/api/vehicles',
    vehicleInput({
      deliveryDate: options.deliveryDate,
      firstRegistration: options.deliveryDate,
      locationId: t.location.id,
      contacts: [{ contactId, role: 'owner' }],
      ...options.extra,
    }),
  );
  expect(vehicle.statusCode, vehicle.body).toBe(201);
  return { contactId, vehicle: vehicle.json() as { id: string; contacts: Array<{ id: string }> } };
}

async function run() {
  const res = await manager.post('/api/lifecycle/run');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { found: number; created: number; queued: number; pendingSend: number; skipped: number };
}

interface ActionRow {
  status: string;
  skip_reason: string | null;
  owner_id: string | null;
  by_deputy: boolean;
  planned_on: string;
  activity_type: string | null;
  activity_owner: string | null;
  activity_due: string | null;
}

async function actionsOf(vehicleId: string, ruleKey: string): Promise<ActionRow[]> {
  return t.database.query<ActionRow>(
    `SELECT a.status, a.skip_reason, a.owner_id, a.by_deputy, a.planned_on::text AS planned_on,
            x.type AS activity_type, x.owner_id AS activity_owner, x.due_on::text AS activity_due
       FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id
       LEFT JOIN activities x ON x.id = a.activity_id
      WHERE a.vehicle_id = $1 AND r.default_key = $2 ORDER BY a.created_at`,
    [vehicleId, ruleKey],
  );
}

async function rule(key: string) {
  const list = (await admin.get('/api/lifecycle/rules')).json() as Array<Record<string, unknown>>;
  return list.find((r) => r.defaultKey === key)!;
}

async function setEnabled(key: string, enabled: boolean) {
  const { id, defaultKey: _k, locationName: _n, ...values } = await rule(key);
  const res = await admin.put(`/api/lifecycle/rules/${id as string}`, { ...values, enabled });
  expect(res.statusCode, res.body).toBe(200);
}

describe('re-purchase 32 months after delivery', () => {
  it('is planned for the consultant on the day 32 months after delivery, not the day before, once', async () => {
    day('2026-03-02');
    const consultant = await t.userWithRole('sales');
    // 32 months after 3 July 2023 is 3 March 2026.
    const { vehicle } = await customer(consultant, { deliveryDate: '2023-07-03' });

    await run();
    expect(await actionsOf(vehicle.id, 'repurchase')).toEqual([]);

    day('2026-03-03');
    await run();
    await run();
    expect(await actionsOf(vehicle.id, 'repurchase')).toEqual([
      expect.objectContaining({
        status: 'done',
        activity_type: 'repurchase',
        activity_owner: consultant.userId,
        activity_due: '2026-03-03',
      }),
    ]);
  });

  it('is not planned after the customer sold the vehicle: skipped with the reason', async () => {
    day('2026-03-02');
    const consultant = await t.userWithRole('sales');
    const { vehicle } = await customer(consultant, { deliveryDate: '2023-07-03' });
    const ended = await manager.post(`/api/vehicles/${vehicle.id}/links/${vehicle.contacts[0]!.id}/end`);
    expect(ended.statusCode, ended.body).toBeLessThan(300);

    day('2026-03-03');
    await run();
    expect(await actionsOf(vehicle.id, 'repurchase')).toEqual([
      expect.objectContaining({ status: 'skipped', skip_reason: 'vehicle_sold', activity_type: null }),
    ]);
  });

  it('is not planned once the customer withdrew phone consent for marketing', async () => {
    day('2026-03-02');
    const consultant = await t.userWithRole('sales');
    const { contactId, vehicle } = await customer(consultant, { deliveryDate: '2023-07-03' });
    t.clock.advance(60_000);
    const withdrawn = await manager.post(`/api/contacts/${contactId}/consents`, {
      channel: 'phone',
      purpose: 'marketing',
      status: 'withdrawn',
      source: 'verbal',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBeLessThan(300);

    day('2026-03-03');
    await run();
    expect(await actionsOf(vehicle.id, 'repurchase')).toEqual([
      expect.objectContaining({ status: 'skipped', skip_reason: 'consent_missing', activity_type: null }),
    ]);
  });
});

describe('a rule turned on later', () => {
  it('creates what fell due in the look-back window, once; older ones not', async () => {
    day('2026-04-01');
    await setEnabled('repurchase', false);
    const consultant = await t.userWithRole('sales');
    // Due 10 days ago (22 March) and 40 days ago (20 February).
    const recent = await customer(consultant, { deliveryDate: '2023-07-22' });
    const old = await customer(consultant, { deliveryDate: '2023-06-20' });
    await run();
    expect(await actionsOf(recent.vehicle.id, 'repurchase')).toEqual([]);

    await setEnabled('repurchase', true);
    await run();
    await run();
    expect(await actionsOf(recent.vehicle.id, 'repurchase')).toEqual([
      expect.objectContaining({ status: 'done', activity_type: 'repurchase', activity_due: '2026-04-01' }),
    ]);
    expect(await actionsOf(old.vehicle.id, 'repurchase')).toEqual([]);
  });
});

describe('the daily cap per person', () => {
  it('plans the first ones today and queues the rest for the next days', async () => {
    day('2026-05-04');
    expect((await admin.put('/api/lifecycle/settings', { dailyCapPerPerson: 2 })).statusCode).toBe(200);
    try {
      const consultant = await t.userWithRole('sales');
      // Five satisfaction calls due today: delivered a week ago.
      const vehicles = [];
      for (let i = 0; i < 5; i++) vehicles.push((await customer(consultant, { deliveryDate: '2026-04-27' })).vehicle);
      await run();
      const first = (await Promise.all(vehicles.map((v) => actionsOf(v.id, 'satisfaction_call')))).flat();
      expect(first.filter((a) => a.status === 'done')).toHaveLength(2);
      expect(
        first
          .filter((a) => a.status === 'due')
          .map((a) => a.planned_on)
          .sort(),
      ).toEqual(['2026-05-05', '2026-05-05', '2026-05-06']);

      day('2026-05-05');
      await run();
      const second = (await Promise.all(vehicles.map((v) => actionsOf(v.id, 'satisfaction_call')))).flat();
      expect(second.filter((a) => a.status === 'done')).toHaveLength(4);
      expect(second.filter((a) => a.activity_due === '2026-05-05')).toHaveLength(2);
    } finally {
      await admin.put('/api/lifecycle/settings', { dailyCapPerPerson: 20 });
    }
  });
});

describe('an absent consultant', () => {
  it('hands the action to the deputy named in the absence', async () => {
    day('2026-06-01');
    const consultant = await t.userWithRole('sales');
    const deputy = await t.userWithRole('sales');
    const away = await manager.post('/api/absences', {
      userId: consultant.userId,
      kind: 'holiday',
      startsOn: '2026-06-01',
      endsOn: '2026-06-12',
      deputyId: deputy.userId,
    });
    expect(away.statusCode, away.body).toBe(201);
    const { vehicle } = await customer(consultant, { deliveryDate: '2026-05-25' });
    await run();
    expect(await actionsOf(vehicle.id, 'satisfaction_call')).toEqual([
      expect.objectContaining({
        status: 'done',
        by_deputy: true,
        owner_id: deputy.userId,
        activity_owner: deputy.userId,
        activity_type: 'satisfaction_call',
      }),
    ]);
  });
});

describe('merging two customers', () => {
  it('moves the lifecycle actions to the customer kept', async () => {
    day('2026-03-02');
    const consultant = await t.userWithRole('sales');
    // Delivered a week ago: the satisfaction call is due today.
    const { contactId: sourceId, vehicle } = await customer(consultant, { deliveryDate: '2026-02-23' });
    await run();
    const { contactId: targetId } = await customer(consultant, { deliveryDate: '2025-12-01' });
    const contactOfAction = async () =>
      (
        await t.database.query<{ contact_id: string }>(
          `SELECT contact_id FROM lifecycle_actions WHERE vehicle_id = $1`,
          [vehicle.id],
        )
      ).map((r) => r.contact_id);
    expect(await contactOfAction()).toEqual([sourceId]);

    const merged = await manager.post('/api/contacts/merge', { sourceId, targetId });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await contactOfAction()).toEqual([targetId]);
    // The merged customer's actions count as the kept one's in the next run: nothing new is created.
    expect((await run()).found).toBe(0);
  });
});

describe('the customer record', () => {
  it('shows the phase of the most advanced vehicle with its month', async () => {
    day('2026-03-02');
    const consultant = await t.userWithRole('sales');
    const { contactId } = await customer(consultant, { deliveryDate: '2025-01-10' });
    const res = await manager.get(`/api/contacts/${contactId}/lifecycle`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'usage', month: 14 });
  });
});

describe('the lifecycle report', () => {
  it('counts per rule and person, the skipped by reason, and the re-purchase conversion', async () => {
    const res = await manager.get('/api/reports/lifecycle?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const repurchase = report.rows.filter((r: { ruleName: string }) => r.ruleName === 'Wiedermotorisierung');
    expect(repurchase.reduce((n: number, r: { done: number }) => n + r.done, 0)).toBe(2);
    expect(report.skippedByReason).toEqual(
      expect.arrayContaining([
        { reason: 'vehicle_sold', count: expect.any(Number) },
        { reason: 'consent_missing', count: expect.any(Number) },
      ]),
    );
    expect(report.repurchase).toMatchObject({ activities: 2, withOpportunity: 0, withContract: 0, months: 6 });
  });
});

describe.runIf(inject('engine') === 'postgres')('two processes running at once', () => {
  it('create each action once', async () => {
    day('2026-07-01');
    const consultant = await t.userWithRole('sales');
    const vehicles = [];
    for (let i = 0; i < 6; i++) vehicles.push((await customer(consultant, { deliveryDate: '2026-06-24' })).vehicle);
    const second = openPostgres(t.database.pool!.options.connectionString!, 3);
    try {
      const now = t.clock.now();
      await Promise.all([
        t.database.db.transaction((tx) => t.services.lifecycle.runIn(tx, now)),
        second.db.transaction((tx) => t.services.lifecycle.runIn(tx, now)),
      ]);
      for (const v of vehicles) {
        const found = await actionsOf(v.id, 'satisfaction_call');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ status: 'done', activity_type: 'satisfaction_call' });
      }
      const [counted] = await t.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM activities WHERE vehicle_id = ANY($1::uuid[])`,
        [vehicles.map((v) => v.id)],
      );
      expect(counted?.n).toBe(6);
    } finally {
      await second.close();
    }
  });
});
